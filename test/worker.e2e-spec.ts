import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AuthService } from '../src/auth/auth.service.js';
import { JobRegistry } from '../src/queues/job-registry.js';
import { createWorkerApp } from '../src/app/create-worker-app.js';
import { loadConfig } from '../src/config/app-config.js';
import { EventsService } from '../src/queues/events.service.js';
import { eventually, PASSWORD, registerUser, startHarness, type Harness } from './support/harness.js';

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
    const missing = jest.spyOn(JobRegistry.prototype, 'missingHandlers').mockReturnValue(['timers:unhandled.job']);
    try {
      const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'fatal' });
      await expect(createWorkerApp(config)).rejects.toThrow(/No handler registered for job\(s\): timers:unhandled.job/);
    } finally {
      missing.mockRestore();
    }
  });

  it("serves the worker's own metrics on its listener: delivery counters, queue gauges, process metrics", async () => {
    const scrape = async () => {
      const res = await fetch(h.workerMetricsUrl!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    const delivered = (text: string) =>
      Number(/^notifications_delivered_total\{channel="in_app"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = delivered(await scrape());

    const u = await registerUser(h, ['learner']);
    await h.db.transaction((tx) =>
      new EventsService().emit(tx, 'meetup.updated', { meetupId: randomUUID(), recipientIds: [u.id] }),
    );
    await eventually(async () => {
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [u.id]);
      return n === 1;
    });

    // The counter moves after the notification's transaction commits: a scrape may come between the two.
    const text = await eventually(async () => {
      const t = await scrape();
      return delivered(t) === before + 1 && t;
    });
    expect(delivered(text)).toBe(before + 1);
    expect(text).toMatch(/^bullmq_queue_jobs\{queue="[a-z-]+",state="waiting"\} \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    // The API's registry is another process's: it never counts the worker's deliveries.
    expect(delivered((await h.http().get('/metrics')).text)).toBe(0);
    expect((await fetch(h.workerMetricsUrl!.replace(/metrics$/, 'other'))).status).toBe(404);
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
