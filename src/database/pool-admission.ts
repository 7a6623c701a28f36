import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { Unavailable } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The same answer as a request that waited DATABASE_CONNECT_TIMEOUT_MS in vain (see ProblemFilter). */
export const busy = (): Unavailable => new Unavailable(1, 'BUSY', 'The service is busy; retry shortly.');

/**
 * Bounds the queue of requests waiting for a pool connection: past `maxWaiting` waiters a request is shed at
 * once with 503 BUSY instead of joining a queue it could only leave by timing out. Under a burst (a popular
 * meetup opening) the queue stays short enough to be served within the connect timeout, and the shed
 * requests cost no connection and no wait; clients retry after Retry-After.
 */
export function boundPoolQueue(pool: Pool, maxWaiting: number): void {
  const connect = pool.connect.bind(pool) as (cb?: (...args: unknown[]) => void) => unknown;
  (pool as { connect: unknown }).connect = (cb?: (...args: unknown[]) => void): unknown => {
    if (pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10) && pool.waitingCount >= maxWaiting) {
      if (!cb) return Promise.reject(busy());
      cb(busy());
      return undefined;
    }
    return connect(cb);
  };
}

@Injectable()
export class PoolAdmission implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    boundPoolQueue((this.dataSource.driver as PostgresDriver).master as Pool, this.config.databaseMaxWaiting);
  }
}
