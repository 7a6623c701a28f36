// For the web benchmarks: the built API and worker (dist/, serving web/dist/) as a deployment runs them
// (NODE_ENV=production), on a database of the benchmark's own, migrated and filled by `npm run seed`.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function admin(server, sql) {
  const u = new URL(server);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the stack; `seed` is passed to `npm run seed` (e.g. ['--learners', '200']). Returns its URL, the demo
 * learner it can sign in as, and stop().
 */
export async function startWebStack({ seed = ['--learners', '200', '--mentors', '200', '--meetups', '20'] } = {}) {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `guildhall_bench_web_${randomBytes(3).toString('hex')}`;
  const dbUrl = new URL(server);
  dbUrl.pathname = `/${dbName}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: dbName,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  await admin(server, `CREATE DATABASE "${dbName}"`);
  const children = [];
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await admin(server, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    const { deletePrefixedKeys } = await import('../dist/redis/delete-prefixed-keys.js');
    await deletePrefixedKeys(env.REDIS_URL ?? 'redis://127.0.0.1:6379', dbName);
  };
  try {
    // The migration CLI logs every statement (megabytes with the gazetteer): only its errors are kept.
    const migrate = ['node_modules/typeorm/cli.js', 'migration:run', '-d', 'dist/database/data-source.js'];
    execFileSync(process.execPath, migrate, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const seeded = execFileSync(process.execPath, ['dist/cli/seed.js', ...seed], { cwd: root, env, encoding: 'utf8' });
    // The seed prints the demo accounts and their shared password; the first learner is the one signed in.
    const email = /\b(learner-\S+@\S+?)(?=[\s,]|$)/m.exec(seeded)?.[1];
    const password = /password "([^"]+)"/.exec(seeded)?.[1];
    if (!email || !password) throw new Error(`cannot find the demo login in the seed's output:\n${seeded}`);
    for (const script of ['dist/main.js', 'dist/worker.js']) {
      const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || children.some((c) => c.exitCode !== null)) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    return { url, learner: { email, password }, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Signs the seeded demo learner in with `"cookie": true` and returns the cookies that answer sets (the refresh
 * cookie and its readable companion, each with its own path), ready for a browser context's `addCookies`.
 */
export async function demoSessionCookies(stack) {
  const res = await fetch(`${stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...stack.learner, cookie: true }),
  });
  const lines = res.headers.getSetCookie().filter((c) => /^guildhall_(refresh|session)=/.test(c));
  if (!res.ok || lines.length !== 2) throw new Error(`cookie login failed: ${res.status} ${await res.text()}`);
  return lines.map((line) => {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: new URL(stack.url).hostname, path };
  });
}

/** Has the worker compute the demo learner's suggestions; resolves to how many there are once they are ready. */
export async function readyDemoSuggestions(stack) {
  const login = await fetch(`${stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(stack.learner),
  }).then((r) => r.json());
  const headers = { authorization: `Bearer ${login.accessToken}` };
  await fetch(`${stack.url}/v1/match-suggestions/refresh`, { method: 'POST', headers });
  for (let i = 0; i < 150; i++) {
    const s = await fetch(`${stack.url}/v1/match-suggestions`, { headers }).then((r) => r.json());
    if (s.status === 'ready') return s.items.length;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('suggestions not ready within 30 s');
}
