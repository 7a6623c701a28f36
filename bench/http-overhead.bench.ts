/**
 * W1: GET /health/live on the full app vs a bare Fastify server.
 * W2: GET /v1/profiles/:id on the full app (auth, rate limit, validation, filter, metrics hook) vs a bare
 *     Fastify + pg route running the same query and view mapping.
 * Servers run in child processes so the load generator (autocannon) does not share their event loop.
 * Usage: npm run bench:w1 | bench:w2 [-- --runs 5 --seconds 5 --connections 20 --keep]
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ProfileRow } from '../src/profiles/profile.view.js';
import { seedCommunity, DEMO_PASSWORD, SEED_EMAIL_DOMAIN } from '../src/cli/seed/seed-community.js';
import { benchDatabase } from './support/bench-db.js';
import { median, report } from './support/stats.js';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    port: { type: 'string' },
    db: { type: 'string' },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

if (values.serve) await serve(values.serve, Number(values.port), values.db!);
else await main();

async function serve(kind: string, port: number, db: string): Promise<void> {
  if (kind === 'app') {
    const { createApiApp } = await import('../src/app/create-api-app.js');
    const { loadConfig } = await import('../src/config/app-config.js');
    const app = await createApiApp(
      loadConfig({
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
        DATABASE_URL: db,
        RATE_LIMIT_PER_MINUTE: '10000000',
        LOG_LEVEL: 'warn',
        QUEUE_PREFIX: 'bench_http',
      }),
    );
    await app.listen({ port, host: '127.0.0.1' });
  } else {
    const { default: Fastify } = await import('fastify');
    const { publicProfileView } = await import('../src/profiles/profile.view.js');
    const pool = new pg.Pool({ connectionString: db, max: 10 });
    const f = Fastify();
    f.get('/health/live', () => Promise.resolve({ status: 'ok' }));
    f.get<{ Params: { id: string } }>('/v1/profiles/:id', async (req, reply) => {
      const { rows } = await pool.query<ProfileRow & { shares_mentorship: boolean }>(
        `SELECT p.*, EXISTS (SELECT 1 FROM mentorships m WHERE m.status IN ('active','completed')
                  AND ((m.learner_id = p.id AND m.mentor_id = $2) OR (m.mentor_id = p.id AND m.learner_id = $2)))
                  AS shares_mentorship
           FROM profiles p WHERE p.id = $1`,
        [req.params.id, req.params.id],
      );
      if (!rows[0]) return reply.code(404).send({ status: 404 });
      return publicProfileView(rows[0], rows[0].shares_mentorship);
    });
    await f.listen({ port, host: '127.0.0.1' });
  }
  process.send?.('ready');
}

function start(kind: string, port: number, db: string): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, '--port', String(port), '--db', db], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  const r = await autocannon({ url, headers, duration: seconds, connections });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5 };
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const db = await benchDatabase('http', {
    reuse: values.keep,
    load: async (url) => {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      await seedCommunity(pool, { learners: 2000, mentors: 1000, meetups: 0, organizers: 5, seed: 1, reset: false });
      await pool.end();
    },
  });
  const children = [await start('app', 3801, db.url), await start('bare', 3802, db.url)];
  try {
    const login = await fetch('http://127.0.0.1:3801/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `learner-0-s1@${SEED_EMAIL_DOMAIN}`, password: DEMO_PASSWORD }),
    }).then((r) => r.json() as Promise<{ accessToken: string }>);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM profiles WHERE 'mentor' = ANY(roles) ORDER BY id LIMIT 1`,
    );
    await pool.end();
    const auth = { authorization: `Bearer ${login.accessToken}` };
    type Target = { name: string; app: [string, Record<string, string>]; bare: [string, Record<string, string>] };
    const all: Target[] = [
      {
        name: 'W1 GET /health/live',
        app: ['http://127.0.0.1:3801/health/live', {}],
        bare: ['http://127.0.0.1:3802/health/live', {}],
      },
      {
        name: 'W2 GET /v1/profiles/:id',
        app: [`http://127.0.0.1:3801/v1/profiles/${rows[0].id}`, auth],
        bare: [`http://127.0.0.1:3802/v1/profiles/${rows[0].id}`, {}],
      },
    ];
    const targets = all.filter((t) => !values.only || t.name.toLowerCase().startsWith(values.only.toLowerCase()));
    const rowsOut: Parameters<typeof report>[0] = [];
    for (const t of targets) {
      console.log(`\n${t.name}: warm-up`);
      await load(t.app[0], t.app[1], 2, connections);
      await load(t.bare[0], t.bare[1], 2, connections);
      const app: { rps: number; p50: number; p975: number }[] = [];
      const bare: typeof app = [];
      for (let i = 1; i <= runs; i++) {
        // Alternate so drift on a noisy machine hits both sides alike.
        app.push(await load(t.app[0], t.app[1], seconds, connections));
        bare.push(await load(t.bare[0], t.bare[1], seconds, connections));
        console.log(
          `  run ${i}/${runs}: app ${app[i - 1].rps.toFixed(0)} req/s (p50 ${app[i - 1].p50} ms), ` +
            `bare ${bare[i - 1].rps.toFixed(0)} req/s (p50 ${bare[i - 1].p50} ms)`,
        );
      }
      rowsOut.push({
        workload: `${t.name} latency p50 | p97.5`,
        median: median(app.map((a) => a.p50)),
        p95: median(app.map((a) => a.p975)),
        baseline: median(bare.map((b) => b.p50)),
        unit: 'ms',
      });
      rowsOut.push({
        workload: `${t.name} throughput (app / bare)`,
        median: median(app.map((a) => a.rps)),
        p95: Math.min(...app.map((a) => a.rps)),
        baseline: median(bare.map((b) => b.rps)),
        unit: 'rps',
      });
    }
    report(rowsOut);
    console.log(
      `\n(${runs} runs × ${seconds} s, ${connections} connections; ` +
        `latency columns are medians over runs of each run's p50 and p97.5;`,
    );
    console.log(' autocannon reports p97.5, not p95; throughput "p95" column is the slowest run)');
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await db.drop();
  }
}
