import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebDatabase, type WebDatabase } from './web-database.js';

/**
 * The built API and worker, as `npm start` runs them, on a database and queue prefix of one spec file's own.
 * With `apiReplicas` > 1, that many API processes share the database and Redis behind a round-robin proxy (each
 * request goes to the next one), as behind a load balancer.
 */
export interface Stack {
  /** Origin the browser opens; also PUBLIC_BASE_URL, so the session cookie's Origin check passes. */
  url: string;
  /** Gives the account the admin role the way operators do (`npm run admin:grant`); it applies at its next login. */
  grantAdmin(email: string): Promise<void>;
  stop(): Promise<void>;
}

const BOOT_TIMEOUT_MS = 60_000;

export interface StackOptions {
  apiReplicas?: number;
}

export async function startStack(env: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> {
  const db = await createWebDatabase();
  for (let attempt = 1; ; attempt++) {
    try {
      return await boot(db, env, options);
    } catch (e) {
      // A port found free was taken before the API bound it (another spec's stack, an outgoing connection):
      // boot again on fresh ports rather than fail the spec.
      if (attempt < 3 && (e as Error).message.includes('EADDRINUSE')) continue;
      await db.drop();
      throw e;
    }
  }
}

async function boot(db: WebDatabase, env: Record<string, string>, options: StackOptions): Promise<Stack> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const replicas = options.apiReplicas ?? 1;
  const apiPorts = replicas > 1 ? await Promise.all(Array.from({ length: replicas }, () => freePort())) : [port];
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
  const apis = apiPorts.map((p) => launch('dist/main.js', { ...childEnv, PORT: String(p) }, `api-${p}`));
  const worker = launch('dist/worker.js', childEnv, `worker-${port}`);
  let proxy: Server | undefined;
  const halted = async () => {
    if (proxy) {
      proxy.closeAllConnections();
      proxy.close();
    }
    await Promise.all([...apis.map((a) => halt(a.child)), halt(worker.child)]);
  };
  try {
    for (const p of apiPorts) await waitUntilReady(`http://127.0.0.1:${p}`, [...apis, worker]);
    if (replicas > 1) proxy = await roundRobinProxy(port, apiPorts);
  } catch (e) {
    await halted();
    throw e;
  }
  const grantAdmin = (email: string) =>
    new Promise<void>((resolve, reject) => {
      execFile(process.execPath, ['dist/cli/admin-grant.js', email], { env: childEnv }, (error, _out, stderr) =>
        error ? reject(new Error(`admin-grant failed: ${stderr || error.message}`)) : resolve(),
      );
    });
  const stop = async () => {
    await halted();
    await db.drop();
  };
  return { url, grantAdmin, stop };
}

/** A tiny load balancer: each request (not each connection) goes to the next upstream, streams included. */
function roundRobinProxy(port: number, upstreams: number[]): Promise<Server> {
  let next = 0;
  const server = createHttpServer((req, res) => {
    const target = upstreams[next++ % upstreams.length];
    const upstream = request(
      { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // The browser went away (a closed stream): so does the upstream request.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

interface Launched {
  child: ChildProcess;
  log: string;
  /** Settles once the process has exited and all it printed is in `log`. */
  logged: Promise<void>;
}

function launch(script: string, env: NodeJS.ProcessEnv, name: string): Launched {
  const log = join(tmpdir(), `guildhall-web-${name}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const logged = new Promise<void>((resolve) => child.once('close', () => out.end(resolve)));
  return { child, log, logged };
}

async function waitUntilReady(url: string, processes: Launched[]): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  for (;;) {
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) {
      await dead.logged;
      throw new Error(`${dead.log} exited with ${dead.child.exitCode}:\n${tail(dead.log)}`);
    }
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
