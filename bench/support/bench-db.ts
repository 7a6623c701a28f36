import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  migrateDatabase,
  serverUrl,
  withDatabase,
} from '../../src/database/scratch-database.js';

/** Shared by every benchmark: a database of the bench's own, migrated with the compiled migrations. */

// Compiled to .bench-dist/bench/support/, so the migrations sit at .bench-dist/migrations.
const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations', '*.js');

/** How long a bench query may wait for a pool slot or a new connection. */
const BENCH_CONNECT_TIMEOUT_MS = 120_000;

/**
 * A DataSource on a bench database, described like the app's own (dataSourceOptions) but for one thing: a
 * benchmark queues far more transactions than the pool has connections on purpose, and on a busy machine the
 * wait for a slot outlasts the app's 5 s fail-fast limit; that wait is part of what it measures, not an error.
 */
export function benchDataSource(url: string, poolSize = 4): DataSource {
  const options = dataSourceOptions({ databaseUrl: url, databasePoolSize: poolSize }, { migrationsGlob: [MIGRATIONS] });
  const extra = { ...(options.extra as Record<string, unknown>), connectionTimeoutMillis: BENCH_CONNECT_TIMEOUT_MS };
  return new DataSource({ ...options, extra });
}

export interface BenchDatabase {
  url: string;
  created: boolean;
  drop(): Promise<void>;
}

/**
 * Creates (or with `reuse`, keeps) `guildhall_bench_<name>` on DATABASE_URL's server; `load` fills a new one.
 * `drop()` removes it unless --keep was passed.
 */
export async function benchDatabase(
  name: string,
  opts: { reuse?: boolean; load?: (url: string) => Promise<void> } = {},
): Promise<BenchDatabase> {
  const db = `guildhall_bench_${name}`;
  const server = serverUrl();
  const created = !(opts.reuse && (await databaseExists(server, db)));
  let url: string;
  if (created) {
    await dropDatabase(server, db);
    url = await createDatabase(server, db);
    console.log(`created database ${db}, migrating`);
    await migrateDatabase(url, [MIGRATIONS]);
    if (opts.load) await opts.load(url);
  } else {
    url = withDatabase(server, db);
    console.log(`reusing database ${db}`);
  }
  return {
    url,
    created,
    async drop() {
      if (process.argv.includes('--keep')) return;
      await dropDatabase(server, db);
    },
  };
}
