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

  async run<T>(fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await this.dataSource.transaction(fn);
      } catch (e) {
        const code =
          (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
        if (i >= attempts || !code || !RETRYABLE.has(code)) throw e;
        await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
      }
    }
  }
}
