// Match suggestions benchmark: 100,000 mentors, ~1,000,000 profile_skills rows, 200,000 past requests and
// 50,000 rated mentorships; one learner with three goals. Times the refresh the worker runs (SQL retrieval +
// JS scoring + store) and GET /v1/match-suggestions' SQL, against a naive baseline measured in the same run
// (load every open mentor with all their skills and reputation, score everyone in JS), and checks both give
// the same top 50. Run: npm run bench:w3 [-- --mentors=N --runs=N --keep --reuse]; the other counts scale with
// --mentors. Uses a database of its own, guildhall_bench_suggestions, on DATABASE_URL's server; dropped at the end
// unless --keep (--reuse runs against a kept database without loading it again).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { SUGGESTIONS_READ_SQL } from '../src/matching/match-suggestions.service.js';
import { createSkillGraph, prepareLearner, scoreMentor } from '../src/matching/scoring/index.js';
import { SkillGraphCache } from '../src/matching/skill-graph.cache.js';
import { loadLearner, loadMentorDetails, loadTaxonomy, OPEN_MENTOR } from '../src/matching/suggestion-queries.js';
import { SUGGESTIONS_KEPT, SuggestionsRefreshService } from '../src/matching/suggestions-refresh.service.js';
import { byRank } from '../src/matching/top-matches.js';
import { EventsService } from '../src/queues/events.service.js';
import { benchDatabase, benchDataSource } from './support/bench-db.js';
import { withClient } from './support/sql-bench.js';
import { fmt, quantile } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const MENTORS = Number(args.mentors);
const PAST_LEARNERS = Math.ceil(MENTORS / 5);
const PAST_REQUESTS = MENTORS * 2;
const RATED_MENTORSHIPS = Math.ceil(MENTORS / 2);
const CHUNK = 10_000;
const REFRESH_RUNS = Number(args.runs);
const READ_RUNS = REFRESH_RUNS * 25;
const BASELINE_RUNS = Math.max(1, Math.ceil(REFRESH_RUNS / 8));
const GOAL_REFRESH_P95_MS = 250;
const GOAL_READ_P95_MS = 10;
const NOW = new Date();
const secs = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function measure(label: string, runs: number, fn: () => Promise<unknown>, everyRun = false): Promise<number[]> {
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    times.push(ms);
    if (everyRun) console.log(`  ${label} run ${i}/${runs}: ${fmt(ms)} ms`);
  }
  return times.sort((a, b) => a - b);
}

const WINDOWS = `(
  SELECT coalesce(jsonb_agg(jsonb_build_object('day', d.day, 'start', lpad(d.h::text, 2, '0') || ':00',
                                               'end', lpad((d.h + d.len)::text, 2, '0') || ':00')), '[]')
    FROM (SELECT (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[1 + floor(random() * 7)::int] AS day,
                 7 + floor(random() * 12)::int AS h, 1 + floor(random() * 4)::int AS len
            FROM generate_series(1, 2 + floor(random() * 5)::int + (u.id IS NULL)::int)) d)`;

