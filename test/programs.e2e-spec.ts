import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { QUEUES } from '../src/queues/queue-names.js';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';

interface Pair {
  learnerId: string;
  mentorId: string;
  score: number;
}
interface RunView {
  id: string;
  status: 'running' | 'done' | 'failed';
  mode: 'stable' | 'optimal';
  stats: {
    learners: number;
    mentors: number;
    matched: number;
    unmatched: number;
    totalScore: number;
    blockingPairs: number;
  } | null;
  pairs: Pair[];
  publishedAt: string | null;
}

describe('mentoring programs (docs/api.md#mentoring-programs-cohort-matching)', () => {
  let h: Harness;
  let organizer: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(() => h.close());

  async function createProgram(mode: 'stable' | 'optimal', by: TestUser = organizer): Promise<string> {
    const res = await h
      .http()
      .post('/v1/programs')
      .set(by.auth)
      .send({ name: `Cohort ${mode}`, mode });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function join(programId: string, user: TestUser, body: Record<string, unknown>): Promise<void> {
    const res = await h.http().post(`/v1/programs/${programId}/join`).set(user.auth).send(body);
    if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function rank(programId: string, user: TestUser, preferences: TestUser[]): Promise<void> {
    const res = await h
      .http()
      .patch(`/v1/programs/${programId}/members/me`)
      .set(user.auth)
      .send({ preferences: preferences.map((p) => p.id) });
    if (res.status !== 200) throw new Error(`rank failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function run(programId: string): Promise<RunView> {
    const start = await h.http().post(`/v1/programs/${programId}/match-runs`).set(organizer.auth);
    expect(start.status).toBe(202);
    expect(start.body).toEqual({ id: expect.any(String), status: 'running' });
    return eventually(async () => {
      const res = await h.http().get(`/v1/programs/${programId}/match-runs/${start.body.id}`).set(organizer.auth);
      expect(res.status).toBe(200);
      return res.body.status === 'running' ? null : (res.body as RunView);
    });
  }

  async function publish(programId: string, runId: string) {
    return h.http().post(`/v1/programs/${programId}/match-runs/${runId}/publish`).set(organizer.auth);
  }

  async function mentoring(mentor: TestUser): Promise<{ activeMentees: number }> {
    const res = await h.http().get('/v1/profiles/me/mentoring').set(mentor.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function openMentoring(mentor: TestUser): Promise<void> {
    const res = await h
      .http()
      .put('/v1/profiles/me/mentoring')
      .set(mentor.auth)
      .send({ acceptingMentees: true, capacity: 1 });
    expect(res.status).toBe(200);
  }

  /** An ordinary mentorship, through a request the mentor accepts. */
  async function startMentorship(learner: TestUser, mentor: TestUser): Promise<void> {
    await openMentoring(mentor);
    const req = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'hi' });
    expect(req.status).toBe(201);
    expect((await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth)).status).toBe(200);
  }

  const users = (n: number, roles: string[]) => Promise.all(Array.from({ length: n }, () => registerUser(h, roles)));
  const pairKeys = (pairs: Pair[]) => pairs.map((p) => `${p.learnerId}>${p.mentorId}`).sort();

  async function programMentorships(
    programId: string,
  ): Promise<{ learner_id: string; mentor_id: string; status: string }[]> {
    return h.db.query(`SELECT learner_id, mentor_id, status FROM mentorships WHERE program_id = $1`, [programId]);
  }

  /**
   * The classic instance whose learner-optimal and mentor-optimal stable matchings differ:
   * learner-proposing deferred acceptance gives L1-M1, L2-M2, L3-M3; mentor-proposing would give L1-M2, L2-M1, L3-M3.
   */
  async function classicCohort(mode: 'stable' | 'optimal', people?: { L: TestUser[]; M: TestUser[] }) {
    const L = people?.L ?? (await users(3, ['learner']));
    const M = people?.M ?? (await users(3, ['mentor']));
    const id = await createProgram(mode);
    for (const m of M) await join(id, m, { as: 'mentor', capacity: 1 });
    await join(id, L[0], { as: 'learner', preferences: [M[0].id, M[1].id, M[2].id] });
    await join(id, L[1], { as: 'learner', preferences: [M[1].id, M[0].id, M[2].id] });
    await join(id, L[2], { as: 'learner', preferences: [M[0].id, M[1].id, M[2].id] });
    await rank(id, M[0], [L[1], L[0], L[2]]);
    await rank(id, M[1], [L[0], L[1], L[2]]);
    await rank(id, M[2], [L[0], L[1], L[2]]);
    return { id, L, M };
  }

  describe('POST /v1/programs', () => {
    it('creates an open program for an organizer', async () => {
      const res = await h
        .http()
        .post('/v1/programs')
        .set(organizer.auth)
        .send({ name: 'Spring cohort', description: 'Backend basics', mode: 'optimal' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        organizerId: organizer.id,
        name: 'Spring cohort',
        description: 'Backend basics',
        mode: 'optimal',
        status: 'open',
      });
      const get = await h.http().get(`/v1/programs/${res.body.id}`).set(organizer.auth);
      expect(get.body).toMatchObject({ id: res.body.id, status: 'open' });
    });

    it('answers 403 to anyone without the organizer role', async () => {
      const learner = await registerUser(h, ['learner', 'mentor']);
      expectProblem(
        await h.http().post('/v1/programs').set(learner.auth).send({ name: 'X', mode: 'stable' }),
        403,
        'ROLE_REQUIRED',
      );
    });

    it.each([
      ['unknown mode', { name: 'X', mode: 'greedy' }, 'mode'],
      ['empty name', { name: ' ', mode: 'stable' }, 'name'],
      ['unknown field', { name: 'X', mode: 'stable', capacity: 3 }, 'capacity'],
    ])('answers 400 for %s', async (_n, body, field) => {
      const res = await h.http().post('/v1/programs').set(organizer.auth).send(body);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('POST /v1/programs/:id/join', () => {
    it('admits learners and mentors, with their capacity and preferences', async () => {
      const id = await createProgram('stable');
      const [mentor] = await users(1, ['mentor']);
      const [learner] = await users(1, ['learner']);
      const m = await h.http().post(`/v1/programs/${id}/join`).set(mentor.auth).send({ as: 'mentor', capacity: 3 });
      expect(m.status).toBe(201);
      expect(m.body).toMatchObject({ programId: id, profileId: mentor.id, as: 'mentor', capacity: 3, preferences: [] });
      const l = await h
        .http()
        .post(`/v1/programs/${id}/join`)
        .set(learner.auth)
        .send({ as: 'learner', preferences: [mentor.id] });
      expect(l.status).toBe(201);
      expect(l.body).toMatchObject({ as: 'learner', capacity: null, preferences: [mentor.id] });
      expect((await h.http().get(`/v1/programs/${id}/members/me`).set(learner.auth)).body).toMatchObject({
        preferences: [mentor.id],
      });
    });

    it('400: mentor without capacity, learner with one, capacity out of range, a side the caller lacks', async () => {
      const id = await createProgram('stable');
      const [mentor] = await users(1, ['mentor']);
      const [learner] = await users(1, ['learner']);
      const cases: [TestUser, Record<string, unknown>, string][] = [
        [mentor, { as: 'mentor' }, 'capacity'],
        [mentor, { as: 'mentor', capacity: 0 }, 'capacity'],
        [mentor, { as: 'mentor', capacity: 21 }, 'capacity'],
        [learner, { as: 'learner', capacity: 2 }, 'capacity'],
        [learner, { as: 'mentor', capacity: 2 }, 'as'],
        [mentor, { as: 'learner' }, 'as'],
        [learner, { as: 'organizer' }, 'as'],
      ];
      for (const [user, body, field] of cases) {
        const res = await h.http().post(`/v1/programs/${id}/join`).set(user.auth).send(body);
        expectProblem(res, 400);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM program_members WHERE program_id = $1`, [id]);
      expect(n).toBe(0);
    });

    it('answers 400 when preferences name a non-member or a member of the same side', async () => {
      const id = await createProgram('stable');
      const [m1, m2] = await users(2, ['mentor']);
      const [l1, l2] = await users(2, ['learner']);
      const outsider = await registerUser(h, ['mentor']);
      await join(id, m1, { as: 'mentor', capacity: 1 });
      await join(id, l1, { as: 'learner' });
      let res = await h
        .http()
        .post(`/v1/programs/${id}/join`)
        .set(l2.auth)
        .send({ as: 'learner', preferences: [m1.id, outsider.id] });
      expectProblem(res, 400, 'PREFERENCE_NOT_RANKABLE');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'preferences[1]' })]);
      res = await h
        .http()
        .post(`/v1/programs/${id}/join`)
        .set(l2.auth)
        .send({ as: 'learner', preferences: [l1.id] });
      expectProblem(res, 400, 'PREFERENCE_NOT_RANKABLE');
      res = await h
        .http()
        .post(`/v1/programs/${id}/join`)
        .set(m2.auth)
        .send({ as: 'mentor', capacity: 1, preferences: [m1.id] });
      expectProblem(res, 400, 'PREFERENCE_NOT_RANKABLE');
      res = await h
        .http()
        .patch(`/v1/programs/${id}/members/me`)
        .set(m1.auth)
        .send({ preferences: [outsider.id] });
      expectProblem(res, 400, 'PREFERENCE_NOT_RANKABLE');
      res = await h
        .http()
        .post(`/v1/programs/${id}/join`)
        .set(l2.auth)
        .send({ as: 'learner', preferences: ['not-a-uuid'] });
      expectProblem(res, 400);
    });

    it('answers 409 to a second join, 404 for an unknown program, and takes capacity changes by PATCH', async () => {
      const id = await createProgram('stable');
      const [mentor] = await users(1, ['mentor', 'learner']);
      await join(id, mentor, { as: 'mentor', capacity: 2 });
      expectProblem(
        await h.http().post(`/v1/programs/${id}/join`).set(mentor.auth).send({ as: 'mentor', capacity: 3 }),
        409,
        'ALREADY_MEMBER',
      );
      expectProblem(
        await h.http().post(`/v1/programs/${id}/join`).set(mentor.auth).send({ as: 'learner' }),
        409,
        'ALREADY_MEMBER',
      );
      expectProblem(
        await h.http().post(`/v1/programs/${randomUUID()}/join`).set(mentor.auth).send({ as: 'mentor', capacity: 1 }),
        404,
      );
      expectProblem(
        await h.http().post(`/v1/programs/nope/join`).set(mentor.auth).send({ as: 'mentor', capacity: 1 }),
        404,
      );
      const patched = await h.http().patch(`/v1/programs/${id}/members/me`).set(mentor.auth).send({ capacity: 5 });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ as: 'mentor', capacity: 5 });
      const [learner] = await users(1, ['learner']);
      expectProblem(
        await h.http().patch(`/v1/programs/${id}/members/me`).set(learner.auth).send({ preferences: [] }),
        404,
      );
    });
  });

  describe('match runs', () => {
    it('only its organizer may start or read runs: 403 without the role, 404 for another organizer', async () => {
      const { id } = await classicCohort('stable');
      const other = await registerUser(h, ['organizer']);
      const learner = await registerUser(h, ['learner']);
      expectProblem(await h.http().post(`/v1/programs/${id}/match-runs`).set(learner.auth), 403, 'ROLE_REQUIRED');
      expectProblem(await h.http().post(`/v1/programs/${id}/match-runs`).set(other.auth), 404);
      expectProblem(await h.http().post(`/v1/programs/${randomUUID()}/match-runs`).set(organizer.auth), 404);
      const done = await run(id);
      expectProblem(await h.http().get(`/v1/programs/${id}/match-runs/${done.id}`).set(other.auth), 404);
      expectProblem(
        await h.http().get(`/v1/programs/${id}/match-runs/${done.id}`).set(learner.auth),
        403,
        'ROLE_REQUIRED',
      );
      expectProblem(await h.http().get(`/v1/programs/${id}/match-runs/${randomUUID()}`).set(organizer.auth), 404);
      expectProblem(await h.http().post(`/v1/programs/${id}/match-runs/${done.id}/publish`).set(other.auth), 404);
    });

    it('stable mode: with complete preferences the result is exactly the learner-optimal stable matching', async () => {
      const { id, L, M } = await classicCohort('stable');
      const result = await run(id);
      expect(result.status).toBe('done');
      expect(result.mode).toBe('stable');
      expect(pairKeys(result.pairs)).toEqual(
        pairKeys([0, 1, 2].map((i) => ({ learnerId: L[i].id, mentorId: M[i].id, score: 0 }))),
      );
      expect(result.stats).toMatchObject({ learners: 3, mentors: 3, matched: 3, unmatched: 0, blockingPairs: 0 });
      const sum = result.pairs.reduce((s, p) => s + p.score, 0);
      expect(result.stats!.totalScore).toBeCloseTo(sum, 5);
    });

    it('optimal mode reaches at least the stable total on the same members', async () => {
      const L = await users(3, ['learner']);
      const M = await users(3, ['mentor']);
      // Varied skills and goals give the pairs different scores.
      const levels = [5, 3, 1];
      for (let i = 0; i < 3; i++) {
        expect(
          (
            await h
              .http()
              .put('/v1/profiles/me/skills')
              .set(M[i].auth)
              .send({
                skills: [
                  { skill: 'postgresql', level: levels[i] },
                  { skill: 'python', level: levels[2 - i] },
                ],
              })
          ).status,
        ).toBe(200);
        expect(
          (
            await h
              .http()
              .post('/v1/profiles/me/goals')
              .set(L[i].auth)
              .send({ skill: i === 0 ? 'python' : 'postgresql', targetLevel: 4 })
          ).status,
        ).toBe(201);
      }
      const stable = await run((await classicCohort('stable', { L, M })).id);
      const optimal = await run((await classicCohort('optimal', { L, M })).id);
      expect(stable.status).toBe('done');
      expect(optimal.status).toBe('done');
      expect(optimal.mode).toBe('optimal');
      expect(optimal.stats!.matched).toBeLessThanOrEqual(3);
      expect(optimal.stats!.totalScore).toBeGreaterThanOrEqual(stable.stats!.totalScore - 1e-9);
      expect(new Set(optimal.pairs.map((p) => p.mentorId)).size).toBe(optimal.pairs.length);
    });

    it.each(['stable', 'optimal'] as const)(
      '%s mode respects program capacities and never matches a blocked pair',
      async (mode) => {
        const L = await users(5, ['learner']);
        const [big, small] = await users(2, ['mentor']);
        const id = await createProgram(mode);
        await join(id, big, { as: 'mentor', capacity: 2 });
        await join(id, small, { as: 'mentor', capacity: 1 });
        for (const l of L) await join(id, l, { as: 'learner', preferences: [big.id, small.id] });
        // Blocks in both directions: the pair must be absent even though the learner ranks that mentor first.
        expect((await h.http().post('/v1/blocks').set(L[0].auth).send({ profileId: big.id })).status).toBe(201);
        expect((await h.http().post('/v1/blocks').set(big.auth).send({ profileId: L[1].id })).status).toBe(201);
        const result = await run(id);
        expect(result.status).toBe('done');
        expect(result.stats).toMatchObject({ learners: 5, mentors: 2, matched: 3, unmatched: 2 });
        expect(result.pairs.filter((p) => p.mentorId === big.id)).toHaveLength(2);
        expect(result.pairs.filter((p) => p.mentorId === small.id)).toHaveLength(1);
        for (const blocked of [L[0], L[1]])
          expect(result.pairs.find((p) => p.learnerId === blocked.id && p.mentorId === big.id)).toBeUndefined();
        if (mode === 'stable') expect(result.stats!.blockingPairs).toBe(0);
      },
    );
  });

  describe('publish', () => {
    it('creates active mentorships counted in activeMentees, notifies both sides, closes the program', async () => {
      const { id, L, M } = await classicCohort('stable');
      const result = await run(id);
      const before = await mentoring(M[0]);
      const res = await publish(id, result.id);
      expect(res.status).toBe(200);
      expect(res.body.program).toMatchObject({ id, status: 'published' });
      expect(res.body.run).toMatchObject({ id: result.id, status: 'done', publishedAt: expect.any(String) });
      expect(res.body.mentorships).toHaveLength(3);

      const rows = await programMentorships(id);
      expect(rows.map((r) => `${r.learner_id}>${r.mentor_id}`).sort()).toEqual(pairKeys(result.pairs));
      expect(rows.every((r) => r.status === 'active')).toBe(true);
      for (const m of M) expect((await mentoring(m)).activeMentees).toBe(before.activeMentees + 1);

      const mine = await h.http().get('/v1/mentorships').set(L[0].auth);
      expect(mine.body.items).toEqual([
        expect.objectContaining({ learnerId: L[0].id, mentorId: M[0].id, status: 'active', programId: id }),
      ]);

      const events: { id: string }[] = await h.db.query(
        `SELECT id FROM outbox WHERE type = 'mentorship.accepted' AND payload->>'programId' = $1`,
        [id],
      );
      expect(events).toHaveLength(3);
      // Every subscriber of mentorship.accepted takes a request-less payload: the event jobs complete, none fails.
      const queue = h.worker!.get<Queue>(getQueueToken(QUEUES.events), { strict: false });
      await eventually(async () =>
        (await Promise.all(events.map((e) => queue.getJobState(e.id)))).every((s) => s === 'completed'),
      );
      for (const user of [L[1], M[1]]) {
        await eventually(async () => {
          const inbox = await h.http().get('/v1/notifications').set(user.auth);
          return inbox.body.items.some(
            (i: { type: string; data: Record<string, unknown> }) =>
              i.type === 'mentorship.accepted' && i.data.programId === id,
          );
        });
      }

      expectProblem(await publish(id, result.id), 409, 'RUN_ALREADY_PUBLISHED');
      expectProblem(await h.http().post(`/v1/programs/${id}/match-runs`).set(organizer.auth), 409, 'PROGRAM_PUBLISHED');
      const late = await registerUser(h, ['learner']);
      expectProblem(
        await h.http().post(`/v1/programs/${id}/join`).set(late.auth).send({ as: 'learner' }),
        409,
        'PROGRAM_PUBLISHED',
      );
      expect(await programMentorships(id)).toHaveLength(3);
    });

    it('409 PUBLISH_CONFLICT names a learner who reached the limit since the run; nothing changes', async () => {
      const [l1, l2] = await users(2, ['learner']);
      const [m1, m2] = await users(2, ['mentor']);
      const id = await createProgram('stable');
      await join(id, m1, { as: 'mentor', capacity: 1 });
      await join(id, m2, { as: 'mentor', capacity: 1 });
      await join(id, l1, { as: 'learner', preferences: [m1.id, m2.id] });
      await join(id, l2, { as: 'learner', preferences: [m2.id, m1.id] });
      const result = await run(id);
      expect(pairKeys(result.pairs)).toEqual(
        pairKeys([
          { learnerId: l1.id, mentorId: m1.id, score: 0 },
          { learnerId: l2.id, mentorId: m2.id, score: 0 },
        ]),
      );

      // l2 and m2 start an ordinary mentorship before the program publishes.
      expect(
        (await h.http().put('/v1/profiles/me/mentoring').set(m2.auth).send({ acceptingMentees: true, capacity: 1 }))
          .status,
      ).toBe(200);
      const req = await h.http().post('/v1/mentorship-requests').set(l2.auth).send({ mentorId: m2.id, message: 'hi' });
      expect(req.status).toBe(201);
      expect((await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(m2.auth)).status).toBe(200);

      // MAX_ACTIVE_MENTORSHIPS_PER_LEARNER is 1: l2 is now at the limit, so the stored pair l2 -> m2 cannot start.
      const res = await publish(id, result.id);
      expectProblem(res, 409, 'PUBLISH_CONFLICT');
      const l2Index = result.pairs.findIndex((p) => p.learnerId === l2.id);
      expect(res.body.errors).toEqual([
        { field: `pairs[${l2Index}].learnerId`, message: expect.stringContaining(l2.id) },
      ]);
      expect(await programMentorships(id)).toHaveLength(0);
      expect((await mentoring(m1)).activeMentees).toBe(0);
      expect((await mentoring(m2)).activeMentees).toBe(1);
      expect((await h.http().get(`/v1/programs/${id}`).set(organizer.auth)).body.status).toBe('open');
      expect(
        (await h.http().get(`/v1/programs/${id}/match-runs/${result.id}`).set(organizer.auth)).body.publishedAt,
      ).toBeNull();
      const [{ n }] = await h.db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE payload->>'programId' = $1 AND type <> 'program.match_requested'`,
        [id],
      );
      expect(n).toBe(0);
    });

    it('answers 409 when a mentor lowered their program capacity below the run, and for a run not done', async () => {
      const L = await users(2, ['learner']);
      const [mentor] = await users(1, ['mentor']);
      const id = await createProgram('optimal');
      await join(id, mentor, { as: 'mentor', capacity: 2 });
      for (const l of L) await join(id, l, { as: 'learner' });
      const result = await run(id);
      expect(result.pairs).toHaveLength(2);
      expect(
        (await h.http().patch(`/v1/programs/${id}/members/me`).set(mentor.auth).send({ capacity: 1 })).status,
      ).toBe(200);
      expectProblem(await publish(id, result.id), 409, 'MENTOR_AT_PROGRAM_CAPACITY');
      expect(await programMentorships(id)).toHaveLength(0);
      expect((await mentoring(mentor)).activeMentees).toBe(0);

      // A run the worker has not finished (inserted without its event, so it stays running).
      const [{ id: pending }] = await h.db.query(
        `INSERT INTO match_runs (program_id, mode) VALUES ($1, 'optimal') RETURNING id`,
        [id],
      );
      const view = await h.http().get(`/v1/programs/${id}/match-runs/${pending}`).set(organizer.auth);
      expect(view.body).toMatchObject({ id: pending, status: 'running', stats: null, pairs: [] });
      expectProblem(await publish(id, pending), 409, 'RUN_NOT_DONE');
    });

    it('a run leaves out learners who already hold the most active mentorships allowed', async () => {
      const [busy, free] = await users(2, ['learner']);
      const [m1, m2] = await users(2, ['mentor']);
      await startMentorship(busy, m2);
      const id = await createProgram('optimal');
      await join(id, m1, { as: 'mentor', capacity: 2 });
      await join(id, busy, { as: 'learner' });
      await join(id, free, { as: 'learner' });
      const result = await run(id);
      expect(result.status).toBe('done');
      expect(result.pairs.map((p) => p.learnerId)).toEqual([free.id]);
      expect(result.stats).toMatchObject({ learners: 1, matched: 1 });
      expect((await publish(id, result.id)).status).toBe(200);
    });

    it('an accept racing a publish for one learner: exactly one wins; the learner holds one mentorship', async () => {
      const round = async () => {
        const [learner] = await users(1, ['learner']);
        const [inProgram, outside] = await users(2, ['mentor']);
        const id = await createProgram('stable');
        await join(id, inProgram, { as: 'mentor', capacity: 1 });
        await join(id, learner, { as: 'learner' });
        const result = await run(id);
        expect(result.pairs).toHaveLength(1);
        await openMentoring(outside);
        const req = await h
          .http()
          .post('/v1/mentorship-requests')
          .set(learner.auth)
          .send({ mentorId: outside.id, message: 'hi' });
        expect(req.status).toBe(201);
        const [pub, acc] = await Promise.all([
          publish(id, result.id),
          h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(outside.auth),
        ]);
        expect([pub.status, acc.status].sort()).toEqual([200, 409]);
        if (pub.status === 409) expectProblem(pub, 409, 'PUBLISH_CONFLICT');
        else {
          // Publishing took the learner to the limit, so their pending request was withdrawn in that transaction.
          expect(['REQUEST_NOT_PENDING', 'LEARNER_AT_MENTORSHIP_LIMIT']).toContain(acc.body.code);
          const after = await h.http().get(`/v1/mentorship-requests/${req.body.id}`).set(learner.auth);
          expect(after.body.status).toBe('withdrawn');
        }
        const [{ n }] = await h.db.query(
          `SELECT count(*)::int AS n FROM mentorships WHERE learner_id = $1 AND status = 'active'`,
          [learner.id],
        );
        expect(n).toBe(1);
        const seats = (await mentoring(inProgram)).activeMentees + (await mentoring(outside)).activeMentees;
        expect(seats).toBe(1);
      };
      await Promise.all([round(), round(), round()]);
    });

    it('of many parallel publishes exactly one succeeds', async () => {
      const { id, M } = await classicCohort('optimal');
      const result = await run(id);
      const second = await run(id);
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) => publish(id, i % 2 ? second.id : result.id)),
      );
      expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
      expect(attempts.filter((r) => r.status === 409)).toHaveLength(5);
      expect(await programMentorships(id)).toHaveLength(result.pairs.length);
      const seats = (await Promise.all(M.map(mentoring))).reduce((s, m) => s + m.activeMentees, 0);
      expect(seats).toBe(result.pairs.length);
    });
  });
});
