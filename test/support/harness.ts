import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../src/app/create-api-app.js';
import { createWorkerApp } from '../../src/app/create-worker-app.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { WorkerMetricsServer } from '../../src/metrics/worker-metrics.server.js';

export interface Harness {
  config: AppConfig;
  api: NestFastifyApplication;
  worker?: INestApplicationContext;
  /** The worker's own Prometheus listener (GET), when a worker runs. */
  workerMetricsUrl?: string;
  db: DataSource;
  url: string;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  worker?: boolean;
  /** Where the API writes its log (stdout by default). */
  logDestination?: DestinationStream;
}

/**
 * Boots the real API (listening on an ephemeral port) and, unless disabled, the real worker in this
 * process, against the file's own database and queue prefix (e2e-file-setup.ts).
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    OUTBOX_POLL_MS: '50',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...opts.env,
  });
  const api = await createApiApp(config, { logDestination: opts.logDestination });
  await api.listen({ port: 0, host: '127.0.0.1' });
  const worker = opts.worker === false ? undefined : await createWorkerApp(config);
  const address = api.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    config,
    api,
    worker,
    workerMetricsUrl: worker?.get(WorkerMetricsServer).url,
    db: api.get<DataSource>(getDataSourceToken()),
    url,
    http: () => request(url),
    async close() {
      await worker?.close();
      await api.close();
    },
  };
}

export const uniqueEmail = (tag = 'user'): string => `${tag}-${randomBytes(6).toString('hex')}@example.test`;
export const PASSWORD = 'correct horse battery';

export interface TestUser {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

export async function registerUser(
  h: Harness,
  roles: string[] = ['learner'],
  extra: { displayName?: string; email?: string } = {},
): Promise<TestUser> {
  const email = extra.email ?? uniqueEmail(roles.join('-'));
  const res = await h
    .http()
    .post('/v1/auth/register')
    .send({ email, password: PASSWORD, displayName: extra.displayName ?? `Test ${roles.join('/')}`, roles });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.user.id,
    email,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

/** Polls until `check` returns (or resolves to) a truthy value (for work the worker does asynchronously). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  code?: string,
): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}`);
  }
  for (const k of ['type', 'title', 'status', 'detail', 'code']) {
    if (!(k in res.body)) throw new Error(`problem lacks ${k}: ${JSON.stringify(res.body)}`);
  }
  if (code && res.body.code !== code) throw new Error(`expected code ${code}, got ${String(res.body.code)}`);
}
