import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

/** Shared by every benchmark: a database of the bench's own, migrated with the compiled migrations. */
export function withDatabase(url: URL | string, db: string): string {
  const u = new URL(url.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

export function serverUrl(): URL {
  return new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

/** A DataSource on a bench database, described like the app's own (dataSourceOptions). */
export function benchDataSource(url: string, poolSize = 4): DataSource {
  // Compiled to .bench-dist/bench/support/, so the migrations sit at .bench-dist/migrations.
  const migrations = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations', '*.js');
  return new DataSource(
    dataSourceOptions({ databaseUrl: url, databasePoolSize: poolSize }, { migrationsGlob: [migrations] }),
  );
}

export async function migrate(url: string): Promise<void> {
  const ds = benchDataSource(url, 1);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
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
  const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [db])).rowCount === 1;
  const created = !(opts.reuse && exists);
  if (created) {
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${db}"`);
  }
  await admin.end();
  const url = withDatabase(server, db);
  if (created) {
    console.log(`created database ${db}, migrating`);
    await migrate(url);
    if (opts.load) await opts.load(url);
  } else {
    console.log(`reusing database ${db}`);
  }
  return {
    url,
    created,
    async drop() {
      if (process.argv.includes('--keep')) return;
      const c = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await c.end();
    },
  };
}
