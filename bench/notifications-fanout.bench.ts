// Notification fan-out benchmark: one outbox event addressed to 50,000 members, timed end to end (commit of the
// outbox row -> relay -> events job -> batched in-app INSERTs) by the real worker, next to bare BullMQ throughput
// (no-op jobs through one Worker) measured in the same run: the cost a one-job-per-recipient design would start from.
// Run: npm run bench:w5 [-- --members=50000 --runs=5 --keep]
// Uses a database of its own, guildhall_bench_notifications, on DATABASE_URL's server, and a queue prefix of its own;
// both are dropped at the end unless --keep.
import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../src/app/create-worker-app.js';
import { loadConfig } from '../src/config/app-config.js';
import { EventsService } from '../src/queues/events.service.js';
import { QUEUES } from '../src/queues/queue-names.js';
import { deletePrefixedKeys } from '../src/redis/delete-prefixed-keys.js';
import { bullConnection } from '../src/redis/redis-options.js';
import { benchDatabase } from './support/bench-db.js';
import { withClient } from './support/sql-bench.js';
import { median, p95 } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const MEMBERS = Number(args.members);
const RUNS = Number(args.runs);
const BASELINE_JOBS = 20_000;
const BASELINE_RUNS = 3;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `gh_bench_notif_${randomBytes(3).toString('hex')}`;

async function createMembers(url: string): Promise<string[]> {
  return withClient(url, async (db) => {
    const started = performance.now();
    const { rows } = await db.query<{ id: string }>(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'member-' || g || '@bench.test', 'x', ARRAY['learner'] FROM generate_series(1, $1::int) g
         RETURNING id, roles)
       INSERT INTO profiles (id, display_name, roles) SELECT id, 'Member ' || left(id::text, 8), roles FROM u
       RETURNING id`,
      [MEMBERS],
    );
    // One member in fifty mutes the type, as real preferences would: those get no row.
    await db.query(
      `INSERT INTO notification_preferences (profile_id, email, muted_types)
       SELECT id, false, ARRAY['meetup.cancelled'] FROM profiles WHERE id = ANY ($1::uuid[])`,
      [rows.filter((_, i) => i % 50 === 0).map((r) => r.id)],
    );
    await db.query('ANALYZE');
    console.log(`created ${rows.length} members in ${(performance.now() - started).toFixed(0)} ms`);
    return rows.map((r) => r.id);
  });
}

/** Bare BullMQ: BASELINE_JOBS no-op jobs added in bulk and consumed by one Worker at the worker's concurrency. */
async function noopThroughput(concurrency: number, run: number): Promise<number> {
  const name = `bench-noop-${run}`;
  const queue = new Queue(name, { prefix, connection: bullConnection(redisUrl) });
  const worker = new Worker(name, () => Promise.resolve(null), {
    prefix,
    connection: bullConnection(redisUrl, { maxRetriesPerRequest: null }),
    concurrency,
    autorun: false,
  });
  let done = 0;
  const finished = new Promise<void>((resolve) =>
    worker.on('completed', () => {
      if (++done === BASELINE_JOBS) resolve();
    }),
  );
  const started = performance.now();
  for (let i = 0; i < BASELINE_JOBS; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, BASELINE_JOBS - i) }, (_, k) => ({
        name: 'noop',
        data: { i: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  }
  void worker.run();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  const rate = BASELINE_JOBS / seconds;
  console.log(
    `  baseline run ${run}/${BASELINE_RUNS}: ${BASELINE_JOBS} no-op jobs in ${(seconds * 1000).toFixed(0)} ms = ` +
      `${rate.toFixed(0)} jobs/s`,
  );
  return rate;
}

async function main(): Promise<void> {
  const bench = await benchDatabase('notifications');
  const url = bench.url;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    OUTBOX_POLL_MS: '50',
    SMTP_URL: '',
  });
  try {
    const members = await createMembers(url);
    const expected = members.filter((_, i) => i % 50 !== 0).length;

    const app = await createWorkerApp(config);
    const ds = app.get<DataSource>(getDataSourceToken());
    const events = new EventsService();
    const eventsQueue = new Queue(QUEUES.events, { prefix, connection: bullConnection(redisUrl) });
    const fanoutRates: number[] = [];
    const fanoutMs: number[] = [];
    console.log(
      `fan-out: 1 event -> ${MEMBERS} members (${MEMBERS - expected} muted), batch ` +
        `${config.notificationFanoutBatch}, worker concurrency ${config.workerConcurrency}`,
    );
    try {
      for (let run = 1; run <= RUNS; run++) {
        const started = performance.now();
        const eventId = await ds.transaction((tx) =>
          events.emit(tx, 'meetup.cancelled', { meetupId: randomUUID(), recipientIds: members }),
        );
        for (;;) {
          // The state alone: fetching the job would pull its 50k-recipient payload from Redis on every poll.
          const state = await eventsQueue.getJobState(eventId);
          if (state === 'completed') break;
          if (state === 'failed') throw new Error(`fan-out job ${eventId} failed`);
          await new Promise((r) => setTimeout(r, 20));
        }
        const ms = performance.now() - started;
        const [{ n }] = await ds.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`,
          [eventId],
        );
        if (n !== expected) throw new Error(`expected ${expected} notifications, found ${n}`);
        const rate = n / (ms / 1000);
        fanoutMs.push(ms);
        fanoutRates.push(rate);
        console.log(
          `  fan-out run ${run}/${RUNS}: ${n} in-app notifications in ${ms.toFixed(0)} ms = ${rate.toFixed(0)} ` +
            `deliveries/s`,
        );
      }
    } finally {
      await eventsQueue.close();
      await app.close();
    }

    const baseline: number[] = [];
    for (let run = 1; run <= BASELINE_RUNS; run++) baseline.push(await noopThroughput(config.workerConcurrency, run));

    console.log('\nresults');
    console.log(
      `  fan-out (outbox event -> ${expected} in-app rows)  median ${median(fanoutMs).toFixed(0)} ms  p95 ` +
        `${p95(fanoutMs).toFixed(0)} ms`,
    );
    console.log(
      `  fan-out deliveries/s          median ${median(fanoutRates).toFixed(0)}  worst ` +
        `${Math.min(...fanoutRates).toFixed(0)}`,
    );
    console.log(
      `  bare BullMQ no-op jobs/s      median ${median(baseline).toFixed(0)}  worst ` +
        `${Math.min(...baseline).toFixed(0)}`,
    );
    console.log(
      `  ratio: fan-out delivers ${(median(fanoutRates) / median(baseline)).toFixed(1)}x as many notifications ` +
        `per second as BullMQ runs empty jobs (one job per recipient would be bounded by the latter)`,
    );
  } finally {
    await bench.drop();
    if (!args.keep) await deletePrefixedKeys(redisUrl, prefix);
  }
}

await main();
