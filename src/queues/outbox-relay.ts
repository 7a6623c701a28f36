import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { sql } from '../database/sql.js';
import type { DomainEvent, EventType } from './event-types.js';

export interface RelayOptions {
  batchSize: number;
  enqueueTimeoutMs: number;
}

interface OutboxRow {
  id: string;
  type: EventType;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * Moves committed outbox rows into the events queue. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * any number of relays (one per worker replica) share the work without taking a row twice; a row is
 * marked sent in the same transaction, only after Redis accepted the jobs. jobId = outbox id makes a
 * re-send after a crash between Redis and commit a no-op in BullMQ.
 */
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: Queue,
    private readonly options: RelayOptions = { batchSize: 500, enqueueTimeoutMs: 5000 },
  ) {}

  /** Relays one batch; returns the ids it enqueued (empty when there was nothing to do). */
  async relayBatch(): Promise<string[]> {
    return this.dataSource.transaction(async (tx) => {
      const rows = await sql<OutboxRow>(
        tx,
        `SELECT id, type, payload, created_at FROM outbox
          WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (!rows.length) return [];
      const jobs = rows.map((r) => {
        const data: DomainEvent = {
          eventId: r.id,
          type: r.type,
          payload: r.payload,
          createdAt: new Date(r.created_at).toISOString(),
        };
        return { name: r.type, data, opts: { jobId: r.id } };
      });
      await withTimeout(this.queue.addBulk(jobs), this.options.enqueueTimeoutMs, 'enqueue to Redis');
      const ids = rows.map((r) => r.id);
      await sql(tx, `UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [ids]);
      return ids;
    });
  }

  /** Drains everything currently pending (used by the loop and by tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await this.relayBatch();
      total += ids.length;
      if (ids.length < this.options.batchSize) return total;
    }
  }
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
