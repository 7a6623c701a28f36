import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from './sql.js';

/** A transaction, read and written with sql() / sqlOne() like the pool. */
export type Tx = Queryable;

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs a function in one transaction. Services write their rows and their outbox events through the
 * same `tx`, so state and the events it causes commit together or not at all. Statements outside a
 * transaction go to `db`, the pool.
 */
@Injectable()
export class UnitOfWork {
  readonly db: Queryable;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.db = dataSource;
  }

  run<T>(fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
    return this.retrying(() => this.dataSource.transaction(fn), attempts);
  }

  /**
   * One statement that is its own transaction (e.g. a server-side function that locks, reads and writes):
   * no BEGIN/COMMIT round trips, retried like run() on a serialization failure or deadlock.
   */
  statement<T>(fn: (db: Queryable) => Promise<T>, attempts = 3): Promise<T> {
    return this.retrying(() => fn(this.db), attempts);
  }

  private async retrying<T>(once: () => Promise<T>, attempts: number): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await once();
      } catch (e) {
        const code =
          (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
        if (i >= attempts || !code || !RETRYABLE.has(code)) throw e;
        await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
      }
    }
  }
}
