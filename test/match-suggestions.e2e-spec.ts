import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MatchScoringProcessor } from '../src/matching/match-scoring.processor.js';
import { EventsService } from '../src/queues/events.service.js';
import { QUEUES } from '../src/queues/queue-names.js';
import {
  createSkillGraph,
  PARTIAL_LEVEL_CREDIT,
  prepareLearner,
  RELATION_CREDIT,
} from '../src/matching/scoring/index.js';
import { skillCoverage } from '../src/matching/scoring/skill-coverage.js';
import { loadCandidatePage, loadLearner, loadMentorDetails, loadTaxonomy } from '../src/matching/suggestion-queries.js';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { addGoal, makeMentor, outboxEvents, setSkills } from './support/matching-fixtures.js';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, start: '08:00', end: '20:00' }));

interface Item {
  rank: number;
  score: number;
  mentor: { id: string; displayName: string; headline: string };
  factors: Record<string, unknown>;
  reasons: string[];
}

describe('match suggestions (docs/api.md#mentor-matching)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const get = (u: TestUser) => h.http().get('/v1/match-suggestions').set(u.auth);
  const ready = (u: TestUser) =>
    eventually(async () => {
      const res = await get(u);
      return res.body.status === 'ready' && (res.body as { status: string; computedAt: string; items: Item[] });
    }, 15000);

  async function learnerWithGoal(): Promise<TestUser> {
    const learner = await registerUser(h, ['learner']);
    await h.db.query(`UPDATE profiles SET languages = '{en,es}', availability = $2::jsonb WHERE id = $1`, [
      learner.id,
      JSON.stringify(WEEK),
    ]);
    await setSkills(h, learner.id, { postgresql: 2 });
    await addGoal(h, learner.id, 'postgresql', 4);
    return learner;
  }

  it('is refreshed on request by learners only (403 otherwise) and answers "none" before', async () => {
    const mentor = await registerUser(h, ['mentor']);
    expectProblem(await h.http().post('/v1/match-suggestions/refresh').set(mentor.auth), 403, 'ROLE_REQUIRED');
    const learner = await registerUser(h, ['learner']);
    expect((await get(learner)).body).toEqual({ status: 'none', computedAt: null, items: [] });
  });

  it('ranks open mentors who can teach the goals, explains them, and leaves out everyone else', async () => {
    const learner = await learnerWithGoal();
    const common = { availability: WEEK, languages: ['en'] };
    const exact = await makeMentor(h, {
      ...common,
      skills: { postgresql: 5 },
      headline: 'Postgres DBA',
      displayName: 'Exact',
    });
    const parent = await makeMentor(h, { ...common, skills: { sql: 5 }, displayName: 'Parent' });
    const partial = await makeMentor(h, { ...common, skills: { postgresql: 3 }, displayName: 'Partial' });
    const unrelated = await makeMentor(h, { ...common, skills: { mongodb: 5 } });
    const notAhead = await makeMentor(h, { ...common, skills: { postgresql: 2 } });
    const closed = await makeMentor(h, { ...common, skills: { postgresql: 5 }, accepting: false });
    const full = await makeMentor(h, { ...common, skills: { postgresql: 5 }, capacity: 1 });
    await h.db.query(`UPDATE profiles SET active_mentees = 1 WHERE id = $1`, [full.id]);
    const blockedByLearner = await makeMentor(h, { ...common, skills: { postgresql: 5 } });
    const blockingLearner = await makeMentor(h, { ...common, skills: { postgresql: 5 } });
    await h.db.query(`INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2), ($3, $1)`, [
      learner.id,
      blockedByLearner.id,
      blockingLearner.id,
    ]);
    // The learner is also an open mentor with a related skill: never suggested to themself.
    await h.db.query(`UPDATE users SET roles = '{learner,mentor}' WHERE id = $1`, [learner.id]);
    await h.db.query(`UPDATE profiles SET accepting_mentees = true, mentor_capacity = 2 WHERE id = $1`, [learner.id]);
    await h.db.query(`INSERT INTO profile_skills (profile_id, skill, level) VALUES ($1, 'sql', 5)`, [learner.id]);

    const accepted = await h.http().post('/v1/match-suggestions/refresh').set(learner.auth);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ status: 'pending' });
    const result = await ready(learner);
    expect(Date.parse(result.computedAt)).toBeGreaterThan(Date.now() - 60000);
    expect(result.items.map((i) => i.rank)).toEqual(result.items.map((_, i) => i + 1));
    const scores = result.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const ids = result.items.map((i) => i.mentor.id);
    const mine = ids.filter((id) => [exact.id, parent.id, partial.id].includes(id));
    expect(mine).toEqual([exact.id, parent.id, partial.id]);
    for (const excluded of [unrelated, notAhead, closed, full, blockedByLearner, blockingLearner, learner])
      expect(ids).not.toContain(excluded.id);

    const top = result.items.find((i) => i.mentor.id === exact.id)!;
    expect(top.mentor).toEqual({ id: exact.id, displayName: 'Exact', headline: 'Postgres DBA' });
    expect(top.factors).toMatchObject({
      skillCoverage: 1,
      timezoneOverlapHours: 84,
      sharedLanguages: ['en'],
      openSlots: 3,
      rating: null,
      ratingCount: 0,
    });
    expect(top.reasons[0]).toBe('Teaches PostgreSQL at expert level (your goal: advanced)');
    expect(top.reasons).toContain('You both speak English');
    expect(result.items.find((i) => i.mentor.id === parent.id)!.factors.skillCoverage).toBe(0.5);
    expect(result.items.find((i) => i.mentor.id === partial.id)!.factors.skillCoverage).toBe(0.25);

    const events = await outboxEvents(h, 'learnerId', learner.id, 'suggestions.ready');
    expect(events).toHaveLength(1);
    expect(events[0].payload.recipientIds).toEqual([learner.id]);

    // Read-time filter: changes after the run take effect at once, and ranks close up.
    await h.db.query(`UPDATE profiles SET accepting_mentees = false WHERE id = $1`, [exact.id]);
    await h.http().post('/v1/blocks').set(parent.auth).send({ profileId: learner.id });
    const later = (await get(learner)).body as { items: Item[] };
    const laterIds = later.items.map((i) => i.mentor.id);
    expect(laterIds).not.toContain(exact.id);
    expect(laterIds).not.toContain(parent.id);
    expect(laterIds).toContain(partial.id);
    expect(later.items.map((i) => i.rank)).toEqual(later.items.map((_, i) => i + 1));
  });

  it('uses the mentor’s record: responsiveness from requests, rating from mentee feedback', async () => {
    const learner = await learnerWithGoal();
    const seasoned = await makeMentor(h, {
      availability: WEEK,
      languages: ['en'],
      skills: { postgresql: 5 },
      capacity: 10,
    });
    // Three past mentees, answered within an hour, who rated 5, 5 and 4.
    for (const rating of [5, 5, 4]) {
      const mentee = await registerUser(h, ['learner']);
      const [r] = await h.db.query(
        `INSERT INTO mentorship_requests (learner_id, mentor_id, message, status, created_at, expires_at, decided_at)
         VALUES ($1, $2, 'old', 'accepted', now() - interval '30 days', now(),
                 now() - interval '30 days' + interval '1 hour')
         RETURNING id`,
        [mentee.id, seasoned.id],
      );
      const [m] = await h.db.query(
        `INSERT INTO mentorships (learner_id, mentor_id, request_id, status, ended_at) VALUES ($1, $2, $3,
           'completed', now()) RETURNING id`,
        [mentee.id, seasoned.id, r.id],
      );
      await h.db.query(
        `INSERT INTO mentorship_feedback (mentorship_id, author_id, subject_id, subject_role, rating) VALUES
           ($1, $2, $3, 'mentor', $4), ($1, $3, $2, 'learner', 1)`,
        [m.id, mentee.id, seasoned.id, rating],
      );
    }
    await h.http().post('/v1/match-suggestions/refresh').set(learner.auth);
    const result = await ready(learner);
    const item = result.items.find((i) => i.mentor.id === seasoned.id)!;
    expect(item.factors).toMatchObject({ rating: 4.67, ratingCount: 3 });
    expect(item.reasons).toContain('Rated 4.7/5 by 3 mentees');
    expect(item.reasons).toContain('Usually answers requests within an hour');
  });

  it('retrieval computes exactly the scorer’s skill coverage, for exactly the mentors with some', async () => {
    const learner = await learnerWithGoal();
    await setSkills(h, learner.id, { postgresql: 2, express: 1, docker: 3 });
    await addGoal(h, learner.id, 'express', 4);
    await addGoal(h, learner.id, 'docker', 2);
    const profiles: Record<string, number>[] = [
      { postgresql: 5, express: 2 },
      { sql: 4, nodejs: 5 },
      { javascript: 5, mysql: 5 },
      { express: 3, postgresql: 3, docker: 5 },
      { docker: 4 },
      { kubernetes: 5, devops: 5 },
      { mongodb: 5, nestjs: 5 },
      { postgresql: 1, express: 1 },
    ];
    const mentors = await Promise.all(profiles.map((skills) => makeMentor(h, { skills })));
    const graph = createSkillGraph(await loadTaxonomy(h.db));
    const prepared = prepareLearner((await loadLearner(h.db, learner.id))!, graph, { now: new Date() });
    const rules = { relationCredit: RELATION_CREDIT, partialLevelCredit: PARTIAL_LEVEL_CREDIT };
    const first = await loadCandidatePage(h.db, learner.id, prepared.goals, rules, null, 3);
    const rest = await loadCandidatePage(h.db, learner.id, prepared.goals, rules, first[2] ?? null, null);
    const candidates = [...first, ...rest];
    expect(new Set(candidates.map((c) => c.id)).size).toBe(candidates.length);
    const details = await loadMentorDetails(
      h.db,
      candidates.map((c) => c.id),
    );
    for (const c of candidates) {
      expect(c.coverage).toBeGreaterThan(0);
      expect(c.coverage).toBeCloseTo(skillCoverage(prepared.goals, details.get(c.id)!.skills).coverage, 12);
    }
    const ids = new Set(candidates.map((c) => c.id));
    for (const [i, m] of mentors.entries()) {
      const expected = skillCoverage(prepared.goals, profiles[i]).coverage;
      expect([m.id, ids.has(m.id)]).toEqual([m.id, expected > 0]);
    }
  });

  it('refreshes in the background when a learner’s matching profile changes, without notifying', async () => {
    const learner = await learnerWithGoal();
    const mentor = await makeMentor(h, { skills: { postgresql: 5 } });
    const events = h.api.get(EventsService);
    await h.db.transaction((tx) =>
      events.emit(tx, 'profile.matching_changed', { profileId: learner.id, reasons: ['goals'] }),
    );
    const result = await ready(learner);
    expect(result.items.map((i) => i.mentor.id)).toContain(mentor.id);
    expect(await outboxEvents(h, 'learnerId', learner.id, 'suggestions.ready')).toEqual([]);

    // A change of the learner's skills moves them past the mentor: the next run drops the mentor.
    await setSkills(h, learner.id, { postgresql: 5 });
    await h.db.transaction((tx) =>
      events.emit(tx, 'profile.matching_changed', { profileId: learner.id, reasons: ['skills'] }),
    );
    await eventually(async () => {
      const res = await get(learner);
      return res.body.status === 'ready' && !res.body.items.some((i: Item) => i.mentor.id === mentor.id);
    }, 15000);

    // Not for learners without goals who never asked, nor for mentors.
    const idle = await registerUser(h, ['learner']);
    const other = await registerUser(h, ['mentor']);
    const processor = h.worker!.get(MatchScoringProcessor);
    await processor.onMatchingChanged(idle.id);
    await processor.onMatchingChanged(other.id);
    const rows = await h.db.query(`SELECT learner_id FROM match_suggestions WHERE learner_id = ANY($1::uuid[])`, [
      [idle.id, other.id],
    ]);
    expect(rows).toEqual([]);
  });

  it('collapses a burst of changes into one queued refresh per learner', async () => {
    const learner = await learnerWithGoal();
    const processor = h.worker!.get(MatchScoringProcessor);
    const queue = h.worker!.get<Queue>(getQueueToken(QUEUES.matching), { strict: false });
    const jobId = `refresh-${learner.id}`;
    await queue.pause();
    try {
      await Promise.all(Array.from({ length: 10 }, () => processor.onMatchingChanged(learner.id)));
      const waiting = await queue.getJobs(['waiting', 'prioritized']);
      expect(waiting.filter((j) => j.data.learnerId === learner.id).map((j) => j.id)).toEqual([jobId]);
    } finally {
      await queue.resume();
    }
    await ready(learner);
    // Finished jobs are removed, so the next change runs again.
    await eventually(async () => (await queue.getJob(jobId)) === undefined);
    await h.db.query(`UPDATE match_suggestions SET status = 'pending' WHERE learner_id = $1`, [learner.id]);
    await processor.onMatchingChanged(learner.id);
    await ready(learner);
  });

  it('delivers suggestions.ready to the inbox when the notifications module is present', async () => {
    const learner = await learnerWithGoal();
    await h.http().post('/v1/match-suggestions/refresh').set(learner.auth);
    await ready(learner);
    await eventually(async () => {
      const res = await h.http().get('/v1/notifications').set(learner.auth);
      return res.body.items?.some((n: { type: string }) => n.type === 'suggestions.ready');
    });
  });
});
