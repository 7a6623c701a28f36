import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { deletePrefixedKeys } from '../../src/redis/delete-prefixed-keys.js';

type MigrationClass = new () => MigrationInterface;

export interface PrivateDatabase {
  /** DATABASE_URL of a freshly migrated database that only this spec uses. */
  url: string;
  /** A QUEUE_PREFIX only this spec uses. */
  queuePrefix: string;
  /** Env for startHarness or a child process that points at both. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A database and a BullMQ prefix of a spec's own, for specs whose worker must be the only consumer of
 * the events they emit: the outbox table is shared by every relay connected to a database, so another
 * spec's in-process worker (with other settings) would otherwise relay and handle them.
 */
export async function createPrivateDatabase(tag: string): Promise<PrivateDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `${base.pathname.slice(1) || 'guildhall_test'}_${tag}_${suffix}`.slice(0, 63);
  const at = (db: string) => {
    const u = new URL(base.toString());
    u.pathname = `/${db}`;
    return u.toString();
  };
  const url = at(name);
  const template = process.env.GUILDHALL_TEST_TEMPLATE_DB;
  if (template) {
    // The run's migrated template (global-setup.ts): a copy is much faster than migrating again.
    await createDatabase(at('postgres'), name, template);
  } else {
    await createDatabase(at('postgres'), name);
    try {
      await migrate(url);
    } catch (e) {
      await dropDatabase(at('postgres'), name);
      throw e;
    }
  }

  const queuePrefix = `${process.env.QUEUE_PREFIX ?? 'gh_test'}_${tag}_${suffix}`;
  return {
    url,
    queuePrefix,
    env: { DATABASE_URL: url, QUEUE_PREFIX: queuePrefix },
    async drop() {
      await dropDatabase(at('postgres'), name);
      await deletePrefixedKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
    },
  };
}

async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
}

async function migrate(url: string): Promise<void> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: await migrationClasses(),
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

/** Every migration class in migrations/, loaded through Jest's TypeScript transform. */
async function migrationClasses(): Promise<MigrationClass[]> {
  const dir = join(import.meta.dirname, '..', '..', 'migrations');
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.+\.ts$/.test(f))
    .sort();
  const classes: MigrationClass[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) if (typeof v === 'function') classes.push(v as MigrationClass);
  }
  return classes;
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
