import { Redis } from 'ioredis';

/**
 * Removes every key under `prefix:` (SCAN + UNLINK, never KEYS): how a test run or a benchmark cleans up the
 * queue prefix of its own without touching anyone else's keys on a shared Redis.
 */
export async function deletePrefixedKeys(redisUrl: string, prefix: string): Promise<void> {
  await deleteKeysMatching(redisUrl, `${prefix}:*`);
}

/** Removes every key matching the SCAN `pattern`, e.g. `run_*` for all the prefixes one test run made. */
export async function deleteKeysMatching(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
