import { Redis } from 'ioredis';
import pg from 'pg';

/** Drops the run's database and every BullMQ key under its prefix; touches nothing else. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__GUILDHALL_TEST__ as
    { dbName: string; server: string; prefix: string } | undefined;
  if (!state) return;
  const admin = new pg.Client({ connectionString: withDatabase(new URL(state.server), 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${state.dbName}" WITH (FORCE)`);
  await admin.query(`DROP DATABASE IF EXISTS "${state.dbName}_template" WITH (FORCE)`);
  await admin.end();

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

function withDatabase(url: URL, db: string): string {
  const u = new URL(url.toString());
  u.pathname = `/${db}`;
  return u.toString();
}
