// W4 of issues 8 and 17: a burst of RSVPs on one meetup (a popular meetup opening). Each run, on fresh meetups:
//   1. baselines on a pool of --pool: read-only transactions, and single-statement updates of the meetup's row
//      (in a transaction, BEGIN/UPDATE/COMMIT, the floor the docs have quoted, and on their own, autocommit);
//   2. the RSVP path itself (applyRsvp: one meetup_rsvp() statement) --rsvps at once on the same pool;
//   3. the same burst over HTTP: POST /v1/meetups/:id/rsvp, --rsvps at once, against the API in a child process
//      (pool of --pool, everything else as shipped). Every answer must be 200 or 503 with Retry-After; a 503 is
//      retried after Retry-After plus up to 50% jitter, as the web app does. Anything else is an error. The
//      requests travel over at most --connections keep-alive connections, as through a load balancer's upstream
//      pool: one host cannot take 5,000 new connections in the same instant (its listen backlog, 4,096 at most
//      with net.core.somaxconn, overflows and the kernel resets the rest).
// Each run checks the final state: answered going = going rows = goingCount = seats, waitlist positions 1..n
// contiguous, one row per member. Medians over --runs are printed with the ratios to the hot-row baseline.
// Run: npm run bench:w4 [-- --runs=N --rsvps=N --seats=N --pool=N --connections=N --keep]
// Uses a database of its own, guildhall_bench_rsvp, on DATABASE_URL's server; dropped at the end unless --keep.
import 'reflect-metadata';
import jwt from 'jsonwebtoken';
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { applyRsvp, type RsvpOutcome } from '../src/meetups/rsvp-transaction.js';
import { benchDatabase, benchDataSource } from './support/bench-db.js';
import { fmt, median, quantile, timed } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    port: { type: 'string', default: '3811' },
    runs: { type: 'string', default: '3' },
    rsvps: { type: 'string', default: '5000' },
    seats: { type: 'string', default: '100' },
    pool: { type: 'string', default: '40' },
    connections: { type: 'string', default: '2500' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const RSVPS = Number(args.rsvps);
const SEATS = Number(args.seats);
const POOL = Number(args.pool);
const PORT = Number(args.port);
const CONNECTIONS = Number(args.connections);
const SECRET = 'bench-secret-bench-secret-bench-secret';
/** A request still shed after this many attempts counts as an error. */
const MAX_ATTEMPTS = 30;
if (!(SEATS > 0 && RSVPS > SEATS && POOL > 0)) throw new Error('need 0 < --seats < --rsvps and --pool > 0');

/** The API as shipped, but for the pool size under test and a rate limit out of the way. */
async function serve(databaseUrl: string): Promise<void> {
  const { createApiApp, LISTEN_BACKLOG } = await import('../src/app/create-api-app.js');
  const { loadConfig } = await import('../src/config/app-config.js');
  const app = await createApiApp(
    loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: SECRET,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL),
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'bench_rsvp',
    }),
  );
  await app.listen({ port: PORT, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
  process.send?.('ready');
}

function startApi(databaseUrl: string): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', databaseUrl, `--port=${PORT}`, `--pool=${POOL}`], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
  });
}

async function members(db: pg.Client, n: number): Promise<string[]> {
  return (
    await db.query<{ id: string }>(
      `WITH u AS (INSERT INTO users (email, password_hash, roles)
                  SELECT 'burst-' || g || '@bench.test', 'x', ARRAY['learner'] FROM generate_series(1, $1::int) g
                  RETURNING id, roles)
       INSERT INTO profiles (id, display_name, roles)
       SELECT id, 'Burst ' || left(id::text, 8), roles FROM u RETURNING id`,
      [n],
    )
  ).rows.map((r) => r.id);
}

async function newMeetup(db: pg.Client, seats: number): Promise<string> {
  await db.query(
    `INSERT INTO users (id, email, password_hash, roles)
     VALUES ('00000000-0000-4000-8000-000000000001', 'burst-organizer@bench.test', 'x', ARRAY['organizer'])
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO profiles (id, display_name, roles)
     VALUES ('00000000-0000-4000-8000-000000000001', 'Burst organizer', ARRAY['organizer']) ON CONFLICT DO NOTHING`,
  );
  const meetup = await db.query<{ id: string }>(
    `INSERT INTO meetups (organizer_id, title, description, starts_at, ends_at, timezone, online, online_url, capacity)
     VALUES ('00000000-0000-4000-8000-000000000001', 'Burst night', 'Everyone at once', now() + interval '7 days',
             now() + interval '7 days 2 hours', 'UTC', true, 'https://meet.example.org/burst', $1)
     RETURNING id`,
    [seats],
  );
  return meetup.rows[0].id;
}

