import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MentorshipRequestExpiryService } from '../src/matching/mentorship-request-expiry.service.js';
import {
  EXPIRY_SWEEP_SCHEDULER,
  MentorshipRequestTimersProcessor,
} from '../src/matching/mentorship-request-timers.processor.js';
import { JOBS, QUEUES } from '../src/queues/queue-names.js';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { makeMentor, outboxEvents } from './support/matching-fixtures.js';

describe('mentorship request expiry (docs/api.md#mentor-matching, TTL 2 s)', () => {
  let h: Harness;
  let timers: Queue;
  beforeAll(async () => {
    h = await startHarness({ env: { MENTORSHIP_REQUEST_TTL_SECONDS: '2' } });
    timers = h.worker!.get<Queue>(getQueueToken(QUEUES.timers), { strict: false });
  });
  afterAll(() => h.close());

  async function request(): Promise<{ learner: TestUser; mentor: TestUser; id: string }> {
    const learner = await registerUser(h, ['learner']);
    const mentor = await makeMentor(h);
    const res = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'hi' });
    expect(res.status).toBe(201);
    return { learner, mentor, id: res.body.id };
  }

  const statusOf = async (u: TestUser, id: string) =>
    (await h.http().get(`/v1/mentorship-requests/${id}`).set(u.auth)).body;

  it('a pending request becomes expired within seconds of its TTL, and both parties are told', async () => {
    const { learner, mentor, id } = await request();
    const started = Date.now();
    const expired = await eventually(async () => {
      const r = await statusOf(learner, id);
      return r.status === 'expired' && r;
    }, 8000);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(Date.parse(expired.decidedAt)).toBeGreaterThanOrEqual(Date.parse(expired.expiresAt));
    const events = await outboxEvents(h, 'requestId', id, 'mentorship.expired');
    expect(events).toHaveLength(1);
    expect(events[0].payload.recipientIds).toEqual([learner.id, mentor.id]);
    expectProblem(
      await h.http().post(`/v1/mentorship-requests/${id}/accept`).set(mentor.auth),
      409,
      'REQUEST_NOT_PENDING',
    );
    expectProblem(
      await h.http().post(`/v1/mentorship-requests/${id}/cancel`).set(learner.auth),
      409,
      'REQUEST_NOT_PENDING',
    );
  });

  it('an overdue request cannot be accepted even before the timer fired', async () => {
    const { mentor, id } = await request();
    await h.db.query(`UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expectProblem(
      await h.http().post(`/v1/mentorship-requests/${id}/accept`).set(mentor.auth),
      409,
      'REQUEST_NOT_PENDING',
    );
  });

  it('the sweep expires a request whose delayed job Redis lost', async () => {
    const { learner, id } = await request();
    const job = await eventually(() => timers.getJob(`expire-${id}`));
    await job.remove();
    expect(await timers.getJob(`expire-${id}`)).toBeUndefined();
    const scheduler = await timers.getJobScheduler(EXPIRY_SWEEP_SCHEDULER);
    expect(scheduler).toMatchObject({ name: JOBS.timers.sweepMentorshipRequests, every: expect.any(Number) });
    await new Promise((r) => setTimeout(r, 2200));
    // Run one sweep now, exactly as the scheduler enqueues it (its interval is 30 s by default).
    await timers.add(JOBS.timers.sweepMentorshipRequests, {});
    await eventually(async () => (await statusOf(learner, id)).status === 'expired', 8000);
    expect(await outboxEvents(h, 'requestId', id, 'mentorship.expired')).toHaveLength(1);
  });

  it('a timer for a decided request, or one delivered twice, changes nothing', async () => {
    const { learner, mentor, id } = await request();
    // The requested event may be delivered twice: the deterministic job id keeps one timer.
    const processor = h.worker!.get(MentorshipRequestTimersProcessor);
    await eventually(() => timers.getJob(`expire-${id}`));
    await processor.schedule(id);
    expect(await timers.getJobs(['delayed']).then((jobs) => jobs.filter((j) => j.data.requestId === id).length)).toBe(
      1,
    );
    expect((await h.http().post(`/v1/mentorship-requests/${id}/cancel`).set(learner.auth)).status).toBe(200);
    await eventually(async () => (await timers.getJob(`expire-${id}`)) === undefined);
    const expiry = h.worker!.get(MentorshipRequestExpiryService);
    await h.db.query(`UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await expiry.expireIfDue(id)).toBe('not_pending');
    expect(await expiry.sweep()).toBeGreaterThanOrEqual(0);
    expect((await statusOf(mentor, id)).status).toBe('cancelled');
    expect(await outboxEvents(h, 'requestId', id, 'mentorship.expired')).toEqual([]);
  });
});
