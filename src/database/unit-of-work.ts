import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs a function in one transaction. Services write their rows and their outbox events through the
 * same `tx`, so state and the events it causes commit together or not at all.
 */
@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

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

  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }
}