/** Exactly `seats` going (answers, rows, counter), waitlist positions 1..n, one row per member. */
async function verify(db: pg.Client, meetupId: string, outcomes: RsvpOutcome[], seats: number): Promise<string> {
  const going = outcomes.filter((o) => o.status === 'going').length;
  const positions = outcomes
    .filter((o) => o.status === 'waitlisted')
    .map((o) => o.waitlistPosition!)
    .sort((a, b) => a - b);
  const row = (
    await db.query<{ going_count: number; waitlist_count: number; going: number; waitlisted: number; rows: number }>(
      `SELECT m.going_count, m.waitlist_count,
              count(*) FILTER (WHERE r.status = 'going')::int AS going,
              count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted, count(r.*)::int AS rows
         FROM meetups m LEFT JOIN meetup_rsvps r ON r.meetup_id = m.id WHERE m.id = $1 GROUP BY m.id`,
      [meetupId],
    )
  ).rows[0];
  const waitlisted = outcomes.length - seats;
  const problems = [
    going !== seats && `${going} answered going`,
    row.going_count !== seats && `goingCount ${row.going_count}`,
    row.going !== seats && `${row.going} going rows`,
    row.waitlisted !== waitlisted && `${row.waitlisted} waitlisted rows`,
    row.waitlist_count !== waitlisted && `waitlistCount ${row.waitlist_count}`,
    row.rows !== outcomes.length && `${row.rows} rows for ${outcomes.length} members`,
    !(positions.length === waitlisted && positions.every((p, i) => p === i + 1)) && 'waitlist positions not 1..n',
  ].filter(Boolean);
  return problems.length ? `FAIL (${problems.join(', ')})` : 'ok';
}

/** `n` transactions (or statements) at once on the pool; returns per second. */
async function rate(n: number, one: () => Promise<unknown>): Promise<number> {
  const [ms] = await timed(() => Promise.all(Array.from({ length: n }, one)));
  return (n / ms) * 1000;
}

