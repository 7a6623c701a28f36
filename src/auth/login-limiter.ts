import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RateLimited } from '../common/errors/domain-error.js';
import { REDIS } from '../redis/redis.module.js';

const WINDOW_SECONDS = 3600;

/**
 * Counts failed logins per account (keyed by a hash of the e-mail, so unknown addresses count too and
 * the key holds no address) in Redis, so the limit holds across API replicas.
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger('LoginLimiter');
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(email: string): string {
    return `${this.config.queuePrefix}:login-fail:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
  }

  async assertAllowed(email: string): Promise<void> {
    let count: number;
    let ttl: number;
    try {
      const res = await this.redis.multi().get(this.key(email)).ttl(this.key(email)).exec();
      count = Number(res?.[0]?.[1] ?? 0);
      ttl = Number(res?.[1]?.[1] ?? WINDOW_SECONDS);
    } catch (e) {
      this.logger.warn(`login limiter unavailable: ${(e as Error).message}`);
      return;
    }
    if (count >= this.config.loginMaxFailuresPerHour) {
      throw new RateLimited(
        ttl > 0 ? ttl : WINDOW_SECONDS,
        'TOO_MANY_LOGIN_FAILURES',
        'Too many failed logins for this account; try again later.',
      );
    }
  }

  async recordFailure(email: string): Promise<void> {
    try {
      await this.redis.multi().incr(this.key(email)).expire(this.key(email), WINDOW_SECONDS, 'NX').exec();
    } catch (e) {
      this.logger.warn(`login limiter unavailable: ${(e as Error).message}`);
    }
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email)).catch(() => undefined);
  }
}
