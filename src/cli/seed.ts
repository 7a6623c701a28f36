import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../config/app-config.js';
import { exitOnConfigError } from '../config/exit-on-config-error.js';
import { seedDatabaseUrl } from './seed/database-url.js';
import { DEMO_PASSWORD, demoAccounts, seedCommunity } from './seed/seed-community.js';

/** `npm run seed -- --learners N --mentors M --meetups K [--organizers O] [--seed S] [--reset]` */
const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '2000' },
    mentors: { type: 'string', default: '1000' },
    meetups: { type: 'string', default: '500' },
    organizers: { type: 'string' },
    seed: { type: 'string', default: '42' },
    reset: { type: 'boolean', default: false },
  },
});
const count = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a non-negative integer\n`);
    process.exit(64);
  }
  return n;
};
const learners = count('learners', values.learners);
const mentors = count('mentors', values.mentors);
const meetups = count('meetups', values.meetups);
const organizers =
  values.organizers !== undefined ? count('organizers', values.organizers) : Math.max(5, Math.ceil(meetups / 200));
const seed = count('seed', values.seed);

// Without DATABASE_URL, the seed goes where `npm start` keeps its data: its embedded PostgreSQL, when running.
const target = await seedDatabaseUrl(process.env);
if (target) process.env.DATABASE_URL = target.url;
const config = exitOnConfigError(loadConfig);
process.stdout.write(
  `seeding ${redact(config.databaseUrl)}${target?.source === 'embedded' ? " (npm start's embedded PostgreSQL)" : ''}\n`,
);
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
const started = Date.now();
try {
  await seedCommunity(pool, { learners, mentors, meetups, organizers, seed, reset: values.reset ?? false });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `done in ${secs} s: ${learners} learners, ${mentors} mentors, ${organizers} organizers, ${meetups} meetups.\n`,
  );
  const demo = demoAccounts(seed);
  const signIn = new URL('/login', config.publicBaseUrl).href;
  process.stdout.write(
    [
      `Sign in at ${signIn} with password "${DEMO_PASSWORD}" as`,
      ...(learners > 0 ? [`  learner:   ${demo.learner}`] : []),
      ...(mentors > 0 ? [`  mentor:    ${demo.mentor}`] : []),
      ...(organizers > 0 ? [`  organizer: ${demo.organizer}`] : []),
      '',
    ].join('\n'),
  );
} finally {
  await pool.end();
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