interface HttpBurst {
  ms: number;
  latencies: number[];
  outcomes: RsvpOutcome[];
  retries: number;
  errors: number;
  firstError?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

interface Answer {
  status: number;
  retryAfter: number;
  body: RsvpOutcome & { code?: string };
}

function postRsvp(path: string, token: string): Promise<Answer> {
  const payload = '{"status":"going"}';
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port: PORT,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Number(res.headers['retry-after']),
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Every member POSTs going at once; a 503 with Retry-After waits and tries again, anything else is an error. */
async function httpBurst(meetupId: string, tokens: string[]): Promise<HttpBurst> {
  const out: HttpBurst = { ms: 0, latencies: [], outcomes: [], retries: 0, errors: 0 };
  const path = `/v1/meetups/${meetupId}/rsvp`;
  const one = async (token: string): Promise<void> => {
    const started = performance.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let res: Answer;
      try {
        res = await postRsvp(path, token);
      } catch (e) {
        out.errors++;
        out.firstError ??= String(e);
        return;
      }
      const body = res.body;
      if (res.status === 200) {
        out.latencies.push(performance.now() - started);
        out.outcomes.push({ status: body.status, waitlistPosition: body.waitlistPosition });
        return;
      }
      const retryAfter = res.retryAfter;
      if (res.status !== 503 || !(retryAfter > 0)) {
        out.errors++;
        out.firstError ??= `${res.status} ${body.code}`;
        return;
      }
      out.retries++;
      await new Promise((r) => setTimeout(r, retryAfter * 1000 * (1 + Math.random() / 2)));
    }
    out.errors++;
    out.firstError ??= `still 503 after ${MAX_ATTEMPTS} attempts`;
  };
  [out.ms] = await timed(() => Promise.all(tokens.map(one)));
  return out;
}

interface Run {
  readOnly: number;
  hotRowTx: number;
  hotRowStatement: number;
  rsvp: number;
  rsvpP50: number;
  rsvpP99: number;
  http: number;
  httpP50: number;
  httpP99: number;
  retries: number;
  errors: number;
  ok: boolean;
}

async function run(ds: DataSource, db: pg.Client, ids: string[], tokens: string[], n: number): Promise<Run> {
  const hot = await newMeetup(db, SEATS);
  const readOnly = await rate(RSVPS, () => ds.transaction((tx) => tx.query('SELECT 1')));
  const hotRowTx = await rate(RSVPS, () =>
    ds.transaction((tx) => tx.query(`UPDATE meetups SET updated_at = now() WHERE id = $1`, [hot])),
  );
  const hotRowStatement = await rate(RSVPS, () =>
    ds.query(`UPDATE meetups SET updated_at = now() WHERE id = $1`, [hot]),
  );

  const direct = await newMeetup(db, SEATS);
  const latencies: number[] = [];
  const [ms, outcomes] = await timed(() =>
    Promise.all(
      ids.map(async (id) => {
        const [took, outcome] = await timed(() => applyRsvp(ds, direct, id, 'going'));
        latencies.push(took);
        return outcome;
      }),
    ),
  );
  const directOk = await verify(db, direct, outcomes, SEATS);

  const overHttp = await newMeetup(db, SEATS);
  const burst = await httpBurst(overHttp, tokens);
  const httpOk = burst.errors ? 'not checked' : await verify(db, overHttp, burst.outcomes, SEATS);

  const r: Run = {
    readOnly,
    hotRowTx,
    hotRowStatement,
    rsvp: (RSVPS / ms) * 1000,
    rsvpP50: quantile(latencies, 0.5),
    rsvpP99: quantile(latencies, 0.99),
    http: (RSVPS / burst.ms) * 1000,
    httpP50: burst.latencies.length ? quantile(burst.latencies, 0.5) : NaN,
    httpP99: burst.latencies.length ? quantile(burst.latencies, 0.99) : NaN,
    retries: burst.retries,
    errors: burst.errors,
    ok: directOk === 'ok' && httpOk === 'ok' && burst.errors === 0,
  };
  console.log(
    `  run ${n}/${RUNS}: baselines hot-row tx ${r.hotRowTx.toFixed(0)}/s, hot-row statement ` +
      `${r.hotRowStatement.toFixed(0)}/s, read-only tx ${r.readOnly.toFixed(0)}/s\n` +
      `    RSVP statement: ${r.rsvp.toFixed(0)}/s (${(r.rsvp / r.hotRowTx).toFixed(2)} of hot-row tx), ` +
      `p50 ${fmt(r.rsvpP50)} ms p99 ${fmt(r.rsvpP99)} ms; state ${directOk}\n` +
      `    HTTP burst: ${r.http.toFixed(0)} RSVPs/s (${(r.http / r.hotRowTx).toFixed(2)} of hot-row tx), ` +
      `p50 ${fmt(r.httpP50)} ms p99 ${fmt(r.httpP99)} ms, ${burst.retries} retries after 503, ` +
      `${burst.errors} errors${burst.firstError ? ` (first: ${burst.firstError})` : ''}; state ${httpOk}`,
  );
  return r;
}

async function main(): Promise<void> {
  const bench = await benchDatabase('rsvp');
  const db = new pg.Client({ connectionString: bench.url });
  let api: ChildProcess | undefined;
  const ds = benchDataSource(bench.url, POOL);
  let ok: boolean;
  try {
    await db.connect();
    await ds.initialize();
    const ids = await members(db, RSVPS);
    const tokens = ids.map((sub) =>
      jwt.sign({ sub, roles: ['learner'], fid: randomUUID() }, SECRET, { algorithm: 'HS256', expiresIn: 3600 }),
    );
    api = await startApi(bench.url);
    console.log(
      `\nW4 RSVP burst: ${RSVPS} at once on ${SEATS} seats, pool of ${POOL}, HTTP over ${CONNECTIONS} ` +
        `connections, ${RUNS} runs (+1 warm-up)`,
    );
    // Warm-up: JIT, connections, plans; a tenth of the size, not reported.
    const warm = Math.max(SEATS + 1, Math.floor(RSVPS / 10));
    await httpBurst(await newMeetup(db, SEATS), tokens.slice(0, warm));
    const warmMeetups: string[] = [];
    for (let i = 0; i < warm; i++) warmMeetups.push(await newMeetup(db, 1));
    await Promise.all(ids.slice(0, warm).map((id, i) => applyRsvp(ds, warmMeetups[i], id, 'going')));

    const runs: Run[] = [];
    for (let i = 1; i <= RUNS; i++) runs.push(await run(ds, db, ids, tokens, i));
    ok = runs.every((r) => r.ok);
    const m = (f: (r: Run) => number) => median(runs.map(f));
    console.log(
      `\nW4 result (medians over ${RUNS} runs):\n` +
        `  baselines: single-statement updates of the same row, in a transaction ` +
        `${m((r) => r.hotRowTx).toFixed(0)}/s, ` +
        `as autocommit statements ${m((r) => r.hotRowStatement).toFixed(0)}/s; ` +
        `read-only transactions ${m((r) => r.readOnly).toFixed(0)}/s\n` +
        `  RSVP statement: ${m((r) => r.rsvp).toFixed(0)} RSVPs/s = ${m((r) => r.rsvp / r.hotRowTx).toFixed(2)} of ` +
        `hot-row tx (${m((r) => r.rsvp / r.hotRowStatement).toFixed(2)} of autocommit), ` +
        `p50 ${fmt(m((r) => r.rsvpP50))} ms p99 ${fmt(m((r) => r.rsvpP99))} ms\n` +
        `  HTTP burst: ${m((r) => r.http).toFixed(0)} RSVPs/s = ${m((r) => r.http / r.hotRowTx).toFixed(2)} of ` +
        `hot-row tx, p50 ${fmt(m((r) => r.httpP50))} ms p99 ${fmt(m((r) => r.httpP99))} ms, ` +
        `retries ${m((r) => r.retries)}, errors ${runs.reduce((s, r) => s + r.errors, 0)} in all runs\n` +
        `  exactly ${SEATS} going, positions 1..${RSVPS - SEATS}, one row each, 0 errors, every run: ` +
        `${ok ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    agent.destroy();
    if (api && api.exitCode === null) await new Promise((r) => api!.once('exit', r).kill());
    await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    await bench.drop();
    console.log(args.keep ? 'kept database guildhall_bench_rsvp' : 'dropped database guildhall_bench_rsvp');
  }
  process.exitCode = ok ? 0 : 1;
}

if (args.serve) await serve(args.serve);
else await main();
