import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataSource, type MigrationInterface } from 'typeorm';
import { createDatabase, dropDatabase, serverUrl, withDatabase } from '../../../src/database/scratch-database.js';
import { deletePrefixedKeys } from '../../../src/redis/delete-prefixed-keys.js';

type MigrationClass = new () => MigrationInterface;

export interface WebDatabase {
  /** Env for the spawned API and worker: a migrated database and a queue prefix of this spec file's own. */
  env: { DATABASE_URL: string; QUEUE_PREFIX: string };
  drop(): Promise<void>;
}

/**
 * The browser project has no per-file template copy (that machinery is the e2e project's), so each browser spec
 * file migrates a database of its own; there are few of them, and the built processes it serves need a real schema.
 */
export async function createWebDatabase(): Promise<WebDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const server = serverUrl();
  const name = `guildhall_test_web_${suffix}`;
  const url = await createDatabase(server, name);
  try {
    await migrate(url);
  } catch (e) {
    await dropDatabase(server, name);
    throw e;
  }
  const queuePrefix = `gh_test_web_${suffix}`;
  return {
    env: { DATABASE_URL: withDatabase(server, name), QUEUE_PREFIX: queuePrefix },
    async drop() {
      await dropDatabase(server, name);
      await deletePrefixedKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
    },
  };
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
  const dir = join(import.meta.dirname, '..', '..', '..', 'migrations');
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
