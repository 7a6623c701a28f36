import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { makeMentor, outboxEvents } from './support/matching-fixtures.js';

describe('mentorships (docs/api.md#mentor-matching)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '3' } });
  });
  afterAll(() => h.close());

  async function mentorship(capacity = 2): Promise<{ learner: TestUser; mentor: TestUser; id: string }> {
    const learner = await registerUser(h, ['learner'], { displayName: 'Lea Learner' });
    const mentor = await makeMentor(h, { capacity, displayName: 'Mo Mentor' });
    const req = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'hi' });
    const acc = await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth);
    expect(acc.status).toBe(200);
    return { learner, mentor, id: acc.body.mentorship.id };
  }

  it('shows a mentorship to its parties only, and lists mine', async () => {
    const { learner, mentor, id } = await mentorship();
    const stranger = await registerUser(h, ['learner']);
    for (const u of [learner, mentor]) {
      const res = await h.http().get(`/v1/mentorships/${id}`).set(u.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id,
        learnerId: learner.id,
        learnerName: 'Lea Learner',
        mentorId: mentor.id,
        mentorName: 'Mo Mentor',
        requestId: expect.any(String),
        status: 'active',
        endedAt: null,
        tasks: [],
      });
    }
    expectProblem(await h.http().get(`/v1/mentorships/${id}`).set(stranger.auth), 404);
    expectProblem(await h.http().post(`/v1/mentorships/${id}/complete`).set(stranger.auth), 404);
    expectProblem(await h.http().post(`/v1/mentorships/${id}/tasks`).set(stranger.auth).send({ title: 'x' }), 404);

    const asLearner = await h.http().get('/v1/mentorships?as=learner').set(learner.auth);
    // The list names both parties, so a page of mentorships needs no request per row for names.
    expect(asLearner.body).toEqual({
      items: [expect.objectContaining({ id, learnerName: 'Lea Learner', mentorName: 'Mo Mentor' })],
      nextCursor: null,
    });
    expect((await h.http().get('/v1/mentorships?as=mentor').set(learner.auth)).body.items).toEqual([]);
    expect(
      (await h.http().get('/v1/mentorships').set(mentor.auth)).body.items.map((m: { id: string }) => m.id),
    ).toEqual([id]);
    expect((await h.http().get('/v1/mentorships').set(stranger.auth)).body.items).toEqual([]);
  });

  it('pages through a mentor’s mentorships, newest first', async () => {
    const mentor = await makeMentor(h, { capacity: 5 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const learner = await registerUser(h, ['learner']);
      const req = await h
        .http()
        .post('/v1/mentorship-requests')
        .set(learner.auth)
        .send({ mentorId: mentor.id, message: 'hi' });
      ids.push(
        (await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth)).body.mentorship.id,
      );
    }
    const p1 = await h.http().get('/v1/mentorships?limit=2').set(mentor.auth);
    const p2 = await h.http().get(`/v1/mentorships?limit=2&cursor=${p1.body.nextCursor}`).set(mentor.auth);
    expect([...p1.body.items, ...p2.body.items].map((m: { id: string }) => m.id)).toEqual([...ids].reverse());
    expect(p2.body.nextCursor).toBeNull();
  });

  it('tasks: either party adds and updates them; they show on the mentorship', async () => {
    const { learner, mentor, id } = await mentorship();
    const created = await h
      .http()
      .post(`/v1/mentorships/${id}/tasks`)
      .set(mentor.auth)
      .send({ title: 'Read chapter 3', dueDate: '2027-03-01' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      title: 'Read chapter 3',
      dueDate: '2027-03-01',
      done: false,
      createdBy: mentor.id,
      createdAt: expect.any(String),
    });
    const byLearner = await h
      .http()
      .post(`/v1/mentorships/${id}/tasks`)
      .set(learner.auth)
      .send({ title: 'Set up Postgres' });
    expect(byLearner.body).toMatchObject({ dueDate: null, createdBy: learner.id });

    const done = await h
      .http()
      .patch(`/v1/mentorships/${id}/tasks/${created.body.id}`)
      .set(learner.auth)
      .send({ done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ title: 'Read chapter 3', dueDate: '2027-03-01', done: true });
    const cleared = await h
      .http()
      .patch(`/v1/mentorships/${id}/tasks/${created.body.id}`)
      .set(mentor.auth)
      .send({ title: 'Read chapter 4', dueDate: null });
    expect(cleared.body).toMatchObject({ title: 'Read chapter 4', dueDate: null, done: true });

    const got = await h.http().get(`/v1/mentorships/${id}`).set(learner.auth);
    expect(got.body.tasks.map((t: { title: string }) => t.title)).toEqual(['Read chapter 4', 'Set up Postgres']);

    expectProblem(await h.http().post(`/v1/mentorships/${id}/tasks`).set(mentor.auth).send({ title: '' }), 400);
    expectProblem(
      await h.http().post(`/v1/mentorships/${id}/tasks`).set(mentor.auth).send({ title: 'x', dueDate: '2027-02-31' }),
      400,
    );
    expectProblem(
      await h.http().post(`/v1/mentorships/${id}/tasks`).set(mentor.auth).send({ title: 'x', owner: 'me' }),
      400,
    );
    expectProblem(
      await h.http().patch(`/v1/mentorships/${id}/tasks/${created.body.id}`).set(mentor.auth).send({ done: 'yes' }),
      400,
    );
    expectProblem(
      await h
        .http()
        .patch(`/v1/mentorships/${id}/tasks/00000000-0000-4000-8000-000000000000`)
        .set(mentor.auth)
        .send({ done: true }),
      404,
    );
    // A task of another mentorship is not reachable through this one.
    const other = await mentorship();
    const foreign = await h
      .http()
      .post(`/v1/mentorships/${other.id}/tasks`)
      .set(other.mentor.auth)
      .send({ title: 'theirs' });
    expectProblem(
      await h.http().patch(`/v1/mentorships/${id}/tasks/${foreign.body.id}`).set(mentor.auth).send({ done: true }),
      404,
    );
  });

  it('complete: either party; frees the slot in one transaction, notifies the other; twice is 409', async () => {
    const { learner, mentor, id } = await mentorship(1);
    const [before] = await h.db.query(`SELECT active_mentees FROM profiles WHERE id = $1`, [mentor.id]);
    expect(before.active_mentees).toBe(1);
    const res = await h.http().post(`/v1/mentorships/${id}/complete`).set(learner.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'completed', endedAt: expect.any(String) });
    const [after] = await h.db.query(`SELECT active_mentees FROM profiles WHERE id = $1`, [mentor.id]);
    expect(after.active_mentees).toBe(0);
    const events = await outboxEvents(h, 'mentorshipId', id, 'mentorship.completed');
    expect(events.map((e) => e.payload.recipientIds)).toEqual([[mentor.id]]);
    expectProblem(await h.http().post(`/v1/mentorships/${id}/complete`).set(mentor.auth), 409, 'MENTORSHIP_NOT_ACTIVE');
    expectProblem(
      await h.http().post(`/v1/mentorships/${id}/tasks`).set(mentor.auth).send({ title: 'late' }),
      409,
      'MENTORSHIP_NOT_ACTIVE',
    );
    // The freed slot can be taken again.
    const next = await registerUser(h, ['learner']);
    const req = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(next.auth)
      .send({ mentorId: mentor.id, message: 'hi' });
    expect((await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth)).status).toBe(200);
  });

  it('parallel completes by both parties: one wins, the counter drops once', async () => {
    const { learner, mentor, id } = await mentorship(2);
    const results = await Promise.all(
      [learner, mentor, learner, mentor].map((u) => h.http().post(`/v1/mentorships/${id}/complete`).set(u.auth)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const [p] = await h.db.query(`SELECT active_mentees FROM profiles WHERE id = $1`, [mentor.id]);
    expect(p.active_mentees).toBe(0);
  });

  it('feedback: only after completion, once per party, rating 1..5', async () => {
    const { learner, mentor, id } = await mentorship();
    expectProblem(
      await h.http().post(`/v1/mentorships/${id}/feedback`).set(learner.auth).send({ rating: 5 }),
      409,
      'MENTORSHIP_NOT_COMPLETED',
    );
    await h.http().post(`/v1/mentorships/${id}/complete`).set(mentor.auth);
    // The mentorship says whether the caller already gave feedback (so a page need not offer the form again).
    expect((await h.http().get(`/v1/mentorships/${id}`).set(learner.auth)).body.myFeedback).toBeNull();
    expectProblem(await h.http().post(`/v1/mentorships/${id}/feedback`).set(learner.auth).send({ rating: 6 }), 400);
    expectProblem(await h.http().post(`/v1/mentorships/${id}/feedback`).set(learner.auth).send({ rating: 0 }), 400);
    expectProblem(await h.http().post(`/v1/mentorships/${id}/feedback`).set(learner.auth).send({ rating: 4.5 }), 400);
    const res = await h
      .http()
      .post(`/v1/mentorships/${id}/feedback`)
      .set(learner.auth)
      .send({ rating: 5, comment: 'Great mentor' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      mentorshipId: id,
      authorId: learner.id,
      subjectId: mentor.id,
      rating: 5,
      comment: 'Great mentor',
    });
    expectProblem(
      await h.http().post(`/v1/mentorships/${id}/feedback`).set(learner.auth).send({ rating: 1 }),
      409,
      'FEEDBACK_EXISTS',
    );
    // Each party sees their own feedback, never the other's.
    const mine = (await h.http().get(`/v1/mentorships/${id}`).set(learner.auth)).body;
    expect(mine.myFeedback).toEqual({ ...res.body, createdAt: expect.stringMatching(/Z$/) });
    expect(mine.myFeedback.createdAt).toBe(res.body.createdAt);
    expect((await h.http().get(`/v1/mentorships/${id}`).set(mentor.auth)).body.myFeedback).toBeNull();
    expect((await h.http().post(`/v1/mentorships/${id}/feedback`).set(mentor.auth).send({ rating: 4 })).status).toBe(
      201,
    );
    const stranger = await registerUser(h, ['learner']);
    expectProblem(await h.http().post(`/v1/mentorships/${id}/feedback`).set(stranger.auth).send({ rating: 4 }), 404);
    const rows = await h.db.query(
      `SELECT author_id, subject_role, rating FROM mentorship_feedback WHERE mentorship_id = $1 ORDER BY rating`,
      [id],
    );
    expect(rows).toEqual([
      { author_id: mentor.id, subject_role: 'learner', rating: 4 },
      { author_id: learner.id, subject_role: 'mentor', rating: 5 },
    ]);
  });
});
