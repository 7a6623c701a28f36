import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebDatabase } from './web-database.js';

/** The built API and worker, as `npm start` runs them, on a database and queue prefix of one spec file's own. */
export interface Stack {
  /** Origin the browser opens; also PUBLIC_BASE_URL, so the session cookie's Origin check passes. */
  url: string;
  stop(): Promise<void>;
}

const BOOT_TIMEOUT_MS = 60_000;

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const db = await createWebDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...db.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '50',
    // Every browser spec signs in and loads pages many times a minute from one address.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  };
  const api = launch('dist/main.js', childEnv, `api-${port}`);
  const worker = launch('dist/worker.js', childEnv, `worker-${port}`);
  const stop = async () => {
    await Promise.all([halt(api.child), halt(worker.child)]);
    await db.drop();
  };
  try {
    await waitUntilReady(url, [api, worker]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}

interface Launched {
  child: ChildProcess;
  log: string;
}

function launch(script: string, env: NodeJS.ProcessEnv, name: string): Launched {
  const log = join(tmpdir(), `guildhall-web-${name}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return { child, log };
}

async function waitUntilReady(url: string, processes: Launched[]): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  for (;;) {
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.log} exited with ${dead.child.exitCode}:\n${tail(dead.log)}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`API not ready at ${url} after ${BOOT_TIMEOUT_MS} ms:\n${tail(processes[0].log)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no log)';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
