import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmailDelivery } from '../src/notifications/delivery/email-delivery.js';
import { NotificationFanout } from '../src/notifications/notification-fanout.service.js';
import { verifyWebhook } from '../src/notifications/webhooks/signature.js';
import type { DomainEvent, EventType } from '../src/queues/event-types.js';
import { EventsService } from '../src/queues/events.service.js';
import { QUEUES } from '../src/queues/queue-names.js';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { mentorshipPair } from './support/conversations.js';
import { createMeetup } from './support/meetups.js';
import { startSmtpSink, type Mail, type SmtpSink } from './support/smtp-sink.js';

interface Hook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Reads a MIME message well enough to assert on: quoted-printable soft breaks and escapes undone. */
const decodeQp = (s: string) =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('notifications (inbox, preferences, e-mail and webhook delivery)', () => {
  let h: Harness;
  let strict: Harness;
  let sink: SmtpSink;
  let receiver: Server;
  let receiverUrl: string;
  // Registration mails a verification link (the auth module's, not a notification): these tests skip those.
  const isNotification = (m: Mail) => !/^Message-ID: <account-/im.test(m.raw);
  const mails = {
    filter: (f: (m: Mail) => boolean) => sink.mails.filter((m) => isNotification(m) && f(m)),
    some: (f: (m: Mail) => boolean) => sink.mails.some((m) => isNotification(m) && f(m)),
  };
  const hooks: Hook[] = [];
  /** Per receiver path, the statuses to answer in turn (200 once they run out). */
  const script = new Map<string, number[]>();
  const events = new EventsService();

  beforeAll(async () => {
    sink = await startSmtpSink();

    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        hooks.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = script.get(path)?.shift() ?? 200;
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    h = await startHarness({
      env: {
        SMTP_URL: sink.url,
        WEBHOOK_ALLOW_PRIVATE: 'true',
        PUBLIC_BASE_URL: 'https://guildhall.example',
      },
    });
    strict = await startHarness({ env: { WEBHOOK_ALLOW_PRIVATE: 'false' }, worker: false });
  }, 120_000);

  afterAll(async () => {
    await strict?.close();
    await h?.close();
    await sink?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  async function emit(type: EventType, payload: Record<string, unknown>): Promise<string> {
    return h.db.transaction((tx) => events.emit(tx, type, payload));
  }

  async function countFor(userId: string, eventId?: string): Promise<number> {
    const [{ n }] = await h.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND ($2::uuid IS NULL OR event_id = $2)`,
      [userId, eventId ?? null],
    );
    return n;
  }

  /** Inserts notifications directly, at given times, for the inbox tests. */
  async function seed(user: TestUser, times: Date[], type = 'meetup.updated'): Promise<void> {
    await h.db.query(
      `INSERT INTO notifications (event_id, recipient_id, type, data, created_at)
       SELECT gen_random_uuid(), $1, $2, jsonb_build_object('meetupId', gen_random_uuid()), t FROM
       unnest($3::timestamptz[]) AS t`,
      [user.id, type, times],
    );
  }

  async function readAllPages(
    user: TestUser,
    query: string,
    limit: number,
  ): Promise<{ id: string; createdAt: string; readAt: string | null }[]> {
    const items: { id: string; createdAt: string; readAt: string | null }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const url: string = `/v1/notifications?limit=${limit}${query}${after}`;
      const res = await h.http().get(url).set(user.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('pagination did not end');
  }

  describe('inbox', () => {
    it('lists my notifications newest first in cursor pages that never skip or repeat (ties by id)', async () => {
      const me = await registerUser(h);
      const other = await registerUser(h);
      const base = Date.parse('2030-01-01T00:00:00Z');
      const spread = Array.from({ length: 20 }, (_, i) => new Date(base + i * 1000 + 0.123));
      const tied = Array.from({ length: 6 }, () => new Date(base + 7500));
      await seed(me, [...spread, ...tied]);
      await seed(other, [new Date(base + 3000)]);

      const expected = (
        await h.db.query(`SELECT id FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC`, [
          me.id,
        ])
      ).map((r: { id: string }) => r.id);
      const items = await readAllPages(me, '', 7);
      expect(items.map((i) => i.id)).toEqual(expected);
      expect(items).toHaveLength(26);

      const first = await h.http().get('/v1/notifications').set(me.auth);
      expect(first.body.items).toHaveLength(20);
      expect(first.body.items[0]).toEqual({
        id: expected[0],
        type: 'meetup.updated',
        data: { meetupId: expect.any(String) },
        createdAt: '2030-01-01T00:00:19.000Z',
        readAt: null,
      });
      expect(typeof first.body.nextCursor).toBe('string');
    });

    it('filters unread, counts unread, marks one and then all as read', async () => {
      const me = await registerUser(h);
      await seed(
        me,
        Array.from({ length: 5 }, (_, i) => new Date(Date.parse('2030-02-01T00:00:00Z') + i * 60_000)),
      );
      const all = (await h.http().get('/v1/notifications').set(me.auth)).body.items as { id: string }[];
      expect((await h.http().get('/v1/notifications/unread-count').set(me.auth)).body).toEqual({ count: 5 });

      const read = await h.http().post(`/v1/notifications/${all[1].id}/read`).set(me.auth);
      expect(read.status).toBe(204);
      expect(read.text).toBe('');
      const firstReadAt = (await h.http().get('/v1/notifications').set(me.auth)).body.items[1].readAt;
      expect(Date.parse(firstReadAt)).toBeGreaterThan(Date.now() - 60_000);
      // Reading it again is fine and keeps the first read time.
      expect((await h.http().post(`/v1/notifications/${all[1].id}/read`).set(me.auth)).status).toBe(204);
      expect((await h.http().get('/v1/notifications').set(me.auth)).body.items[1].readAt).toBe(firstReadAt);

      expect((await h.http().get('/v1/notifications/unread-count').set(me.auth)).body).toEqual({ count: 4 });
      const unread = await readAllPages(me, '&unread=true', 2);
      expect(unread.map((i) => i.id)).toEqual(all.filter((_, i) => i !== 1).map((i) => i.id));
      expect(unread.every((i) => i.readAt === null)).toBe(true);
      expect((await h.http().get('/v1/notifications?unread=false').set(me.auth)).body.items).toHaveLength(5);

      const readAll = await h.http().post('/v1/notifications/read-all').set(me.auth);
      expect(readAll.status).toBe(204);
      expect((await h.http().get('/v1/notifications/unread-count').set(me.auth)).body).toEqual({ count: 0 });
      expect((await h.http().get('/v1/notifications?unread=true').set(me.auth)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      expect(
        (await h.http().get('/v1/notifications').set(me.auth)).body.items.every(
          (i: { readAt: string | null }) => i.readAt !== null,
        ),
      ).toBe(true);
    });

    it("answers 404 for another user's notification, an unknown id and a malformed id", async () => {
      const me = await registerUser(h);
      const other = await registerUser(h);
      await seed(other, [new Date()]);
      const [theirs] = (await h.http().get('/v1/notifications').set(other.auth)).body.items;
      expectProblem(await h.http().post(`/v1/notifications/${theirs.id}/read`).set(me.auth), 404);
      expect((await h.http().get('/v1/notifications/unread-count').set(other.auth)).body).toEqual({ count: 1 });
      expectProblem(await h.http().post(`/v1/notifications/${randomUUID()}/read`).set(me.auth), 404);
      expectProblem(await h.http().post('/v1/notifications/not-a-uuid/read').set(me.auth), 404);
    });

    it('rejects bad query parameters and anonymous callers', async () => {
      const me = await registerUser(h);
      expectProblem(await h.http().get('/v1/notifications?limit=0').set(me.auth), 400);
      expectProblem(await h.http().get('/v1/notifications?limit=101').set(me.auth), 400);
      expectProblem(await h.http().get('/v1/notifications?unread=maybe').set(me.auth), 400);
      expectProblem(await h.http().get('/v1/notifications?cursor=garbage').set(me.auth), 400, 'INVALID_CURSOR');
      const wrongShape = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      expectProblem(await h.http().get(`/v1/notifications?cursor=${wrongShape}`).set(me.auth), 400, 'INVALID_CURSOR');
      expectProblem(await h.http().get('/v1/notifications?sort=asc').set(me.auth), 400);
      expectProblem(await h.http().get('/v1/notifications'), 401);
      expectProblem(await h.http().get('/v1/notifications/unread-count'), 401);
      expectProblem(await h.http().post('/v1/notifications/read-all'), 401);
      expectProblem(await h.http().put('/v1/notification-preferences').send({ email: false }), 401);
    });
  });

  describe('preferences', () => {
    it('start with e-mail on, no webhook and nothing muted; PUT answers 200 with the stored preferences', async () => {
      const me = await registerUser(h);
      expect((await h.http().get('/v1/notification-preferences').set(me.auth)).body).toEqual({
        email: true,
        webhookUrl: null,
        mutedTypes: [],
      });
      const res = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ email: false, webhookUrl: null, mutedTypes: ['meetup.reminder', 'suggestions.ready'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        email: false,
        webhookUrl: null,
        mutedTypes: ['meetup.reminder', 'suggestions.ready'],
      });
      expect((await h.http().get('/v1/notification-preferences').set(me.auth)).body).toEqual(res.body);
      // A field left out keeps its value.
      const partial = await h.http().put('/v1/notification-preferences').set(me.auth).send({ email: true });
      expect(partial.body).toEqual({
        email: true,
        webhookUrl: null,
        mutedTypes: ['meetup.reminder', 'suggestions.ready'],
      });
    });

    it('reject an unknown muted type, an unknown field and wrongly typed values with 400', async () => {
      const me = await registerUser(h);
      const unknownType = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ email: true, webhookUrl: null, mutedTypes: ['meetup.exploded'] });
      expectProblem(unknownType, 400);
      expect(unknownType.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'mutedTypes' })]),
      );
      // profile.matching_changed is an event but not a notification type.
      expectProblem(
        await h
          .http()
          .put('/v1/notification-preferences')
          .set(me.auth)
          .send({ mutedTypes: ['profile.matching_changed'] }),
        400,
      );
      expectProblem(
        await h.http().put('/v1/notification-preferences').set(me.auth).send({ mutedTypes: 'meetup.reminder' }),
        400,
      );
      const unknownField = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ email: true, sms: true });
      expectProblem(unknownField, 400);
      expect(unknownField.body.errors).toEqual([expect.objectContaining({ field: 'sms' })]);
      expectProblem(await h.http().put('/v1/notification-preferences').set(me.auth).send({ email: 'yes' }), 400);
      expectProblem(await h.http().put('/v1/notification-preferences').set(me.auth).send({ webhookUrl: 42 }), 400);
      expect((await h.http().get('/v1/notification-preferences').set(me.auth)).body).toEqual({
        email: true,
        webhookUrl: null,
        mutedTypes: [],
      });
    });

    it('refuse webhook URLs to private, loopback or link-local addresses unless WEBHOOK_ALLOW_PRIVATE', async () => {
      const me = await registerUser(strict);
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'https://127.0.0.1/hook',
        'https://localhost/hook',
        'https://10.1.2.3/hook',
        'https://192.168.0.10/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hook',
        'https://[fe80::1]/hook',
        'https://2130706433/hook',
        'http://93.184.215.14/hook',
        'not a url',
      ]) {
        const res = await strict.http().put('/v1/notification-preferences').set(me.auth).send({ webhookUrl: url });
        expectProblem(res, 400, 'WEBHOOK_URL_REJECTED');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'webhookUrl' })]);
      }
      expect((await strict.http().get('/v1/notification-preferences').set(me.auth)).body.webhookUrl).toBeNull();

      const ok = await strict
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ webhookUrl: 'https://93.184.215.14/hook' });
      expect(ok.status).toBe(200);
      expect(ok.body.webhookSecret).toMatch(/^whsec_/);

      // The same URL is accepted where private targets are allowed.
      const local = await registerUser(h);
      const allowed = await h
        .http()
        .put('/v1/notification-preferences')
        .set(local.auth)
        .send({ webhookUrl: 'http://127.0.0.1:8080/hook' });
      expect(allowed.status).toBe(200);
    });

    it('return a webhook secret once, when a URL is saved or changed, and never on GET', async () => {
      const me = await registerUser(h);
      const first = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ email: true, webhookUrl: `${receiverUrl}/a`, mutedTypes: [] });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        email: true,
        webhookUrl: `${receiverUrl}/a`,
        mutedTypes: [],
        webhookSecret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      });
      const got = await h.http().get('/v1/notification-preferences').set(me.auth);
      expect(got.body).toEqual({ email: true, webhookUrl: `${receiverUrl}/a`, mutedTypes: [] });
      expect(JSON.stringify(got.body)).not.toContain('whsec_');

      const same = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ webhookUrl: `${receiverUrl}/a`, email: false });
      expect(same.body).toEqual({ email: false, webhookUrl: `${receiverUrl}/a`, mutedTypes: [] });

      const changed = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ webhookUrl: `${receiverUrl}/b` });
      expect(changed.body.webhookSecret).toMatch(/^whsec_/);
      expect(changed.body.webhookSecret).not.toBe(first.body.webhookSecret);

      const cleared = await h.http().put('/v1/notification-preferences').set(me.auth).send({ webhookUrl: null });
      expect(cleared.body).toEqual({ email: false, webhookUrl: null, mutedTypes: [] });
      const [row] = await h.db.query(`SELECT webhook_secret FROM notification_preferences WHERE profile_id = $1`, [
        me.id,
      ]);
      expect(row.webhook_secret).toBeNull();
    });
  });

  describe('delivery pipeline', () => {
    it('creates one in-app notification per recipient whose data is the payload without recipientIds', async () => {
      const a = await registerUser(h);
      const b = await registerUser(h);
      const meetupId = randomUUID();
      const eventId = await emit('meetup.cancelled', {
        meetupId,
        title: 'Postgres night',
        recipientIds: [a.id, b.id, a.id, randomUUID(), 'nonsense'],
      });
      await eventually(async () => (await countFor(a.id, eventId)) === 1 && (await countFor(b.id, eventId)) === 1);
      const res = await h.http().get('/v1/notifications').set(a.auth);
      expect(res.body.items).toEqual([
        {
          id: expect.any(String),
          type: 'meetup.cancelled',
          data: { meetupId, title: 'Postgres night' },
          createdAt: expect.any(String),
          readAt: null,
        },
      ]);
      const [{ created_at }] = await h.db.query(`SELECT created_at FROM outbox WHERE id = $1`, [eventId]);
      expect(res.body.items[0].createdAt).toBe(new Date(created_at).toISOString());
      expect((await h.http().get('/v1/notifications/unread-count').set(b.auth)).body).toEqual({ count: 1 });
    });

    it('adds the names its ids stand for to the data once per event, keeping what the emitter set', async () => {
      const { learner, mentor, mentorshipId, conversationId } = await mentorshipPair(h);
      const organizer = await registerUser(h, ['organizer']);
      const meetup = await createMeetup(h, organizer, { title: 'Index tuning clinic' });
      const dataOf = async (user: TestUser, type: string) =>
        eventually(async () => {
          const res = await h.http().get('/v1/notifications?limit=100').set(user.auth);
          return res.body.items.find((n: { type: string }) => n.type === type)?.data;
        });

      expect(await dataOf(learner, 'mentorship.accepted')).toEqual(
        expect.objectContaining({ mentorshipId, learnerName: 'Lena Learner', mentorName: 'Max Mentor' }),
      );
      const sessionId = randomUUID();
      await emit('session.reminder', { sessionId, mentorshipId, recipientIds: [learner.id, mentor.id] });
      expect(await dataOf(mentor, 'session.reminder')).toEqual({
        sessionId,
        mentorshipId,
        learnerId: learner.id,
        mentorId: mentor.id,
        learnerName: 'Lena Learner',
        mentorName: 'Max Mentor',
      });
      await emit('message.received', { conversationId, authorId: mentor.id, recipientIds: [learner.id] });
      expect(await dataOf(learner, 'message.received')).toEqual({
        conversationId,
        authorId: mentor.id,
        authorName: 'Max Mentor',
      });
      await emit('meetup.cancelled', { meetupId: meetup.id, recipientIds: [learner.id] });
      expect(await dataOf(learner, 'meetup.cancelled')).toEqual({ meetupId: meetup.id, title: 'Index tuning clinic' });
      await emit('meetup.promoted', { meetupId: meetup.id, title: 'As emitted', recipientIds: [learner.id] });
      expect(await dataOf(learner, 'meetup.promoted')).toEqual({ meetupId: meetup.id, title: 'As emitted' });
    });

    it('a muted type creates no notification (in-app, e-mail or webhook) for that user only', async () => {
      const muter = await registerUser(h);
      const other = await registerUser(h);
      const put = await h
        .http()
        .put('/v1/notification-preferences')
        .set(muter.auth)
        .send({ mutedTypes: ['meetup.reminder'], webhookUrl: `${receiverUrl}/muted-${muter.id}` });
      expect(put.status).toBe(200);
      const reminder = await emit('meetup.reminder', { meetupId: randomUUID(), recipientIds: [muter.id, other.id] });
      const update = await emit('meetup.updated', { meetupId: randomUUID(), recipientIds: [muter.id] });
      await eventually(
        async () => (await countFor(other.id, reminder)) === 1 && (await countFor(muter.id, update)) === 1,
      );
      expect(await countFor(muter.id, reminder)).toBe(0);
      const types = (await h.http().get('/v1/notifications').set(muter.auth)).body.items.map(
        (i: { type: string }) => i.type,
      );
      expect(types).toEqual(['meetup.updated']);
      // The unmuted type still reaches the webhook; the muted one never does.
      await eventually(() => hooks.some((x) => x.path === `/muted-${muter.id}`));
      await new Promise((r) => setTimeout(r, 300));
      const received = hooks.filter((x) => x.path === `/muted-${muter.id}`).map((x) => JSON.parse(x.body).type);
      expect(received).toEqual(['meetup.updated']);
      expect(mails.filter((m) => m.to.includes(muter.email)).map((m) => decodeQp(m.raw))).toEqual([
        expect.stringContaining('Subject: A meetup has changed'),
      ]);
    });

    it('e-mails each recipient who wants e-mail once, with a text and an HTML part, never re-sending', async () => {
      const wants = await registerUser(h, ['mentor'], { displayName: 'Grace Mentor' });
      const optedOut = await registerUser(h);
      await h.http().put('/v1/notification-preferences').set(optedOut.auth).send({ email: false });
      const requestId = randomUUID();
      const eventId = await emit('mentorship.requested', { requestId, recipientIds: [wants.id, optedOut.id] });

      await eventually(() => mails.some((m) => m.to.includes(wants.email)));
      const [notification] = await h.db.query(
        `SELECT id FROM notifications WHERE event_id = $1 AND recipient_id = $2`,
        [eventId, wants.id],
      );
      await eventually(async () => {
        const [d] = await h.db.query(
          `SELECT status FROM notification_deliveries WHERE notification_id = $1 AND channel = 'email'`,
          [notification.id],
        );
        return d?.status === 'sent';
      });
      const mine = mails.filter((m) => m.to.includes(wants.email));
      expect(mine).toHaveLength(1);
      const raw = decodeQp(mine[0].raw);
      expect(raw).toMatch(/^Subject: New mentorship request\r?$/m);
      expect(raw).toMatch(/^Message-ID: <notification-[0-9a-f-]{36}@guildhall>\r?$/im);
      expect(raw).toMatch(/Content-Type: text\/plain/);
      expect(raw).toMatch(/Content-Type: text\/html/);
      expect(raw).toContain('Hi Grace Mentor,');
      expect(raw).toContain(`https://guildhall.example/v1/mentorship-requests/${requestId}`);
      expect(await countFor(optedOut.id, eventId)).toBe(1);

      // The same job running again (retry, stalled job) and the whole event running again send nothing.
      const emailDelivery = h.worker!.get(EmailDelivery, { strict: false });
      const fakeJob = { attemptsMade: 0, opts: { attempts: 8 } } as never;
      expect(await emailDelivery.deliver({ notificationId: notification.id }, fakeJob)).toBe('already-done');
      const fanout = h.worker!.get(NotificationFanout, { strict: false });
      const [outboxRow] = await h.db.query(`SELECT created_at FROM outbox WHERE id = $1`, [eventId]);
      const replay = await fanout.handle({
        eventId,
        type: 'mentorship.requested',
        payload: { requestId, recipientIds: [wants.id, optedOut.id] },
        createdAt: new Date(outboxRow.created_at).toISOString(),
      });
      expect(replay.created).toBe(0);
      await new Promise((r) => setTimeout(r, 500));
      expect(mails.filter((m) => m.to.includes(wants.email))).toHaveLength(1);
      expect(mails.filter((m) => m.to.includes(optedOut.email))).toHaveLength(0);
      const [{ n }] = await h.db.query(
        `SELECT count(*)::int AS n FROM notification_deliveries d JOIN notifications x ON x.id =
           d.notification_id WHERE x.recipient_id = $1`,
        [optedOut.id],
      );
      expect(n).toBe(0);
    });

    it('POSTs a signed webhook { id, type, createdAt, data } that verifies with the secret', async () => {
      const me = await registerUser(h);
      await h.http().put('/v1/notification-preferences').set(me.auth).send({ email: false });
      const put = await h
        .http()
        .put('/v1/notification-preferences')
        .set(me.auth)
        .send({ webhookUrl: `${receiverUrl}/hook-${me.id}` });
      const secret: string = put.body.webhookSecret;
      const meetupId = randomUUID();
      await emit('meetup.reminder', { meetupId, startsAt: '2030-05-01T18:00:00Z', recipientIds: [me.id] });

      await eventually(() => hooks.some((x) => x.path === `/hook-${me.id}`));
      const hook = hooks.find((x) => x.path === `/hook-${me.id}`) as Hook;
      const [inbox] = (await h.http().get('/v1/notifications').set(me.auth)).body.items;
      expect(JSON.parse(hook.body)).toEqual({
        id: inbox.id,
        type: 'meetup.reminder',
        createdAt: inbox.createdAt,
        data: { meetupId, startsAt: '2030-05-01T18:00:00Z' },
      });
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['webhook-id']).toBe(inbox.id);
      const signed = {
        'webhook-id': String(hook.headers['webhook-id']),
        'webhook-timestamp': String(hook.headers['webhook-timestamp']),
        'webhook-signature': String(hook.headers['webhook-signature']),
      };
      expect(verifyWebhook(secret, signed, hook.body)).toBe(true);
      expect(verifyWebhook(secret, signed, hook.body.replace('meetup.reminder', 'meetup.cancelled'))).toBe(false);
      await eventually(async () => {
        const [d] = await h.db.query(
          `SELECT status FROM notification_deliveries WHERE notification_id = $1 AND channel = 'webhook'`,
          [inbox.id],
        );
        return d?.status === 'sent';
      });
    });

    it('retries a failed webhook with backoff and the same webhook-id; gives up at once on a 4xx', async () => {
      const flaky = await registerUser(h);
      const gone = await registerUser(h);
      for (const [u, path] of [
        [flaky, `/flaky-${flaky.id}`],
        [gone, `/gone-${gone.id}`],
      ] as const) {
        await h
          .http()
          .put('/v1/notification-preferences')
          .set(u.auth)
          .send({ email: false, webhookUrl: `${receiverUrl}${path}` });
      }
      script.set(`/flaky-${flaky.id}`, [503]);
      script.set(`/gone-${gone.id}`, [410, 410, 410]);
      await emit('suggestions.ready', { recipientIds: [flaky.id, gone.id] });

      await eventually(() => hooks.filter((x) => x.path === `/flaky-${flaky.id}`).length === 2, 15_000);
      const attempts = hooks.filter((x) => x.path === `/flaky-${flaky.id}`);
      expect(attempts[0].headers['webhook-id']).toBe(attempts[1].headers['webhook-id']);
      const [flakyId] = (await h.http().get('/v1/notifications').set(flaky.auth)).body.items.map(
        (i: { id: string }) => i.id,
      );
      await eventually(async () => {
        const [d] = await h.db.query(
          `SELECT status, attempts FROM notification_deliveries WHERE notification_id = $1`,
          [flakyId],
        );
        return d?.status === 'sent' && d.attempts === 2;
      });

      const [goneId] = (await h.http().get('/v1/notifications').set(gone.auth)).body.items.map(
        (i: { id: string }) => i.id,
      );
      await eventually(async () => {
        const [d] = await h.db.query(
          `SELECT status, attempts, last_error FROM notification_deliveries WHERE notification_id = $1`,
          [goneId],
        );
        return d?.status === 'failed' && d.attempts === 1 && /410/.test(d.last_error);
      });
      expect(hooks.filter((x) => x.path === `/gone-${gone.id}`)).toHaveLength(1);
      const job = await h
        .worker!.get<Queue>(getQueueToken(QUEUES.notifications), { strict: false })
        .getJob(`webhook-${goneId}`);
      expect(await job?.getState()).toBe('failed');
    });

    it('one in-app notification per (event, recipient) when an event job runs twice, even at once', async () => {
      const users = await Promise.all([registerUser(h), registerUser(h), registerUser(h)]);
      const fanout = h.worker!.get(NotificationFanout, { strict: false });
      const event: DomainEvent = {
        eventId: randomUUID(),
        type: 'mentorship.completed',
        payload: { mentorshipId: randomUUID(), recipientIds: users.map((u) => u.id) },
        createdAt: new Date().toISOString(),
      };
      const [x, y] = await Promise.all([fanout.handle(event), fanout.handle(event)]);
      expect(x.created + y.created).toBe(3);
      expect((await fanout.handle(event)).created).toBe(0);

      // And through the queue: the same event enqueued again under another job id.
      const events = h.worker!.get<Queue>(getQueueToken(QUEUES.events), { strict: false });
      const again = await events.add(event.type, event, { jobId: `again-${event.eventId}` });
      await eventually(async () => (await again.getState()) === 'completed');
      for (const u of users) expect(await countFor(u.id, event.eventId)).toBe(1);
    });

    it('serves delivery gauges from the ledger on the API /metrics', async () => {
      const res = await h.http().get('/metrics');
      expect(res.status).toBe(200);
      const value = (channel: string, status: string) =>
        Number(
          new RegExp(`^notification_deliveries\\{channel="${channel}",status="${status}"\\} (\\d+)$`, 'm').exec(
            res.text,
          )?.[1],
        );
      expect(value('email', 'sent')).toBeGreaterThanOrEqual(1);
      expect(value('webhook', 'sent')).toBeGreaterThanOrEqual(2);
      expect(value('webhook', 'failed')).toBeGreaterThanOrEqual(1);
      expect(value('email', 'failed')).toBe(0);
    });
  });

  it('documents every notification endpoint in the OpenAPI document', async () => {
    const doc = (await h.http().get('/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/notifications',
        '/v1/notifications/unread-count',
        '/v1/notifications/{id}/read',
        '/v1/notifications/read-all',
        '/v1/notification-preferences',
      ]),
    );
    expect(Object.keys(doc.paths['/v1/notification-preferences'])).toEqual(expect.arrayContaining(['get', 'put']));
    expect(JSON.stringify(doc.components.schemas.NotificationPreferencesView)).toContain('webhookSecret');
    expect(JSON.stringify(doc.components.schemas.UpdateNotificationPreferencesDto)).toContain('mutedTypes');
  });
});
