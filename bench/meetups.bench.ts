// Meetups benchmark, W7 of issue 8 (W4, the RSVP burst, is bench/rsvp-burst.bench.ts):
//   W7: 200,000 meetups bulk-loaded with generate_series, then GET /v1/meetups' SQL
//      (buildMeetupSearch) per scenario, p50/p95 per pass against a baseline measured in the same run (the same
//      SQL with index scans switched off, and a SELECT 1 round trip as the floor).
// Run: npm run bench:w7 [-- --meetups=N --runs=N --queries=N --keep].
// Uses a database of its own, guildhall_bench_meetups, on DATABASE_URL's server; dropped at the end unless --keep.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildMeetupSearch, type MeetupSearchFilter } from '../src/meetups/meetup-search.sql.js';
import { benchDatabase } from './support/bench-db.js';
import { explain, roundTripFloor, seededRandom, withClient, withoutIndexes } from './support/sql-bench.js';
import { fmt, median, passes, quantile, timed } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    meetups: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '5' },
    queries: { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
  },
});
const MEETUPS = Number(args.meetups);
const RUNS = Number(args.runs);
const QUERIES = Number(args.queries);
const CHUNK = 20_000;
const PAGE = 20;
const BASELINE_QUERIES = 10;
const GOAL_P95_MS = 30;

// Title words: each title draws three, so a one-word q matches roughly one meetup in seven.
const WORDS = [
  'postgres',
  'indexing',
  'kubernetes',
  'graphql',
  'workshop',
  'testing',
  'security',
  'docker',
  'career',
  'scaling',
  'queues',
  'caching',
  'observability',
  'rust',
  'django',
  'spring',
  'typescript',
  'migrations',
  'replication',
  'pairing',
];
const CITIES: [string, string, number, number, string][] = [
  ['Berlin', 'DE', 52.52, 13.405, 'Europe/Berlin'],
  ['Hamburg', 'DE', 53.551, 9.994, 'Europe/Berlin'],
  ['Munich', 'DE', 48.137, 11.575, 'Europe/Berlin'],
  ['Paris', 'FR', 48.857, 2.352, 'Europe/Paris'],
  ['Lyon', 'FR', 45.764, 4.836, 'Europe/Paris'],
  ['Madrid', 'ES', 40.417, -3.704, 'Europe/Madrid'],
  ['Lisbon', 'PT', 38.722, -9.139, 'Europe/Lisbon'],
  ['London', 'GB', 51.507, -0.128, 'Europe/London'],
  ['Amsterdam', 'NL', 52.368, 4.904, 'Europe/Amsterdam'],
  ['Warsaw', 'PL', 52.23, 21.012, 'Europe/Warsaw'],
  ['Stockholm', 'SE', 59.329, 18.069, 'Europe/Stockholm'],
  ['Vienna', 'AT', 48.208, 16.373, 'Europe/Vienna'],
  ['New York', 'US', 40.713, -74.006, 'America/New_York'],
  ['Chicago', 'US', 41.878, -87.63, 'America/Chicago'],
  ['Austin', 'US', 30.267, -97.743, 'America/Chicago'],
  ['Toronto', 'CA', 43.653, -79.383, 'America/Toronto'],
  ['Bengaluru', 'IN', 12.972, 77.595, 'Asia/Kolkata'],
  ['Tokyo', 'JP', 35.676, 139.65, 'Asia/Tokyo'],
  ['Sydney', 'AU', -33.869, 151.209, 'Australia/Sydney'],
  ['Nairobi', 'KE', -1.292, 36.822, 'Africa/Nairobi'],
];

/**
 * Bulk loading is faster with the secondary indexes built once at the end; their definitions are read from
 * the catalog, so they are exactly the migration's.
 */
