import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createWorkerApp } from '../src/app/create-worker-app.js';
import { EventsService } from '../src/queues/events.service.js';
import { OutboxRelayService } from '../src/queues/outbox-relay.service.js';
import { OutboxRelay } from '../src/queues/outbox-relay.js';
import { bullConnection } from '../src/redis/redis-options.js';
import { startHarness, type Harness } from './support/harness.js';

/**
 * The relay is exercised directly, with no worker running (so nothing else relays these rows) and a queue
 * name of its own, so the counts are exact.
 */
describe('transactional outbox', () => {
  let h: Harness;
  let queue: Queue;
  const events = new EventsService();

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    queue = new Queue(`outbox-spec-${Date.now()}`, {
      prefix: h.config.queuePrefix,
      connection: bullConnection(h.config.redisUrl),
    });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await h.close();
  });

  async function emitN(n: number, tag: string): Promise<string[]> {
    return h.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await events.emit(tx, 'suggestions.ready', { tag, i, recipientIds: [] }));
      return ids;
    });
  }

  it('an event written in a rolled-back transaction never exists', async () => {
    await expect(
      h.db.transaction(async (tx) => {
        await events.emit(tx, 'suggestions.ready', { tag: 'rollback' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'tag' = 'rollback'`);
    expect(n).toBe(0);
  });

  it('two relays running at once enqueue each event exactly once', async () => {
    const ids = await emitN(1200, 'race');
    const small = { batchSize: 50, enqueueTimeoutMs: 5000 };
    const a = new OutboxRelay(h.db, queue, small);
    const b = new OutboxRelay(h.db, queue, small);
    const claimedA: string[] = [];
    const claimedB: string[] = [];
    const run = async (relay: OutboxRelay, into: string[]) => {
      for (;;) {
        const batch = await relay.relayBatch();
        if (!batch.length) return;
        into.push(...batch);
      }
    };
    await Promise.all([run(a, claimedA), run(b, claimedB)]);
    const all = [...claimedA, ...claimedB];
    expect(claimedA.length).toBeGreaterThan(0);
    expect(claimedB.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(ids));
    expect(await queue.getJobCountByTypes('waiting', 'delayed')).toBe(ids.length);
    const job = await queue.getJob(ids[0]);
    expect(job?.data).toMatchObject({ eventId: ids[0], type: 'suggestions.ready', payload: { tag: 'race', i: 0 } });
    const [{ n }] = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'tag' = 'race' AND sent_at IS NULL`,
    );
    expect(n).toBe(0);
    // 1,200 events through two relays: seconds on a quiet machine, tens of seconds on a busy one.
  }, 60_000);

  it('with Redis unreachable events stay in the outbox, and go out once it is back', async () => {
    const ids = await emitN(20, 'outage');
    const dead = new Queue(queue.name, {
      prefix: h.config.queuePrefix,
      connection: bullConnection('redis://127.0.0.1:1', {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 300,
        retryStrategy: () => null,
      }),
    });
    dead.on('error', () => undefined);
    const broken = new OutboxRelay(h.db, dead, { batchSize: 100, enqueueTimeoutMs: 1000 });
    await expect(broken.drain()).rejects.toThrow();
    await dead.close().catch(() => undefined);
    const [{ n }] = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'tag' = 'outage' AND sent_at IS NULL`,
    );
    expect(n).toBe(20);
    for (const id of ids) expect(await queue.getJob(id)).toBeUndefined();

    const healthy = new OutboxRelay(h.db, queue);
    expect(await healthy.drain()).toBe(20);
    for (const id of ids) expect((await queue.getJob(id))?.id).toBe(id);
  });

  it('re-enqueueing an already relayed event is a no-op in BullMQ (jobId = outbox id)', async () => {
    const [id] = await emitN(1, 'dedupe');
    await new OutboxRelay(h.db, queue).drain();
    const before = await queue.getJobCountByTypes('waiting');
    await queue.add('suggestions.ready', { eventId: id }, { jobId: id });
    expect(await queue.getJobCountByTypes('waiting')).toBe(before);
  });

  it('a worker shutting down lets the relay batch in flight finish before the database pool closes', async () => {
    const worker = await createWorkerApp(h.config);
    const service = worker.get(OutboxRelayService);
    const ds = worker.get<DataSource>(getDataSourceToken());
    let inFlight!: () => void;
    const started = new Promise<void>((resolve) => (inFlight = resolve));
    let outcome: unknown = 'not run';
    // A batch that is still talking to Postgres when shutdown begins.
    service.relay!.drain = async () => {
      inFlight();
      await new Promise((r) => setTimeout(r, 300));
      try {
        outcome = (await ds.query(`SELECT 1 AS ok`))[0].ok;
      } catch (e) {
        outcome = e;
      }
      return 0;
    };
    await started;
    await worker.close();
    expect(outcome).toBe(1);
  });
});
