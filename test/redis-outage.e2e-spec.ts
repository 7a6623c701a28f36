import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { eventually, expectProblem, PASSWORD, registerUser, startHarness, type Harness } from './support/harness.js';

/**
 * A redis-server of this spec's own (never the shared one), stopped and started again mid-test, so the
 * API lives through a real outage: connections drop, commands fail, and Redis comes back empty.
 */
class PrivateRedis {
  private proc?: ChildProcess;
  constructor(readonly port: number) {}

  get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await eventually(async () => (await probe.connect().then(() => probe.ping())) === 'PONG', 10000, 100);
    } finally {
      probe.disconnect();
    }
  }

  /** A crash, not a shutdown: whatever Redis held is gone. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running) return;
    proc.kill('SIGKILL');
    await once(proc, 'exit');
  }
}

describe('while Redis is down', () => {
  // Below Linux's ephemeral range (32768+), where an outgoing connection could already hold a random port.
  const redis = new PrivateRedis(20000 + Math.floor(Math.random() * 12000));
  let h: Harness;
  beforeAll(async () => {
    await redis.start();
    h = await startHarness({ worker: false, env: { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '60' } });
  });
  afterAll(async () => {
    // Queue clients close cleanly only with Redis there (the test may have failed mid-outage).
    if (!redis.running) await redis.start();
    await h.close();
    await redis.kill();
  });

  it('revocation fails closed, logins answer 503, the limiter counts in process, Redis is resynced', async () => {
    const revokedBefore = await registerUser(h);
    const signsOutDuring = await registerUser(h);
    const member = await registerUser(h);
    await h.http().post('/v1/auth/logout').send({ refreshToken: revokedBefore.refreshToken }).expect(204);
    expectProblem(await h.http().get('/v1/me').set(revokedBefore.auth), 401);

    await redis.kill();
    await eventually(async () => (await h.http().get('/health/ready')).status === 503);

    // A family revoked before the outage stays revoked (PostgreSQL holds the truth).
    expectProblem(await h.http().get('/v1/me').set(revokedBefore.auth), 401, 'INVALID_TOKEN');
    // Members keep working.
    expect((await h.http().get('/v1/me').set(member.auth)).status).toBe(200);
    // A logout during the outage revokes that session's access tokens at once.
    await h.http().post('/v1/auth/logout').send({ refreshToken: signsOutDuring.refreshToken }).expect(204);
    expectProblem(await h.http().get('/v1/me').set(signsOutDuring.auth), 401, 'INVALID_TOKEN');
    // Login failures cannot be counted, so logins are refused rather than left unlimited.
    const login = await h.http().post('/v1/auth/login').send({ email: member.email, password: PASSWORD });
    expectProblem(login, 503, 'LOGIN_UNAVAILABLE');
    expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
    // The request limiter still limits (per process) instead of failing open.
    const statuses: number[] = [];
    for (let i = 0; i < 130; i++) statuses.push((await h.http().get('/v1/skills')).status);
    expect(statuses).toContain(429);

    await redis.start();
    await eventually(async () => (await h.http().get('/health/ready')).status === 200, 15000, 100);
    // Redis came back empty; the revocations made before and during the outage are back in it.
    const probe = new Redis(redis.url);
    try {
      await eventually(async () => (await probe.keys(`${h.config.queuePrefix}:revoked-family:*`)).length >= 2, 10000);
    } finally {
      probe.disconnect();
    }
    expectProblem(await h.http().get('/v1/me').set(signsOutDuring.auth), 401, 'INVALID_TOKEN');
    expectProblem(await h.http().get('/v1/me').set(revokedBefore.auth), 401, 'INVALID_TOKEN');
    expect((await h.http().get('/v1/me').set(member.auth)).status).toBe(200);
    expect((await h.http().post('/v1/auth/login').send({ email: member.email, password: PASSWORD })).status).toBe(200);
  });
});
