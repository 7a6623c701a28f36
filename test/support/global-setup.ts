import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';

/**
 * Creates a database of the run's own (guildhall_test_<random>), migrates it with the real migrations
 * and hands every test worker its URL and a BullMQ prefix of its own through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const suffix = randomSuffix();
  const dbName = `guildhall_test_${suffix}`;
  const server = serverUrl();
  const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();

  try {
    await migrate(server, dbName);
  } catch (e) {
    // Leave nothing behind when the schema cannot be built.
    const cleanup = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await cleanup.end();
    throw e;
  }
  // A pristine copy of the migrated schema: specs that need a database of their own clone it (a file copy)
  // instead of running every migration again (the gazetteer load alone takes seconds).
  const templateDb = `${dbName}_template`;
  const tpl = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await tpl.connect();
  await tpl.query(`CREATE DATABASE "${templateDb}" TEMPLATE "${dbName}"`);
  await tpl.end();
  process.env.GUILDHALL_TEST_TEMPLATE_DB = templateDb;
  const databaseUrl = withDatabase(server, dbName);
  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = `gh_test_${suffix}`;
  process.env.NODE_ENV = 'test';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  (globalThis as Record<string, unknown>).__GUILDHALL_TEST__ = {
    dbName,
    server: server.toString(),
    prefix: process.env.QUEUE_PREFIX,
  };
}

async function migrate(server: URL, dbName: string): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'guildhall-migrations-'));
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'migrations/tsconfig.json', '--outDir', outDir],
    {
      stdio: 'inherit',
    },
  );
  const ds = new DataSource({
    type: 'postgres',
    url: withDatabase(server, dbName),
    migrations: [join(outDir, '*.js')],
    migrationsTableName: 'schema_migrations',
    logging: ['error'],
  });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

// Inlined: Jest loads global setup outside its module mapper, so it cannot import siblings by .js name.

/** Server-level URL the e2e run creates its own database on; never a database that already exists. */
export function serverUrl(): URL {
  const u = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  return u;
}

export function withDatabase(url: URL, db: string): string {
  const u = new URL(url.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

export const randomSuffix = (): string => randomBytes(5).toString('hex');
