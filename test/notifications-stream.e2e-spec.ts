import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../src/app/create-api-app.js';
import { openEventStream, type EventStreamClient, type StreamEvent } from './support/event-stream.js';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { createMeetup, rsvp } from './support/meetups.js';

const HEARTBEAT_MS = 300;

const isEvent =
  (name: string, check: (data: Record<string, unknown>) => boolean = () => true) =>
  (e: StreamEvent): boolean =>
    e.event === name && e.data !== undefined && check(JSON.parse(e.data) as Record<string, unknown>);

describe('GET /v1/notifications/stream: Server-Sent Events across API replicas (docs/notifications.md)', () => {
  let h: Harness;
  let replicaB: NestFastifyApplication;
  let urlB: string;
  let bClosed = false;
  const open: EventStreamClient[] = [];

  const streamFromB = async (user: TestUser): Promise<EventStreamClient> => {
    const s = await openEventStream(`${urlB}/v1/notifications/stream`, user.auth);
    open.push(s);
    return s;
  };
  const openStreamsOnB = async (): Promise<number> => {
    const res = await request(urlB).get('/metrics');
    const line = String(res.text)
      .split('\n')
      .find((l) => l.startsWith('notification_streams_open '));
    return Number(line?.split(' ')[1]);
  };

  beforeAll(async () => {
    // Replica A (h.api) and the worker run in this process; replica B is a second API app on its own port,
    // sharing the database and Redis (and so the notification channel) with them.
    h = await startHarness({ env: { NOTIFICATION_STREAM_HEARTBEAT_MS: String(HEARTBEAT_MS) } });
    replicaB = await createApiApp(h.config);
    await replicaB.listen({ port: 0, host: '127.0.0.1' });
    urlB = `http://127.0.0.1:${(replicaB.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    if (!bClosed) await replicaB.close();
    await h.close();
  });

  it('delivers a notification created by the worker for an action on replica A to a stream on replica B', async () => {
    const organizer = await registerUser(h, ['organizer']);
    const [first, waiting] = await Promise.all([registerUser(h), registerUser(h)]);
    const stream = await streamFromB(waiting);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['cache-control']).toBe('no-store');
    await stream.next(isEvent('unread', (d) => d.count === 0));

    const m = await createMeetup(h, organizer, { capacity: 1 });
    await rsvp(h, first, m.id, 'going');
    expect((await rsvp(h, waiting, m.id, 'going')).body.status).toBe('waitlisted');
    await rsvp(h, first, m.id, 'not_going'); // promotes `waiting`: meetup.promoted, fanned out by the worker

    const event = await stream.next(isEvent('notification'));
    const pushed = JSON.parse(event.data!) as Record<string, unknown>;
    expect(pushed).toMatchObject({ type: 'meetup.promoted', data: { meetupId: m.id }, readAt: null });
    await stream.next(isEvent('unread', (d) => d.count === 1));
    // The same shape and values as the inbox's list item.
    const inbox = await h.http().get('/v1/notifications').set(waiting.auth);
    expect(inbox.body.items[0]).toEqual(pushed);
    // Nobody else's notification reached this stream.
    expect(stream.events.filter((e) => e.event === 'notification')).toHaveLength(1);

    // Reading it on replica A updates the count on the stream held by replica B.
    expect((await h.http().post('/v1/notifications/read-all').set(waiting.auth)).status).toBe(204);
    const counts = () => stream.events.filter(isEvent('unread')).map((e) => JSON.parse(e.data!).count as number);
    try {
      await eventually(() => counts().length === 3, 5000);
      expect(counts()).toEqual([0, 1, 0]);
    } finally {
      stream.close();
    }
  });

  it('writes a comment line every NOTIFICATION_STREAM_HEARTBEAT_MS', async () => {
    const user = await registerUser(h);
    const stream = await streamFromB(user);
    const start = Date.now();
    await stream.next((e) => e.comment === 'keep-alive', 5 * HEARTBEAT_MS);
    await eventually(() => stream.events.filter((e) => e.comment === 'keep-alive').length >= 3, 10 * HEARTBEAT_MS);
    expect(Date.now() - start).toBeLessThan(10 * HEARTBEAT_MS);
    stream.close();
  });

  it('needs a valid bearer token: 401 problem without one or with a bad one', async () => {
    for (const url of [h.url, urlB]) {
      expectProblem(await request(url).get('/v1/notifications/stream'), 401, 'UNAUTHENTICATED');
      expectProblem(
        await request(url).get('/v1/notifications/stream').set('Authorization', 'Bearer not.a.token'),
        401,
        'INVALID_TOKEN',
      );
    }
  });

  it('forgets a stream when its client disconnects (the open-streams gauge returns to zero)', async () => {
    await eventually(async () => (await openStreamsOnB()) === 0);
    const [a, b] = await Promise.all([registerUser(h), registerUser(h)]);
    const streams = [await streamFromB(a), await streamFromB(a), await streamFromB(b)];
    await Promise.all(streams.map((s) => s.next(isEvent('unread'))));
    expect(await openStreamsOnB()).toBe(3);
    for (const s of streams) s.close();
    await eventually(async () => (await openStreamsOnB()) === 0);
  });

  it('ends the stream when the session is signed out on another replica', async () => {
    const user = await registerUser(h);
    const stream = await streamFromB(user);
    await stream.next(isEvent('unread'));
    const out = await h.http().post('/v1/auth/logout').send({ refreshToken: user.refreshToken });
    expect(out.status).toBe(204);
    await Promise.race([
      stream.ended,
      new Promise((_, fail) => setTimeout(() => fail(new Error('stream still open')), 10 * HEARTBEAT_MS)),
    ]);
  });

  it('ends every stream promptly when the app closes (SIGTERM drains)', async () => {
    const user = await registerUser(h);
    const streams = [await streamFromB(user), await streamFromB(user)];
    await Promise.all(streams.map((s) => s.next(isEvent('unread'))));
    const start = Date.now();
    await replicaB.close();
    bClosed = true;
    await Promise.all(streams.map((s) => s.ended));
    expect(Date.now() - start).toBeLessThan(3000);
  });
});