async function dropSecondaryIndexes(db: pg.Client): Promise<string[]> {
  const defs = (
    await db.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i WHERE i.indrelid IN ('meetups'::regclass, 'meetup_skills'::regclass) AND NOT i.indisprimary`,
    )
  ).rows;
  for (const d of defs) await db.query(`DROP INDEX ${d.name}`);
  return defs.map((d) => d.def);
}

async function load(db: pg.Client): Promise<void> {
  const started = performance.now();
  const indexes = await dropSecondaryIndexes(db);
  await db.query(
    `INSERT INTO users (email, password_hash, roles)
     SELECT 'organizer-' || g || '@bench.test', 'x', ARRAY['organizer'] FROM generate_series(1, 2000) g`,
  );
  await db.query(
    `INSERT INTO profiles (id, display_name, roles) SELECT id, 'Organizer ' || left(id::text, 8), roles FROM users`,
  );
  await db.query(
    `CREATE TEMP TABLE cities (n int PRIMARY KEY, city text, country text, lat float8, lng float8, tz text)`,
  );
  await db.query(
    `INSERT INTO cities
     SELECT row_number() OVER (), * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[])`,
    [
      CITIES.map((c) => c[0]),
      CITIES.map((c) => c[1]),
      CITIES.map((c) => c[2]),
      CITIES.map((c) => c[3]),
      CITIES.map((c) => c[4]),
    ],
  );
  for (let from = 1; from <= MEETUPS; from += CHUNK) {
    const to = Math.min(MEETUPS, from + CHUNK - 1);
    const t0 = performance.now();
    await db.query('BEGIN');
    await db.query(`CREATE TEMP TABLE chunk (id uuid PRIMARY KEY) ON COMMIT DROP`);
    // Starts spread over the next year, 70% in person around 20 cities (±0.4°), 5% cancelled. The (g * 0)
    // terms tie each random() to its row, so the LATERAL draws are per meetup.
    await db.query(
      `WITH o AS (SELECT array_agg(id) AS ids FROM profiles),
       r AS (
         SELECT g, x.*
           FROM generate_series($1::int, $2::int) g
           CROSS JOIN LATERAL (
             SELECT now() + random() * interval '365 days' + (g * 0) * interval '1 s' AS starts_at,
                    random() < 0.3 AS online, 1 + floor(random() * ${CITIES.length})::int AS city,
                    random() < 0.05 AS cancelled,
                    floor(random() * ${WORDS.length})::int + 1 AS w1, floor(random() * ${WORDS.length})::int + 1 AS w2,
                    floor(random() * ${WORDS.length})::int + 1 AS w3, floor(random() * ${WORDS.length})::int + 1 AS w4
           ) x
       ), ins AS (
         INSERT INTO meetups (organizer_id, title, description, starts_at, ends_at, timezone, online, online_url,
                              venue_name, venue_address, venue_city, venue_country, lat, lng, capacity, level, status,
                              cancelled_at)
         SELECT o.ids[1 + (r.g % cardinality(o.ids))],
                initcap(($3::text[])[r.w1]) || ' ' || ($3::text[])[r.w2] || ' ' || ($3::text[])[r.w3],
                'An evening about ' || ($3::text[])[r.w4] || ' for backend developers, with talks and pizza.',
                r.starts_at, r.starts_at + interval '2 hours', c.tz, r.online,
                CASE WHEN r.online THEN 'https://meet.example.org/' || r.g END,
                CASE WHEN NOT r.online THEN 'Venue ' || r.g END, CASE WHEN NOT r.online THEN 'Street ' || r.g END,
                CASE WHEN NOT r.online THEN c.city END, CASE WHEN NOT r.online THEN c.country END,
                CASE WHEN NOT r.online THEN c.lat + (random() - 0.5) * 0.8 END,
                CASE WHEN NOT r.online THEN c.lng + (random() - 0.5) * 0.8 END,
                10 + (r.g % 191), (ARRAY['beginner','intermediate','advanced'])[1 + r.g % 3],
                CASE WHEN r.cancelled THEN 'cancelled' ELSE 'scheduled' END, CASE WHEN r.cancelled THEN now() END
           FROM r CROSS JOIN o JOIN cities c ON c.n = r.city
         RETURNING id
       )
       INSERT INTO chunk SELECT id FROM ins`,
      [from, to, WORDS],
    );
    // 1..3 distinct skills each, uniformly from the taxonomy; the meetup_skills trigger writes skill_terms.
    await db.query(
      `WITH pool AS (SELECT array_agg(slug ORDER BY slug) AS slugs FROM skills),
       draws AS (
         SELECT DISTINCT c.id, pool.slugs[1 + floor(random() * cardinality(pool.slugs))::int] AS skill
           FROM chunk c CROSS JOIN pool
           CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 3)::int + (c.id IS NULL)::int)
       )
       INSERT INTO meetup_skills (meetup_id, skill, position)
       SELECT id, skill, row_number() OVER (PARTITION BY id ORDER BY skill) FROM draws`,
    );
    await db.query('COMMIT');
    console.log(`  loaded meetups ${from}..${to} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const ti = performance.now();
  for (const def of indexes) await db.query(def);
  console.log(`  built ${indexes.length} secondary indexes in ${((performance.now() - ti) / 1000).toFixed(1)} s`);
  const t0 = performance.now();
  await db.query('ANALYZE');
  console.log(`  ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const c = (
    await db.query<{ meetups: number; skills: number; in_person: number }>(
      `SELECT (SELECT count(*) FROM meetups)::int AS meetups, (SELECT count(*) FROM meetup_skills)::int AS skills,
              (SELECT count(*) FROM meetups WHERE lat IS NOT NULL)::int AS in_person`,
    )
  ).rows[0];
  console.log(
    `loaded ${c.meetups} meetups (${c.in_person} in person), ${c.skills} meetup_skills rows ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

interface Scenario {
  name: string;
  filter: (rnd: () => number, skills: string[]) => Omit<MeetupSearchFilter, 'limit' | 'from'>;
}

const nearCity = (rnd: () => number) => {
  const c = CITIES[Math.floor(rnd() * CITIES.length)];
  return { lat: c[2] + (rnd() - 0.5) * 0.2, lng: c[3] + (rnd() - 0.5) * 0.2 };
};
const word = (rnd: () => number) => WORDS[Math.floor(rnd() * WORDS.length)];

async function runScenario(
  db: pg.Client,
  scenario: Scenario,
  skills: string[],
  n: number,
  seed: number,
): Promise<{ times: number[]; rows: number }> {
  const rnd = seededRandom(seed);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const q = buildMeetupSearch({ ...scenario.filter(rnd, skills), from: new Date(), limit: PAGE + 1 });
    const [ms, res] = await timed(() => db.query(q.text, q.params));
    rows += res.rows.length;
    times.push(ms);
  }
  return { times, rows };
}

