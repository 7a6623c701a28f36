// Seed benchmark (issue 8): the full community, 100,000 mentors + 200,000 learners + 200,000 meetups, written by
// the same seedCommunity() that `npm run seed` runs, --runs times into a freshly migrated database each time.
// Goal: under 3 minutes. Run: npm run bench:seed [-- --runs=3 --mentors=N --learners=N --meetups=N --keep]
// Uses a database of its own, guildhall_bench_seed, on DATABASE_URL's server; dropped at the end unless --keep.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedCommunity } from '../src/cli/seed/seed-community.js';
import { benchDatabase } from './support/bench-db.js';
import { median, quantile, timed } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    mentors: { type: 'string', default: '100000' },
    learners: { type: 'string', default: '200000' },
    meetups: { type: 'string', default: '200000' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const size = { mentors: Number(args.mentors), learners: Number(args.learners), meetups: Number(args.meetups) };
const GOAL_S = 180;

const seconds: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const bench = await benchDatabase('seed');
  const pool = new pg.Pool({ connectionString: bench.url, max: 2 });
  try {
    console.log(`\nrun ${run}/${RUNS}: ${size.mentors} mentors, ${size.learners} learners, ${size.meetups} meetups`);
    const [ms] = await timed(() =>
      seedCommunity(pool, {
        ...size,
        organizers: Math.max(5, Math.ceil(size.meetups / 200)),
        seed: 42,
        reset: false,
        log: (l) => console.log(l),
      }),
    );
    seconds.push(ms / 1000);
    const rows = (
      await pool.query<{ profiles: number; skills: number; meetups: number; reach: number }>(
        `SELECT (SELECT count(*) FROM profiles)::int AS profiles, (SELECT count(*) FROM profile_skills)::int AS skills,
                (SELECT count(*) FROM meetups)::int AS meetups,
                (SELECT count(*) FROM mentor_skill_reach)::int AS reach`,
      )
    ).rows[0];
    console.log(
      `run ${run}/${RUNS}: ${(ms / 1000).toFixed(1)} s; ${rows.profiles} profiles, ${rows.skills} ` +
        `profile_skills, ${rows.meetups} meetups, ${rows.reach} mentor_skill_reach rows`,
    );
  } finally {
    await pool.end();
    await bench.drop();
  }
}
const people = size.mentors + size.learners;
const med = median(seconds);
console.log(
  `\nseed result over ${RUNS} runs: median ${med.toFixed(1)} s, slowest ${quantile(seconds, 1).toFixed(1)} s ` +
    `(${((people + size.meetups) / med / 1000).toFixed(1)}k people+meetups/s); goal < ${GOAL_S} s: ` +
    `${quantile(seconds, 1) < GOAL_S ? 'PASS' : 'FAIL'}`,
);
process.exitCode = quantile(seconds, 1) < GOAL_S ? 0 : 1;
