import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RateLimited, Unavailable } from '../common/errors/domain-error.js';
import { REDIS } from '../redis/redis.module.js';

const WINDOW_SECONDS = 3600;
const OUTAGE_RETRY_SECONDS = 30;
/** A client address may ask for this many times the per-address limit (a shared office, a NAT). */
export const CLIENT_ADDRESS_FACTOR = 4;

// Checks both counters and counts the request only when neither is full, in one step, so parallel requests
// cannot all pass the check. Returns {0, 0} when allowed, else {1, seconds until the full window ends}.
const TRY = `
for i = 1, 2 do
  local n = tonumber(redis.call('GET', KEYS[i]) or '0')
  if n >= tonumber(ARGV[i]) then
    local ttl = redis.call('TTL', KEYS[i])
    return {1, ttl}
  end
end
for i = 1, 2 do
  redis.call('INCR', KEYS[i])
  redis.call('EXPIRE', KEYS[i], ARGV[3], 'NX')
end
return {0, 0}`;

type LimiterRedis = Redis & {
  resetTry(email: string, client: string, maxEmail: number, maxClient: number, window: number): Promise<number[]>;
};

/**
 * Password-reset requests per e-mail address (PASSWORD_RESETS_PER_HOUR) and per client address (four times
 * that), counted in Redis across API replicas. Keys hold hashes, never an address. Both paths (an address
 * with or without an account) count alike, so the limit itself tells nothing.
 */
@Injectable()
export class ResetLimiter {
  private readonly logger = new Logger('ResetLimiter');
  private readonly redis: LimiterRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    redis.defineCommand('resetTry', { numberOfKeys: 2, lua: TRY });
    this.redis = redis as LimiterRedis;
  }

  async take(email: string, clientAddress: string): Promise<void> {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
    const prefix = `${this.config.queuePrefix}:password-reset`;
    const perHour = this.config.passwordResetsPerHour;
    let verdict: number[];
    try {
      verdict = await this.redis.resetTry(
        `${prefix}:${hash(email)}`,
        `${prefix}-addr:${hash(clientAddress)}`,
        perHour,
        perHour * CLIENT_ADDRESS_FACTOR,
        WINDOW_SECONDS,
      );
    } catch (e) {
      this.logger.warn(`reset limiter unavailable, refusing reset requests: ${(e as Error).message}`);
      throw new Unavailable(OUTAGE_RETRY_SECONDS, 'PASSWORD_RESET_UNAVAILABLE', 'Try again shortly.');
    }
    const [refused, ttl] = verdict;
    if (refused)
      throw new RateLimited(
        ttl > 0 ? ttl : WINDOW_SECONDS,
        'PASSWORD_RESETS_LIMITED',
        'Too many password-reset requests; try again later.',
      );
  }
}
