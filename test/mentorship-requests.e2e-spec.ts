import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '../src/queues/queue-names.js';
import {
  eventually,
  expectProblem,
  PASSWORD,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { addGoal, makeMentor, outboxEvents } from './support/matching-fixtures.js';

describe('mentorship requests (docs/api.md#mentor-matching)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MAX_PENDING_REQUESTS_PER_LEARNER: '3', MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '1' } });
  });
  afterAll(() => h.close());

  const send = (learner: TestUser, body: Record<string, unknown>) =>
    h.http().post('/v1/mentorship-requests').set(learner.auth).send(body);
  const act = (user: TestUser, id: string, action: string, body?: Record<string, unknown>) => {
    const req = h.http().post(`/v1/mentorship-requests/${id}/${action}`).set(user.auth);
    return body ? req.send(body) : req;
  };

  describe('POST /v1/mentorship-requests', () => {
    it('creates a pending request that expires after the TTL, and tells the mentor', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h);
      const goal = await addGoal(h, learner.id, 'postgresql', 4);
      const res = await send(learner, {
        mentorId: mentor.id,
        message: 'Hi, can you help with Postgres?',
        goalIds: [goal],
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        learnerId: learner.id,
        learnerName: 'Test learner',
        mentorId: mentor.id,
        mentorName: 'Mentor',
        message: 'Hi, can you help with Postgres?',
        goalIds: [goal],
        status: 'pending',
        declineReason: null,
        declineNote: null,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        decidedAt: null,
      });
      const ttlMs = Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt);
      expect(ttlMs).toBe(h.config.mentorshipRequestTtlSeconds * 1000);
      const events = await outboxEvents(h, 'requestId', res.body.id);
      expect(events).toEqual([
        {
          type: 'mentorship.requested',
          payload: expect.objectContaining({ requestId: res.body.id, recipientIds: [mentor.id] }),
        },
      ]);
      // The worker schedules the expiry timer from the event.
      const timers = h.worker!.get<Queue>(getQueueToken(QUEUES.timers), { strict: false });
      const job = await eventually(() => timers.getJob(`expire-${res.body.id}`));
      expect(await job.getState()).toBe('delayed');
    });

    it('answers 403 to a caller without the learner role', async () => {
      const notLearner = await registerUser(h, ['mentor']);
      const mentor = await makeMentor(h);
      expectProblem(await send(notLearner, { mentorId: mentor.id, message: 'hello' }), 403, 'ROLE_REQUIRED');
    });

    it('answers 400 to oneself, for unknown fields, and for goals that are not the caller’s', async () => {
      const both = await makeMentor(h, {}, ['learner', 'mentor']);
      expectProblem(await send(both, { mentorId: both.id, message: 'me' }), 400);
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h);
      expectProblem(await send(learner, { mentorId: mentor.id, message: 'x', extra: 1 }), 400, 'VALIDATION_FAILED');
      expectProblem(await send(learner, { mentorId: 'not-a-uuid', message: 'x' }), 400, 'VALIDATION_FAILED');
      expectProblem(await send(learner, { mentorId: mentor.id }), 400, 'VALIDATION_FAILED');
      const otherGoal = await addGoal(h, mentor.id, 'sql', 3);
      const res = await send(learner, { mentorId: mentor.id, message: 'x', goalIds: [otherGoal] });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'goalIds' })]);
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM mentorship_requests WHERE learner_id = $1`, [
        learner.id,
      ]);
      expect(n).toBe(0);
    });

    it('answers 404 for an unknown profile and for a blocked pair, either way', async () => {
      const learner = await registerUser(h, ['learner']);
      expectProblem(await send(learner, { mentorId: '00000000-0000-4000-8000-000000000000', message: 'x' }), 404);
      const blockedByMentor = await makeMentor(h);
      expect((await h.http().post('/v1/blocks').set(blockedByMentor.auth).send({ profileId: learner.id })).status).toBe(
        201,
      );
      expectProblem(await send(learner, { mentorId: blockedByMentor.id, message: 'x' }), 404);
      const blockedByLearner = await makeMentor(h);
      expect(
        (await h.http().post('/v1/blocks').set(learner.auth).send({ profileId: blockedByLearner.id })).status,
      ).toBe(201);
      expectProblem(await send(learner, { mentorId: blockedByLearner.id, message: 'x' }), 404);
    });

    it('answers 409 when the target is not a mentor, not accepting, or has no open slot', async () => {
      const learner = await registerUser(h, ['learner']);
      const plain = await registerUser(h, ['learner']);
      expectProblem(await send(learner, { mentorId: plain.id, message: 'x' }), 409, 'NOT_A_MENTOR');
      const closed = await makeMentor(h, { accepting: false });
      expectProblem(await send(learner, { mentorId: closed.id, message: 'x' }), 409, 'MENTOR_NOT_ACCEPTING');
      const newcomer = await registerUser(h, ['mentor']);
      expectProblem(await send(learner, { mentorId: newcomer.id, message: 'x' }), 409, 'MENTOR_NOT_ACCEPTING');
      const full = await makeMentor(h, { capacity: 1 });
      await h.db.query(`UPDATE profiles SET active_mentees = 1 WHERE id = $1`, [full.id]);
      expectProblem(await send(learner, { mentorId: full.id, message: 'x' }), 409, 'MENTOR_AT_CAPACITY');
    });

    it('answers 409 to a second pending request to the same mentor, even when they race', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => send(learner, { mentorId: mentor.id, message: 'again' })),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) expectProblem(r, 409, 'DUPLICATE_REQUEST');
    });

    it('allows at most MAX_PENDING_REQUESTS_PER_LEARNER pending requests, however many race', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentors = await Promise.all(Array.from({ length: 8 }, () => makeMentor(h)));
      const results = await Promise.all(mentors.map((m) => send(learner, { mentorId: m.id, message: 'please' })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      for (const r of results.filter((x) => x.status !== 201)) expectProblem(r, 409, 'TOO_MANY_PENDING_REQUESTS');
      const [{ n }] = await h.db.query(
        `SELECT count(*)::int AS n FROM mentorship_requests WHERE learner_id = $1 AND status = 'pending'`,
        [learner.id],
      );
      expect(n).toBe(3);
      // Cancelling one frees a place.
      await act(learner, results.find((r) => r.status === 201)!.body.id, 'cancel');
      const another = await makeMentor(h);
      expect((await send(learner, { mentorId: another.id, message: 'now?' })).status).toBe(201);
    });
  });

  describe('reading requests', () => {
    it('lists mine by side and status with cursor pages, and shows a request to its two parties only', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentors = await Promise.all([makeMentor(h), makeMentor(h), makeMentor(h)]);
      const ids: string[] = [];
      for (const m of mentors) ids.push((await send(learner, { mentorId: m.id, message: 'hi' })).body.id);
      await act(learner, ids[0], 'cancel');

      const page1 = await h.http().get('/v1/mentorship-requests?as=learner&limit=2').set(learner.auth);
      expect(page1.status).toBe(200);
      expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
      const page2 = await h
        .http()
        .get(`/v1/mentorship-requests?as=learner&limit=2&cursor=${page1.body.nextCursor}`)
        .set(learner.auth);
      expect(page2.body).toEqual({
        items: [expect.objectContaining({ id: ids[0], status: 'cancelled' })],
        nextCursor: null,
      });
      // Each names both parties (no request per row).
      expect(page1.body.items[0]).toMatchObject({ learnerName: 'Test learner', mentorName: 'Mentor' });

      const pending = await h.http().get('/v1/mentorship-requests?as=learner&status=pending').set(learner.auth);
      expect(pending.body.items.map((r: { id: string }) => r.id).sort()).toEqual([ids[1], ids[2]].sort());
      const asMentor = await h.http().get('/v1/mentorship-requests?as=mentor').set(mentors[1].auth);
      expect(asMentor.body.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
      expect((await h.http().get('/v1/mentorship-requests?as=mentor').set(learner.auth)).body.items).toEqual([]);
      expectProblem(await h.http().get('/v1/mentorship-requests?as=owner').set(learner.auth), 400);
      expectProblem(
        await h.http().get('/v1/mentorship-requests?cursor=garbage').set(learner.auth),
        400,
        'INVALID_CURSOR',
      );

      expect((await h.http().get(`/v1/mentorship-requests/${ids[1]}`).set(learner.auth)).body.id).toBe(ids[1]);
      expect((await h.http().get(`/v1/mentorship-requests/${ids[1]}`).set(mentors[1].auth)).body.id).toBe(ids[1]);
      expectProblem(await h.http().get(`/v1/mentorship-requests/${ids[1]}`).set(mentors[0].auth), 404);
      expectProblem(await h.http().get('/v1/mentorship-requests/nope').set(learner.auth), 404);

      // A deleted account's side is null, its name too.
      const gone = await h.http().delete('/v1/me').set(mentors[0].auth).send({ password: PASSWORD });
      expect(gone.status).toBe(204);
      const after = await h.http().get(`/v1/mentorship-requests/${ids[0]}`).set(learner.auth);
      expect(after.body).toMatchObject({ mentorId: null, mentorName: null, learnerName: 'Test learner' });
    });
  });

  describe('accept', () => {
    it('creates the active mentorship, takes a slot, and tells the learner', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h, { capacity: 2 });
      const { body: request } = await send(learner, { mentorId: mentor.id, message: 'hi' });
      const res = await act(mentor, request.id, 'accept');
      expect(res.status).toBe(200);
      expect(res.body.request).toMatchObject({ id: request.id, status: 'accepted', decidedAt: expect.any(String) });
      expect(res.body.mentorship).toEqual({
        id: expect.any(String),
        learnerId: learner.id,
        learnerName: 'Test learner',
        mentorId: mentor.id,
        mentorName: 'Mentor',
        requestId: request.id,
        programId: null,
        status: 'active',
        startedAt: expect.any(String),
        endedAt: null,
        tasks: [],
      });
      const [p] = await h.db.query(`SELECT active_mentees FROM profiles WHERE id = $1`, [mentor.id]);
      expect(p.active_mentees).toBe(1);
      const events = await outboxEvents(h, 'requestId', request.id, 'mentorship.accepted');
      expect(events[0].payload).toMatchObject({ mentorshipId: res.body.mentorship.id, recipientIds: [learner.id] });
      // Accepting again, declining or cancelling now conflicts.
      expectProblem(await act(mentor, request.id, 'accept'), 409, 'REQUEST_NOT_PENDING');
      expectProblem(await act(mentor, request.id, 'decline', { reason: 'other' }), 409, 'REQUEST_NOT_PENDING');
      expectProblem(await act(learner, request.id, 'cancel'), 409, 'REQUEST_NOT_PENDING');
      // The delayed expiry job is removed once the request is decided.
      const timers = h.worker!.get<Queue>(getQueueToken(QUEUES.timers), { strict: false });
      await eventually(async () => (await timers.getJob(`expire-${request.id}`)) === undefined);
    });

    it('is for the mentor only: the learner gets 403, anyone else 404', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h);
      const stranger = await makeMentor(h);
      const { body: request } = await send(learner, { mentorId: mentor.id, message: 'hi' });
      expectProblem(await act(learner, request.id, 'accept'), 403);
      expectProblem(await act(stranger, request.id, 'accept'), 404);
      expectProblem(await act(mentor, '00000000-0000-4000-8000-000000000000', 'accept'), 404);
    });

    it('never exceeds capacity however many accepts race (12 parallel accepts, capacity 3)', async () => {
      const mentor = await makeMentor(h, { capacity: 3 });
      const learners = await Promise.all(Array.from({ length: 12 }, () => registerUser(h, ['learner'])));
      const requests = await Promise.all(learners.map((l) => send(l, { mentorId: mentor.id, message: 'me please' })));
      expect(requests.every((r) => r.status === 201)).toBe(true);
      const results = await Promise.all(requests.map((r) => act(mentor, r.body.id, 'accept')));
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      const losers = results.filter((r) => r.status !== 200);
      expect(losers).toHaveLength(9);
      for (const r of losers) expectProblem(r, 409, 'MENTOR_AT_CAPACITY');
      const [state] = await h.db.query(
        `SELECT p.active_mentees,
                (SELECT count(*)::int FROM mentorships m WHERE m.mentor_id = p.id AND m.status = 'active') AS active
           FROM profiles p WHERE p.id = $1`,
        [mentor.id],
      );
      expect(state).toEqual({ active_mentees: 3, active: 3 });
      const [{ n }] = await h.db.query(
        `SELECT count(*)::int AS n FROM mentorship_requests WHERE mentor_id = $1 AND status = 'pending'`,
        [mentor.id],
      );
      expect(n).toBe(9);
    });

    it('withdraws the learner’s other pending requests at MAX_ACTIVE_MENTORSHIPS_PER_LEARNER', async () => {
      const learner = await registerUser(h, ['learner']);
      const [a, b, c] = await Promise.all([makeMentor(h), makeMentor(h), makeMentor(h)]);
      const ra = (await send(learner, { mentorId: a.id, message: 'a' })).body;
      const rb = (await send(learner, { mentorId: b.id, message: 'b' })).body;
      const rc = (await send(learner, { mentorId: c.id, message: 'c' })).body;
      expect((await act(a, ra.id, 'accept')).status).toBe(200);
      for (const [mentor, r] of [
        [b, rb],
        [c, rc],
      ] as const) {
        const got = await h.http().get(`/v1/mentorship-requests/${r.id}`).set(learner.auth);
        expect(got.body).toMatchObject({ status: 'withdrawn', decidedAt: expect.any(String) });
        const events = await outboxEvents(h, 'requestId', r.id, 'mentorship.withdrawn');
        expect(events.map((e) => e.payload.recipientIds)).toEqual([[mentor.id]]);
        expectProblem(await act(mentor, r.id, 'accept'), 409, 'REQUEST_NOT_PENDING');
      }
      // At the limit, no new request can be sent.
      const d = await makeMentor(h);
      expectProblem(await send(learner, { mentorId: d.id, message: 'd' }), 409, 'ACTIVE_MENTORSHIP_LIMIT');
    });

    it('two mentors accepting the same learner at once: one wins, the other request is withdrawn', async () => {
      const learner = await registerUser(h, ['learner']);
      const [a, b] = await Promise.all([makeMentor(h), makeMentor(h)]);
      const ra = (await send(learner, { mentorId: a.id, message: 'a' })).body;
      const rb = (await send(learner, { mentorId: b.id, message: 'b' })).body;
      const [x, y] = await Promise.all([act(a, ra.id, 'accept'), act(b, rb.id, 'accept')]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const [{ n }] = await h.db.query(
        `SELECT count(*)::int AS n FROM mentorships WHERE learner_id = $1 AND status = 'active'`,
        [learner.id],
      );
      expect(n).toBe(1);
    });
  });

  describe('decline and cancel', () => {
    it('the mentor declines with a reason; the learner is told', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h);
      const { body: request } = await send(learner, { mentorId: mentor.id, message: 'hi' });
      expectProblem(await act(mentor, request.id, 'decline', { reason: 'busy' }), 400);
      expectProblem(await act(learner, request.id, 'decline', { reason: 'other' }), 403);
      const res = await act(mentor, request.id, 'decline', {
        reason: 'schedule_mismatch',
        note: 'Evenings only, sorry',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: request.id,
        status: 'declined',
        declineReason: 'schedule_mismatch',
        declineNote: 'Evenings only, sorry',
      });
      const events = await outboxEvents(h, 'requestId', request.id, 'mentorship.declined');
      expect(events[0].payload).toMatchObject({ reason: 'schedule_mismatch', recipientIds: [learner.id] });
      expectProblem(await act(learner, request.id, 'cancel'), 409, 'REQUEST_NOT_PENDING');
      // A declined request no longer blocks a new one to the same mentor.
      expect((await send(learner, { mentorId: mentor.id, message: 'try again' })).status).toBe(201);
    });

    it('the learner cancels; the mentor is told; the mentor cannot cancel', async () => {
      const learner = await registerUser(h, ['learner']);
      const mentor = await makeMentor(h);
      const { body: request } = await send(learner, { mentorId: mentor.id, message: 'hi' });
      expectProblem(await act(mentor, request.id, 'cancel'), 403);
      const res = await act(learner, request.id, 'cancel');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', decidedAt: expect.any(String) });
      const events = await outboxEvents(h, 'requestId', request.id, 'mentorship.cancelled');
      expect(events[0].payload.recipientIds).toEqual([mentor.id]);
      expectProblem(await act(mentor, request.id, 'accept'), 409, 'REQUEST_NOT_PENDING');
    });

    it('a block closes pending requests between the pair', async () => {
      const learner = await registerUser(h, ['learner']);
      const [m1, m2] = await Promise.all([makeMentor(h), makeMentor(h)]);
      const r1 = (await send(learner, { mentorId: m1.id, message: 'a' })).body;
      const r2 = (await send(learner, { mentorId: m2.id, message: 'b' })).body;
      await h.http().post('/v1/blocks').set(m1.auth).send({ profileId: learner.id });
      await h.http().post('/v1/blocks').set(learner.auth).send({ profileId: m2.id });
      expect((await h.http().get(`/v1/mentorship-requests/${r1.id}`).set(learner.auth)).body).toMatchObject({
        status: 'declined',
        declineReason: 'other',
      });
      expect((await h.http().get(`/v1/mentorship-requests/${r2.id}`).set(learner.auth)).body).toMatchObject({
        status: 'cancelled',
      });
      expectProblem(await act(m1, r1.id, 'accept'), 409, 'REQUEST_NOT_PENDING');
    });
  });

  it('delivers the in-app notifications when the notifications module is present', async () => {
    const learner = await registerUser(h, ['learner']);
    const mentor = await makeMentor(h);
    const { body: request } = await send(learner, { mentorId: mentor.id, message: 'hi' });
    await act(mentor, request.id, 'accept');
    const inbox = async (u: TestUser) =>
      (await h.http().get('/v1/notifications').set(u.auth)).body.items as {
        type: string;
        data: Record<string, unknown>;
      }[];
    const mentorInbox = await eventually(async () => {
      const items = await inbox(mentor);
      return items.some((n) => n.type === 'mentorship.requested') && items;
    });
    expect(mentorInbox.find((n) => n.type === 'mentorship.requested')!.data).toMatchObject({ requestId: request.id });
    const learnerInbox = await eventually(async () => {
      const items = await inbox(learner);
      return items.some((n) => n.type === 'mentorship.accepted') && items;
    });
    expect(learnerInbox.find((n) => n.type === 'mentorship.accepted')!.data).toMatchObject({ requestId: request.id });
  });
});
