import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { ParameterFreeTypeOrmLogger } from './typeorm-logger.js';

/**
 * The single description of how we talk to Postgres, shared by the Nest app, the migrations CLI
 * and the tests. Migrations are compiled separately (migrations/tsconfig.json) into dist/migrations.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'> & Partial<Pick<AppConfig, 'databaseConnectTimeoutMs'>>,
  extra: { migrationsGlob?: string[] } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrations: extra.migrationsGlob ?? [],
    entities: [],
    logging: ['error'],
    logger: new ParameterFreeTypeOrmLogger(),
    extra: {
      max: config.databasePoolSize,
      // Past this a request waiting for a slot fails fast and is answered 503 BUSY (see ProblemFilter).
      connectionTimeoutMillis: config.databaseConnectTimeoutMs ?? 5000,
      // A statement that hangs holds a pool slot forever; 15 s is far above any hot path.
      statement_timeout: 15000,
      idle_in_transaction_session_timeout: 30000,
      application_name: 'guildhall',
    },
  };
}
