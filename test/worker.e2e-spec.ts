import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthService } from '../src/auth/auth.service.js';
import { JobRegistry } from '../src/queues/job-registry.js';
import { createWorkerApp } from '../src/app/create-worker-app.js';
import { loadConfig } from '../src/config/app-config.js';
import { PASSWORD, registerUser, startHarness, type Harness } from './support/harness.js';

describe('worker process and operations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: true, env: { CORS_ORIGINS: 'https://app.example' } });
  });
  afterAll(() => h.close());

  it('starts with a handler for every command job name', () => {
    expect(h.worker!.get(JobRegistry, { strict: false }).missingHandlers()).toEqual([]);
  });

  it('refuses to start when a job name has no handler', async () => {
    const original = JobRegistry.prototype.missingHandlers;
    JobRegistry.prototype.missingHandlers = () => ['timers:unhandled.job'];
    try {
      const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'fatal' });
      await expect(createWorkerApp(config)).rejects.toThrow(/No handler registered for job\(s\): timers:unhandled.job/);
    } finally {
      JobRegistry.prototype.missingHandlers = original;
    }
  });

  it('admin grant gives the admin role at the next login', async () => {
    const u = await registerUser(h, ['organizer']);
    expect(await h.api.get(AuthService, { strict: false }).grantRole(u.email, 'admin')).toBe(true);
    expect(await h.api.get(AuthService, { strict: false }).grantRole('nobody@example.test', 'admin')).toBe(false);
    const login = await h.http().post('/v1/auth/login').send({ email: u.email, password: PASSWORD });
    expect(login.body.user.roles).toEqual(['organizer', 'admin']);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const ok = await h
      .http()
      .options('/v1/me')
      .set('Origin', 'https://app.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example');
    const other = await h
      .http()
      .options('/v1/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
