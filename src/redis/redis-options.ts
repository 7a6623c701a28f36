import type { ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';

/** Parses REDIS_URL into ioredis options so every client (BullMQ, limits, health) shares one reading. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/** The same options typed for BullMQ, whose option types are declared apart from ioredis'. */
export function bullConnection(url: string, extra: Partial<RedisOptions> = {}): ConnectionOptions {
  return { ...redisOptionsFromUrl(url), ...extra } as ConnectionOptions;
}
