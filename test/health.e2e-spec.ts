import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, registerUser, startHarness, type Harness } from './support/harness.js';

describe('operations endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  it('GET /health/live answers 200', async () => {
    const res = await h.http().get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 200 when Postgres and Redis answer', async () => {
    const res = await h.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ postgres: 'up', redis: 'up' });
  });

  it('GET /metrics serves Prometheus text with the request histogram and queue gauges', async () => {
    await h.http().get('/health/live');
    const res = await h.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"[^}]*status="200"/);
    expect(res.text).toMatch(/bullmq_queue_jobs\{queue="events",state="waiting"\}/);
  });

  it('GET /docs-json serves an OpenAPI 3 document and /docs the UI', async () => {
    const json = await h.http().get('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/register', '/v1/me', '/health/ready']),
    );
    const ui = await h.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('sets security headers', async () => {
    const res = await h.http().get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('GET /health/ready answers 503 when Redis is unreachable', async () => {
    const broken = await startHarness({ worker: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const res = await broken.http().get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.checks).toEqual({ postgres: 'up', redis: 'down' });
      // Members keep using the API while Redis is away (revocation is checked in PostgreSQL, requests are
      // counted in process), but logins, whose failures cannot be counted, are refused.
      const user = await registerUser(broken);
      const me = await broken.http().get('/v1/me').set(user.auth);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
      const login = await broken.http().post('/v1/auth/login').send({ email: user.email, password: PASSWORD });
      expect(login.status).toBe(503);
      expect(login.body.code).toBe('LOGIN_UNAVAILABLE');
      // The outage with a server that goes away and comes back: test/redis-outage.e2e-spec.ts.
    } finally {
      await broken.close();
    }
  });
});
