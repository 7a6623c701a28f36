// Mentor search benchmark: 100,000 mentors and ~1,000,000 profile_skills rows, then GET /v1/mentors' SQL
// (skill + minLevel, parent skills included) timed over many random skills, against a no-index baseline
// measured in the same run. Run: npm run bench:w8 [-- --mentors=N --runs=N --queries=N --keep]
// Uses a database of its own, guildhall_bench_mentor_search, on DATABASE_URL's server; dropped at the end unless
// --keep.
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  mentorSearchQuery,
  mentorSkillsQuery,
  type MentorSearchFilter,
  type MentorSearchRow,
} from '../src/profiles/mentor-search.sql.js';
import { benchDatabase } from './support/bench-db.js';
import { explain, roundTripFloor, seededRandom, withClient, withoutIndexes } from './support/sql-bench.js';
import { fmt, passes, quantile, timed } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    queries: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
  },
});
const MENTORS = Number(args.mentors);
const RUNS = Number(args.runs);
const QUERIES = Number(args.queries);
const CHUNK = 10_000;
const PAGE = 20;
const BASELINE_QUERIES = 40;
const GOAL_P95_MS = 20;

async function load(db: pg.Client): Promise<void> {
  const started = performance.now();
  let skillsMs = 0;
  for (let from = 1; from <= MENTORS; from += CHUNK) {
    const to = Math.min(MENTORS, from + CHUNK - 1);
    const t0 = performance.now();
    await db.query('BEGIN');
    await db.query(`CREATE TEMP TABLE chunk (id uuid PRIMARY KEY) ON COMMIT DROP`);
    // Languages: most speak English plus one more; 60% accept mentees, capacities 0..5, some slots taken.
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'mentor-' || g || '@bench.test', 'x', ARRAY['mentor'] FROM generate_series($1::int, $2::int) g
         RETURNING id, roles
       ), p AS (
         INSERT INTO profiles (id, display_name, headline, roles, timezone, languages, accepting_mentees,
                               mentor_capacity, active_mentees)
         SELECT u.id, 'Mentor ' || left(u.id::text, 8), 'Backend mentor', u.roles,
                (ARRAY['UTC','Europe/Berlin','America/New_York','Asia/Kolkata','Asia/Tokyo'])
                  [1 + floor(random() * 5)::int],
                CASE WHEN random() < 0.8 THEN ARRAY['en'] ELSE '{}' END
                  || (ARRAY['de','fr','es','pt','hi','ja','pl','it','nl','sv'])[1 + floor(random() * 10)::int],
                random() < 0.6, c.cap, floor(random() * (c.cap + 1))::int
           FROM u CROSS JOIN LATERAL (SELECT floor(random() * 6)::int + (u.id IS NULL)::int AS cap) c
         RETURNING id
       )
       INSERT INTO chunk SELECT id FROM p`,
      [from, to],
    );
    const t1 = performance.now();
    // ~10 distinct skills each, drawn from a pool where each skill appears in proportion to its popularity
    // (duplicate draws collapse), levels 1..5. The (c.id IS NULL) term correlates the draw count with the row
    // so it is random per mentor. The statement triggers then fill mentor_skill_reach for the chunk exactly as
    // the API's writes do.
    await db.query(
      `WITH pool AS (SELECT array_agg(s.slug) AS slugs FROM skills s, generate_series(1, s.popularity / 5 + 1)),
       draws AS (
         SELECT DISTINCT c.id, pool.slugs[1 + floor(random() * cardinality(pool.slugs))::int] AS skill
           FROM chunk c CROSS JOIN pool
           CROSS JOIN LATERAL generate_series(1, 7 + floor(random() * 9)::int + (c.id IS NULL)::int)
       )
       INSERT INTO profile_skills (profile_id, skill, level, years)
       SELECT id, skill, least(5, 1 + floor(random() * 5.5))::smallint, round((random() * 15)::numeric, 1) FROM draws`,
    );
    skillsMs += performance.now() - t1;
    await db.query('COMMIT');
    console.log(
      `  loaded mentors ${from}..${to} in ${((performance.now() - t0) / 1000).toFixed(1)} s (skills + reach ` +
        `triggers ${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
  }
  const t0 = performance.now();
  await db.query('ANALYZE');
  console.log(`  ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const counts = await db.query<{ profiles: number; profile_skills: number; reach: number }>(`
    SELECT (SELECT count(*) FROM profiles)::int AS profiles,
           (SELECT count(*) FROM profile_skills)::int AS profile_skills,
           (SELECT count(*) FROM mentor_skill_reach)::int AS reach`);
  const c = counts.rows[0];
  console.log(`  profile_skills inserts incl. mentor_skill_reach triggers: ${(skillsMs / 1000).toFixed(1)} s`);
  console.log(
    `loaded ${c.profiles} mentors, ${c.profile_skills} profile_skills, ${c.reach} mentor_skill_reach rows in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

interface Scenario {
  name: string;
  filter: (skill: string, rnd: () => number) => Omit<MentorSearchFilter, 'rows'>;
}

async function runScenario(
  db: pg.Client,
  scenario: Scenario,
  skills: string[],
  n: number,
  seed: number,
  withPageSkills: boolean,
): Promise<number[]> {
  const rnd = seededRandom(seed);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const filter = scenario.filter(skills[Math.floor(rnd() * skills.length)], rnd);
    const q = mentorSearchQuery({ ...filter, rows: PAGE + 1 });
    const [ms] = await timed(async () => {
      const rows = (await db.query<MentorSearchRow>(q.text, q.values)).rows;
      if (withPageSkills && rows.length) {
        const s = mentorSkillsQuery(rows.slice(0, PAGE).map((r) => r.id));
        await db.query(s.text, s.values);
      }
    });
    times.push(ms);
  }
  return times;
}

async function main(): Promise<void> {
  const bench = await benchDatabase('mentor_search', { load: (url) => withClient(url, load) });
  const db = new pg.Client({ connectionString: bench.url });
  try {
    await db.connect();
    const skills = (await db.query<{ slug: string }>(`SELECT slug FROM skills ORDER BY slug`)).rows.map((r) => r.slug);
    const scenarios: Scenario[] = [
      {
        name: 'skill + minLevel',
        filter: (skill, rnd) => ({ skill, minLevel: 1 + Math.floor(rnd() * 5), acceptingOnly: false }),
      },
      {
        name: 'skill + minLevel + language + acceptingOnly',
        filter: (skill, rnd) => ({
          skill,
          minLevel: 1 + Math.floor(rnd() * 4),
          language: rnd() < 0.5 ? 'en' : 'de',
          acceptingOnly: true,
        }),
      },
    ];

    await runScenario(db, scenarios[0], skills, 50, 7, false); // warm-up
    const floor = await roundTripFloor(db);

    console.log(
      `\nW8 mentor search at ${MENTORS} mentors: ${RUNS} passes × ${QUERIES} searches per scenario over ` +
        `${skills.length} skills (page ${PAGE})`,
    );
    const results: {
      name: string;
      indexed: Awaited<ReturnType<typeof passes>>;
      withSkills: Awaited<ReturnType<typeof passes>>;
      baseline: number[];
    }[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      const indexed = await passes(RUNS, (pass) => runScenario(db, scenario, skills, QUERIES, 100 * pass + i, false));
      console.log(
        `  ${scenario.name}: search per pass p50 [${indexed.p50s.map(fmt).join(', ')}] ms, p95 ` +
          `[${indexed.p95s.map(fmt).join(', ')}] ms`,
      );
      const withSkills = await passes(RUNS, (pass) => runScenario(db, scenario, skills, QUERIES, 100 * pass + i, true));
      console.log(
        `  ${scenario.name}: search + page skills p50 ${fmt(withSkills.p50)} ms  p95 ${fmt(withSkills.p95)} ms`,
      );
      const baseline = await withoutIndexes(db, () =>
        runScenario(db, scenario, skills, BASELINE_QUERIES, 100 + i, false),
      );
      console.log(
        `  ${scenario.name}: baseline (no indexes) p50 ${fmt(quantile(baseline, 0.5))} ms  p95 ` +
          `${fmt(quantile(baseline, 0.95))} ms  (${BASELINE_QUERIES} runs)`,
      );
      results.push({ name: scenario.name, indexed, withSkills, baseline });
    }

    // A deep page: follow the cursor 25 pages into the most common parent skill; the keyset seek keeps it flat.
    let after: MentorSearchFilter['after'];
    const deepTimes: number[] = [];
    for (let page = 1; page <= 25; page++) {
      const q = mentorSearchQuery({ skill: 'sql', minLevel: 2, acceptingOnly: false, after, rows: PAGE + 1 });
      const [ms, res] = await timed(() => db.query<MentorSearchRow>(q.text, q.values));
      deepTimes.push(ms);
      const last = res.rows[PAGE - 1];
      after = { level: last.match_level, id: last.id };
    }
    console.log(
      `  skill=sql pages 1..25 via cursor: first ${fmt(deepTimes[0])} ms, last ${fmt(deepTimes[24])} ms, max ` +
        `${fmt(Math.max(...deepTimes))} ms`,
    );

    console.log('\nEXPLAIN (ANALYZE, BUFFERS) skill=sql (parent of 6 skills) minLevel=3, first page:');
    const planQuery = mentorSearchQuery({ skill: 'sql', minLevel: 3, acceptingOnly: false, rows: PAGE + 1 });
    const plan = await explain(db, planQuery.text, planQuery.values);
    for (const line of plan) console.log(`  ${line}`);
    const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/using (\w+)/gi)].map((m) => m[1])))];
    console.log(`  indexes used: ${indexes.join(', ') || 'none'}`);

    console.log(`\nW8 result (ms; medians over ${RUNS} passes of ${QUERIES} searches)`);
    console.log(`  floor (SELECT 1 round trip)  p50 ${fmt(quantile(floor, 0.5))}  p95 ${fmt(quantile(floor, 0.95))}`);
    let failed = false;
    for (const r of results) {
      // The goal is set for skill + minLevel; the filtered scenario is reported for information.
      const judged = r.name === scenarios[0].name;
      const pass = r.indexed.p95 < GOAL_P95_MS;
      if (judged) failed ||= !pass;
      const verdict = judged ? `goal p95 < ${GOAL_P95_MS}: ${pass ? 'PASS' : 'FAIL'}` : '(informational)';
      console.log(
        `  ${r.name}\n    indexed   p50 ${fmt(r.indexed.p50)}  p95 ${fmt(r.indexed.p95)}  ${verdict}` +
          `\n    + skills  p50 ${fmt(r.withSkills.p50)}  p95 ${fmt(r.withSkills.p95)}` +
          `\n    baseline  p50 ${fmt(quantile(r.baseline, 0.5))}  p95 ${fmt(quantile(r.baseline, 0.95))}` +
          `  → indexed is ${(quantile(r.baseline, 0.5) / r.indexed.p50).toFixed(0)}x faster at p50`,
      );
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await db.end().catch(() => undefined);
    await bench.drop();
    console.log(
      args.keep ? 'kept database guildhall_bench_mentor_search' : 'dropped database guildhall_bench_mentor_search',
    );
  }
}

await main();
