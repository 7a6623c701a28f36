import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../config/app-config.js';
import { exitOnConfigError } from '../config/exit-on-config-error.js';
import { DEMO_PASSWORD, SEED_EMAIL_DOMAIN, seedCommunity } from './seed/seed-community.js';

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

const config = exitOnConfigError(loadConfig);
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
const started = Date.now();
try {
  await seedCommunity(pool, { learners, mentors, meetups, organizers, seed, reset: values.reset ?? false });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `done in ${secs} s: ${learners} learners, ${mentors} mentors, ${organizers} organizers, ${meetups} meetups.\n`,
  );
  process.stdout.write(
    `log in as learner-0-s${seed}@${SEED_EMAIL_DOMAIN} or mentor-0-s${seed}@${SEED_EMAIL_DOMAIN}, ` +
      `password "${DEMO_PASSWORD}"\n`,
  );
} finally {
  await pool.end();
}