async function load(db: pg.Client): Promise<void> {
  const started = performance.now();
  for (let from = 1; from <= MENTORS; from += CHUNK) {
    const to = Math.min(MENTORS, from + CHUNK - 1);
    const t0 = performance.now();
    await db.query('BEGIN');
    await db.query(`CREATE TEMP TABLE chunk (id uuid PRIMARY KEY) ON COMMIT DROP`);
    // 60% accept mentees, capacities 1..5 with some slots taken (some full); 20 zones; English plus another language;
    // 2..6 weekly windows each. (u.id IS NULL) terms correlate subqueries so they are drawn per row.
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'mentor-' || g || '@bench.test', 'x', ARRAY['mentor'] FROM generate_series($1::int, $2::int) g
         RETURNING id, roles
       ), p AS (
         INSERT INTO profiles (id, display_name, headline, roles, timezone, languages, availability,
                               accepting_mentees, mentor_capacity, active_mentees)
         SELECT u.id, 'Mentor ' || left(u.id::text, 8), 'Backend mentor', u.roles,
                (ARRAY['UTC','Europe/London','Europe/Berlin','Europe/Madrid','Europe/Warsaw','Europe/Helsinki',
                       'America/New_York','America/Chicago','America/Denver','America/Los_Angeles','America/Sao_Paulo',
                       'America/Mexico_City','Asia/Kolkata','Asia/Tokyo','Asia/Singapore','Asia/Dubai',
                       'Australia/Sydney','Africa/Lagos','Africa/Johannesburg','Pacific/Auckland'])
                  [1 + floor(random() * 20)::int],
                CASE WHEN random() < 0.8 THEN ARRAY['en'] ELSE '{}' END
                  || (ARRAY['de','fr','es','pt','hi','ja','pl','it','nl','sv'])[1 + floor(random() * 10)::int],
                ${WINDOWS}, random() < 0.6, c.cap, floor(random() * (c.cap + 1))::int
           FROM u CROSS JOIN LATERAL (SELECT 1 + floor(random() * 5)::int + (u.id IS NULL)::int AS cap) c
         RETURNING id
       )
       INSERT INTO chunk SELECT id FROM p`,
      [from, to],
    );
    // 6..14 distinct skills each (~10 on average), drawn by popularity without replacement; levels 1..5.
    await db.query(
      `INSERT INTO profile_skills (profile_id, skill, level, years)
       SELECT c.id, pick.slug, pick.level, round((random() * 15)::numeric, 1)
         FROM chunk c
         CROSS JOIN LATERAL (
           SELECT s.slug, least(5, 1 + floor(random() * 5.5))::smallint AS level
             FROM skills s
            ORDER BY -ln(1 - random()) / s.popularity + (c.id IS NULL)::int
            LIMIT 6 + floor(random() * 9)::int + (c.id IS NULL)::int
         ) pick`,
    );
    await db.query('COMMIT');
    console.log(`  loaded mentors ${from}..${to} in ${secs(t0)}`);
  }

  let t0 = performance.now();
  await db.query(
    `WITH u AS (
       INSERT INTO users (email, password_hash, roles)
       SELECT 'past-learner-' || g || '@bench.test', 'x', ARRAY['learner'] FROM generate_series(1, $1::int) g
       RETURNING id, roles
     )
     INSERT INTO profiles (id, display_name, roles) SELECT id, 'Past learner', roles FROM u`,
    [PAST_LEARNERS],
  );
  console.log(`  loaded ${PAST_LEARNERS} past learners in ${secs(t0)}`);

  // Request history: answered within minutes to days, or left to expire.
  t0 = performance.now();
  await db.query(
    `CREATE TEMP TABLE m AS SELECT row_number() OVER () AS n, id FROM profiles WHERE roles = '{mentor}';
     CREATE TEMP TABLE l AS SELECT row_number() OVER () AS n, id FROM profiles WHERE roles = '{learner}'`,
  );
  await db.query(
    `INSERT INTO mentorship_requests (learner_id, mentor_id, message, status, created_at, expires_at, decided_at,
                                      decline_reason)
     SELECT l.id, m.id, 'please', r.status, r.created, r.created + interval '7 days',
            CASE WHEN r.status = 'expired' THEN r.created + interval '7 days'
                 ELSE r.created + make_interval(secs => r.answer) END,
            CASE WHEN r.status = 'declined' THEN 'other' END
       FROM (SELECT g,
                    1 + floor(random() * $2)::int AS mi, 1 + floor(random() * $3)::int AS li,
                    (ARRAY['accepted','accepted','accepted','accepted','accepted',
                           'declined','declined','declined','expired','expired'])[1 + floor(random() * 10)::int]
                      AS status,
                    now() - make_interval(days => 8 + floor(random() * 300)::int) AS created,
                    60 + random() * random() * 4 * 86400 AS answer
               FROM generate_series(1, $1::int) g) r
       JOIN m ON m.n = r.mi JOIN l ON l.n = r.li`,
    [PAST_REQUESTS, MENTORS, PAST_LEARNERS],
  );
  console.log(`  loaded ${PAST_REQUESTS} past requests in ${secs(t0)}`);

  t0 = performance.now();
  await db.query(
    `WITH ms AS (
       INSERT INTO mentorships (learner_id, mentor_id, request_id, status, started_at, ended_at)
       SELECT learner_id, mentor_id, id, 'completed', decided_at, decided_at + interval '60 days'
         FROM mentorship_requests WHERE status = 'accepted' LIMIT $1
       RETURNING id, learner_id, mentor_id
     )
     INSERT INTO mentorship_feedback (mentorship_id, author_id, subject_id, subject_role, rating)
     SELECT id, learner_id, mentor_id, 'mentor', (ARRAY[2,3,4,4,4,5,5,5,5,5])[1 + floor(random() * 10)::int] FROM ms`,
    [RATED_MENTORSHIPS],
  );
  console.log(`  loaded ${RATED_MENTORSHIPS} completed mentorships with mentee ratings in ${secs(t0)}`);

  // The learner: beginner in PostgreSQL aiming for advanced, new to Docker, some REST; Madrid, Spanish and English.
  t0 = performance.now();
  await db.query(
    `WITH u AS (INSERT INTO users (email, password_hash, roles) VALUES ('learner@bench.test', 'x', '{learner}')
                RETURNING id)
     INSERT INTO profiles (id, display_name, roles, timezone, languages, availability)
     SELECT id, 'Ana', '{learner}', 'Europe/Madrid', '{es,en}',
            $1
       FROM u`,
    [
      JSON.stringify([
        { day: 'tue', start: '18:00', end: '21:00' },
        { day: 'thu', start: '18:00', end: '21:00' },
        { day: 'sat', start: '10:00', end: '13:00' },
      ]),
    ],
  );
  await db.query(
    `INSERT INTO profile_skills (profile_id, skill, level) SELECT p.id, s.skill, s.level FROM profiles p,
       (VALUES ('postgresql', 2), ('rest', 1), ('javascript', 3)) AS s(skill, level) WHERE p.display_name = 'Ana';
     INSERT INTO goals (profile_id, skill, target_level) SELECT p.id, g.skill, g.target FROM profiles p,
       (VALUES ('postgresql', 4), ('docker', 3), ('rest', 4)) AS g(skill, target) WHERE p.display_name = 'Ana'`,
  );
  // A steady-state database has its visibility map set (autovacuum), which index-only scans rely on.
  await db.query('VACUUM ANALYZE');
  console.log(`  learner and VACUUM ANALYZE in ${secs(t0)}`);
  const nobody = "'00000000-0000-0000-0000-000000000000'::uuid";
  const counts = (
    await db.query<{
      mentors: number;
      open_mentors: number;
      profile_skills: number;
      requests: number;
      feedback: number;
    }>(`
      SELECT (SELECT count(*) FROM profiles WHERE roles = '{mentor}')::int AS mentors,
             (SELECT count(*) FROM profile_skills)::int AS profile_skills,
             (SELECT count(*) FROM mentorship_requests)::int AS requests,
             (SELECT count(*) FROM mentorship_feedback)::int AS feedback,
             (SELECT count(*) FROM profiles p WHERE ${OPEN_MENTOR('p', nobody)})::int AS open_mentors`)
  ).rows[0];
  console.log(
    `loaded ${counts.mentors} mentors (${counts.open_mentors} open), ${counts.profile_skills} profile_skills, ` +
      `${counts.requests} requests, ${counts.feedback} ratings in ${secs(started)}`,
  );
}

/** The naive way: every open mentor with all their skills and reputation, everyone scored in JS. */
async function naiveTop(ds: DataSource, learnerId: string): Promise<{ mentorId: string; score: number }[]> {
  const [taxonomy, learner] = await Promise.all([loadTaxonomy(ds), loadLearner(ds, learnerId)]);
  const prepared = prepareLearner(learner!, createSkillGraph(taxonomy), { now: NOW });
  const mentors = await ds.query<{ id: string }[]>(`SELECT p.id FROM profiles p WHERE ${OPEN_MENTOR('p', '$1')}`, [
    learnerId,
  ]);
  const details = await loadMentorDetails(
    ds,
    mentors.map((m) => m.id),
  );
  const scored = [...details.values()].map((m) => ({ mentorId: m.id, score: scoreMentor(prepared, m).score }));
  return scored.sort(byRank).slice(0, SUGGESTIONS_KEPT);
}

async function main(): Promise<void> {
  // --reuse keeps a loaded database between runs (and implies --keep).
  const bench = await benchDatabase('suggestions', { reuse: args.reuse, load: (url) => withClient(url, load) });
  const url = bench.url;
  const ds = benchDataSource(url, 4);
  await ds.initialize();
  let failed = false;
  try {
    const [{ id: learnerId }] = await ds.query<{ id: string }[]>(`SELECT id FROM profiles WHERE display_name = 'Ana'`);
    const uow = new UnitOfWork(ds);
    const service = new SuggestionsRefreshService(uow, new EventsService(), new SkillGraphCache(uow));

    console.log('\nwarm-up');
    const first = await service.refresh(learnerId, NOW);
    console.log(
      `  refresh: ${first.candidates} candidates read (coverage only, ${first.pages} page(s)), ${first.scored} ` +
        `fully scored in ${first.batches} batch(es), status ${first.status}`,
    );
    for (let i = 0; i < 3; i++) await service.refresh(learnerId, NOW);
    await naiveTop(ds, learnerId);

    console.log(`\nrefresh (the worker's job: SQL retrieval + JS scoring + store), ${REFRESH_RUNS} runs`);
    const refresh = await measure('refresh', REFRESH_RUNS, () => service.refresh(learnerId, NOW));
    console.log(`GET /v1/match-suggestions SQL, ${READ_RUNS} runs`);
    const read = await measure('read', READ_RUNS, () => ds.query(SUGGESTIONS_READ_SQL, [learnerId]));
    console.log(`naive baseline (every open mentor loaded and scored in JS), ${BASELINE_RUNS} runs`);
    let naive: { mentorId: string; score: number }[] = [];
    const baseline = await measure('naive', BASELINE_RUNS, async () => (naive = await naiveTop(ds, learnerId)), true);

    const [{ items: stored }] = await ds.query<{ items: { mentorId: string; score: number }[] }[]>(
      `SELECT items FROM match_suggestions WHERE learner_id = $1`,
      [learnerId],
    );
    const same =
      stored.length === naive.length &&
      stored.every((s, i) => s.mentorId === naive[i].mentorId && s.score === naive[i].score);
    console.log(
      `\ntop ${SUGGESTIONS_KEPT} identical to the naive ranking: ${same ? 'yes' : 'NO'} (best ` +
        `${stored[0]?.score}, 50th ${stored.at(-1)?.score})`,
    );
    failed ||= !same;

    console.log('\nresults (ms)');
    const rows: [string, number[], number | null][] = [
      ['refresh', refresh, GOAL_REFRESH_P95_MS],
      ['read SQL', read, GOAL_READ_P95_MS],
      ['naive', baseline, null],
    ];
    for (const [name, times, goal] of rows) {
      const pass = goal === null || quantile(times, 0.95) <= goal;
      failed ||= !pass;
      console.log(
        `  ${name.padEnd(9)} median ${fmt(quantile(times, 0.5)).padStart(8)}  p95 ` +
          `${fmt(quantile(times, 0.95)).padStart(8)}` +
          (goal === null ? '' : `  goal p95 <= ${goal}  ${pass ? 'PASS' : 'FAIL'}`),
      );
    }
    console.log(`  naive / refresh (median): ${(quantile(baseline, 0.5) / quantile(refresh, 0.5)).toFixed(1)}x`);
  } finally {
    await ds.destroy();
    if (!args.reuse) await bench.drop();
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
