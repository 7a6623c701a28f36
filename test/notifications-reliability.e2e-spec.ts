import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EventsService } from '../src/queues/events.service.js';
import { OutboxRelay } from '../src/queues/outbox-relay.js';
import { QUEUES } from '../src/queues/queue-names.js';
import { bullConnection } from '../src/redis/redis-options.js';
import { eventually, startHarness, type Harness } from './support/harness.js';

const ROOT = join(import.meta.dirname, '..');
const MEMBERS = 300;

/**
 * Runs the real worker as separate processes (built from src into a temporary directory) so one can be
 * killed with SIGKILL mid-job. The harness runs no worker of its own, so the spawned ones are the only
 * consumers of this file's database and queue prefix.
 */
describe('notification delivery survives worker crashes and Redis outages', () => {
  let h: Harness;
  let buildDir: string;
  let members: string[];
  const children = new Set<ChildProcess>();
  const events = new EventsService();

  async function buildWorker(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'guildhall-worker-'));
    // Type errors elsewhere in the tree do not stop tsc from emitting; a broken worker shows up when it starts.
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dir],
      { cwd: ROOT },
    ).catch((e: { stdout?: string }) => {
      if (!e.stdout?.includes('error TS')) throw e;
    });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
  }

  function startWorker(): ChildProcess & { output: string[] } {
    const child = spawn(process.execPath, [join(buildDir, 'worker.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_MS: '50',
        NOTIFICATION_FANOUT_BATCH: '25',
        NOTIFICATION_FANOUT_PAUSE_MS: '100',
        WORKER_LOCK_DURATION_MS: '2000',
        WORKER_STALLED_INTERVAL_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }) as ChildProcess & { output: string[] };
    child.output = [];
    const keep = (b: Buffer) => {
      child.output.push(b.toString());
      if (child.output.length > 200) child.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.add(child);
    child.on('exit', () => children.delete(child));
    return child;
  }

  async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async function count(eventIds: string[]): Promise<number> {
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_id = ANY ($1::uuid[])`, [
      eventIds,
    ]);
    return n;
  }

  async function duplicates(eventIds: string[]): Promise<number> {
    const [{ n }] = await h.db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications WHERE event_id = ANY ($1::uuid[]) GROUP BY
         event_id, recipient_id HAVING count(*) > 1) d`,
      [eventIds],
    );
    return n;
  }

  beforeAll(async () => {
    buildDir = await buildWorker();
    h = await startHarness({ worker: false });
    // Members straight in SQL: 300 registrations through argon2 would dominate the run.
    const rows = await h.db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'member-' || g || '-' || md5(random()::text) || '@example.test', 'x', ARRAY['learner'] FROM
         generate_series(1, $1) g
         RETURNING id, roles)
       INSERT INTO profiles (id, display_name, roles) SELECT id, 'Member', roles FROM u RETURNING id`,
      [MEMBERS],
    );
    members = rows.map((r: { id: string }) => r.id);
  }, 180_000);

  afterAll(async () => {
    for (const child of [...children]) await stop(child, 'SIGKILL');
    await h?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it('Redis down: events wait in the outbox while the API writes on, then are delivered once', async () => {
    const recipients = members.slice(0, 20);
    const emitBatch = (tag: string) =>
      h.db.transaction(async (tx) => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++)
          ids.push(
            await events.emit(tx, 'meetup.updated', { meetupId: randomUUID(), tag, i, recipientIds: recipients }),
          );
        return ids;
      });
    const before = await emitBatch('before-outage');

    const dead = new Queue(QUEUES.events, {
      prefix: h.config.queuePrefix,
      connection: bullConnection('redis://127.0.0.1:1', {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 300,
        retryStrategy: () => null,
      }),
    });
    dead.on('error', () => undefined);
    await expect(new OutboxRelay(h.db, dead, { batchSize: 100, enqueueTimeoutMs: 1000 }).drain()).rejects.toThrow();
    await dead.close().catch(() => undefined);

    const during = await emitBatch('during-outage');
    const ids = [...before, ...during];
    const [{ pending }] = await h.db.query(
      `SELECT count(*)::int AS pending FROM outbox WHERE id = ANY ($1::uuid[]) AND sent_at IS NULL`,
      [ids],
    );
    expect(pending).toBe(10);
    expect(await count(ids)).toBe(0);

    const worker = startWorker();
    try {
      await eventually(async () => (await count(ids)) === ids.length * recipients.length, 30_000, 100);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nworker output:\n${worker.output.join('')}`, { cause: e });
    }
    const [{ sent }] = await h.db.query(
      `SELECT count(*)::int AS sent FROM outbox WHERE id = ANY ($1::uuid[]) AND sent_at IS NOT NULL AND attempts = 1`,
      [ids],
    );
    expect(sent).toBe(10);
    expect(await duplicates(ids)).toBe(0);
    await stop(worker, 'SIGTERM');
  }, 60_000);

  it(`SIGKILL mid fan-out to ${MEMBERS} members: another worker takes over, one notification each`, async () => {
    const first = startWorker();
    const eventId = await h.db.transaction((tx) =>
      events.emit(tx, 'meetup.cancelled', { meetupId: randomUUID(), recipientIds: members }),
    );

    let atKill: number;
    try {
      // Batches of 25 with a pause between them: the fan-out takes over a second, so it is caught midway.
      atKill = await eventually(
        async () => {
          const n = await count([eventId]);
          return n > 0 ? n : false;
        },
        30_000,
        10,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}\nworker output:\n${first.output.join('')}`, { cause: e });
    }
    await stop(first, 'SIGKILL');
    const afterKill = await count([eventId]);
    expect(atKill).toBeLessThan(MEMBERS);
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(MEMBERS);
    await new Promise((r) => setTimeout(r, 500));
    expect(await count([eventId])).toBe(afterKill);

    const second = startWorker();
    try {
      // The job's lock lapses (2 s) and the stalled check (every 1 s) hands it to the new worker, which re-runs it.
      await eventually(async () => (await count([eventId])) === MEMBERS, 30_000, 100);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nworker output:\n${second.output.join('')}`, { cause: e });
    }
    expect(await duplicates([eventId])).toBe(0);
    const [{ recipients }] = await h.db.query(
      `SELECT count(DISTINCT recipient_id)::int AS recipients FROM notifications WHERE event_id = $1`,
      [eventId],
    );
    expect(recipients).toBe(MEMBERS);
    await stop(second, 'SIGTERM');
  }, 60_000);
});