async function runSearch(db: pg.Client): Promise<boolean> {
  const skills = (await db.query<{ slug: string }>(`SELECT slug FROM skills ORDER BY slug`)).rows.map((r) => r.slug);
  const parents = (
    await db.query<{ slug: string }>(`SELECT DISTINCT ancestor AS slug FROM skill_ancestors WHERE depth > 0 ORDER BY 1`)
  ).rows.map((r) => r.slug);
  const scenarios: Scenario[] = [
    {
      name: 'q + skill + near (50 km)',
      filter: (rnd, s) => ({ q: word(rnd), skill: s[Math.floor(rnd() * s.length)], near: nearCity(rnd), radiusKm: 50 }),
    },
    {
      name: 'q + parent skill + near (50 km)',
      filter: (rnd) => ({
        q: word(rnd),
        skill: parents[Math.floor(rnd() * parents.length)],
        near: nearCity(rnd),
        radiusKm: 50,
      }),
    },
    { name: 'near only (25 km)', filter: (rnd) => ({ near: nearCity(rnd), radiusKm: 25 }) },
    { name: 'q only', filter: (rnd) => ({ q: word(rnd) }) },
    { name: 'no filter (next page of upcoming)', filter: () => ({}) },
  ];

  await runScenario(db, scenarios[0], skills, 50, 7); // warm-up
  const floor = await roundTripFloor(db);

  console.log(
    `\nW7 meetup search at ${MEETUPS} meetups: ${RUNS} passes × ${QUERIES} searches per scenario (page ${PAGE})`,
  );
  const results: { name: string; p50s: number[]; p95s: number[]; baseline: number[]; avgRows: number }[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    let rowsSeen = 0;
    const { p50s, p95s } = await passes(RUNS, async (pass) => {
      const { times, rows } = await runScenario(db, scenario, skills, QUERIES, 100 * pass + i);
      rowsSeen += rows;
      return times;
    });
    console.log(
      `  ${scenario.name}: per pass p50 [${p50s.map(fmt).join(', ')}] ms, p95 [${p95s.map(fmt).join(', ')}] ms ` +
        `(avg ${(rowsSeen / QUERIES / RUNS).toFixed(1)} rows)`,
    );
    const baseline = await withoutIndexes(db, () => runScenario(db, scenario, skills, BASELINE_QUERIES, 100 + i));
    console.log(
      `  ${scenario.name}: baseline (no indexes) p50 ${fmt(quantile(baseline.times, 0.5))} ms  p95 ` +
        `${fmt(quantile(baseline.times, 0.95))} ms  (${BASELINE_QUERIES} runs)`,
    );
    results.push({ name: scenario.name, p50s, p95s, baseline: baseline.times, avgRows: rowsSeen / QUERIES / RUNS });
  }

  console.log('\nEXPLAIN (ANALYZE, BUFFERS) q=postgres skill=sql near=Berlin 50 km:');
  const q = buildMeetupSearch({
    q: 'postgres',
    skill: 'sql',
    near: { lat: 52.52, lng: 13.405 },
    radiusKm: 50,
    from: new Date(),
    limit: PAGE + 1,
  });
  for (const line of await explain(db, q.text, q.params)) console.log(`  ${line}`);

  console.log(`\nW7 result (medians over ${RUNS} passes of ${QUERIES} searches)`);
  console.log(
    `  floor (SELECT 1 round trip)  p50 ${fmt(quantile(floor, 0.5))} ms  p95 ${fmt(quantile(floor, 0.95))} ms`,
  );
  let pass = true;
  for (const r of results) {
    const p50 = median(r.p50s);
    const p95 = median(r.p95s);
    const judged = r.name === scenarios[0].name;
    if (judged) pass = p95 < GOAL_P95_MS;
    const verdict = judged ? `goal p95 < ${GOAL_P95_MS} ms: ${pass ? 'PASS' : 'FAIL'}` : '(informational)';
    console.log(
      `  ${r.name}\n    indexed   p50 ${fmt(p50)}  p95 ${fmt(p95)}  ${verdict}` +
        `\n    baseline  p50 ${fmt(quantile(r.baseline, 0.5))}  p95 ${fmt(quantile(r.baseline, 0.95))}` +
        `  → indexed is ${(quantile(r.baseline, 0.5) / p50).toFixed(1)}x faster at p50`,
    );
  }
  return pass;
}

async function main(): Promise<void> {
  const bench = await benchDatabase('meetups', { load: (url) => withClient(url, load) });
  const db = new pg.Client({ connectionString: bench.url });
  try {
    await db.connect();
    process.exitCode = (await runSearch(db)) ? 0 : 1;
  } finally {
    await db.end().catch(() => undefined);
    await bench.drop();
    console.log(args.keep ? 'kept database guildhall_bench_meetups' : 'dropped database guildhall_bench_meetups');
  }
}

await main();
