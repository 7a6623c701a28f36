import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Databases that tests and benchmarks create for themselves next to others on a shared server, and remove
 * again. Their names are always their own (guildhall_test_*, guildhall_bench_*); `DROP ... WITH (FORCE)` ends
 * whatever connection a failed run left behind.
 */

/** `url` with its database part replaced by `db` (credentials, host and query kept). */
export function withDatabase(url: URL | string, db: string): string {
  const u = new URL(url.toString());
  u.pathname = `/${db}`;
  return u.toString();
}

/** The server tests and benchmarks create their databases on: DATABASE_URL's, or the local default. */
export function serverUrl(env: Record<string, string | undefined> = process.env): URL {
  return new URL(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

/** Runs `sql` on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
async function onServer<T>(server: URL | string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string): string => {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`not a scratch database name: ${name}`);
  return `"${name}"`;
};

/** Creates `name`, empty or as a copy of `template` (a file-level copy: milliseconds for a migrated schema). */
export async function createDatabase(server: URL | string, name: string, template?: string): Promise<string> {
  await onServer(server, (c) =>
    c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`),
  );
  return withDatabase(server, name);
}

export async function dropDatabase(server: URL | string, name: string): Promise<void> {
  await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** Drops every database whose name starts with `prefix` (what a killed run left behind). */
export async function dropDatabasesStartingWith(server: URL | string, prefix: string): Promise<void> {
  const names = await onServer(server, async (c) => {
    const res = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
      prefix,
    ]);
    return res.rows.map((r) => r.datname);
  });
  for (const name of names) await dropDatabase(server, name);
}

export async function databaseExists(server: URL | string, name: string): Promise<boolean> {
  return onServer(
    server,
    async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1,
  );
}

/** Applies every migration (compiled .js files matched by `migrationsGlob`) to the database at `url`. */
export async function migrateDatabase(url: string, migrationsGlob: string[]): Promise<void> {
  const ds = new DataSource(dataSourceOptions({ databaseUrl: url, databasePoolSize: 1 }, { migrationsGlob }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
