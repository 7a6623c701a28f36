import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { FIXED_WINDOW_HIT } from '../common/auth/rate-limit.guard.js';
import { RateLimited } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

export const MESSAGES_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/**
 * At most MESSAGES_PER_MINUTE messages a minute per author, counted in Redis with the request rate
 * limiter's script so the limit holds across API replicas. Like that limiter it fails open when Redis is away.
 */
@Injectable()
export class MessageRateLimiter {
  private readonly redis: Redis & { messageRateHit(key: string, ttlMs: number): Promise<number> };

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    redis.defineCommand('messageRateHit', { numberOfKeys: 1, lua: FIXED_WINDOW_HIT });
    this.redis = redis as typeof this.redis;
  }

  async hit(authorId: string): Promise<void> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    let hits: number;
    try {
      hits = await this.redis.messageRateHit(
        `${this.config.queuePrefix}:rl:msg:${authorId}:${window}`,
        WINDOW_MS + 1000,
      );
    } catch {
      return;
    }
    if (hits > MESSAGES_PER_MINUTE) {
      throw new RateLimited(
        ((window + 1) * WINDOW_MS - now) / 1000,
        'MESSAGE_RATE_LIMITED',
        `At most ${MESSAGES_PER_MINUTE} messages a minute.`,
      );
    }
  }
}
