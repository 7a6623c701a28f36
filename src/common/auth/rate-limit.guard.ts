import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS } from '../../redis/redis.module.js';
import { RateLimited } from '../errors/domain-error.js';
import { LocalWindowCounter } from './local-window-counter.js';
import { SKIP_RATE_LIMIT, type AuthedRequest } from './decorators.js';

// One round trip: count this hit in the current window (shared with per-action limiters).
export const FIXED_WINDOW_HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * RATE_LIMIT_PER_MINUTE per user, ANONYMOUS_RATE_LIMIT_PER_MINUTE per address when anonymous, counted in
 * Redis so the limit holds across API replicas. We count in Redis ourselves instead of using
 * @nestjs/throttler because that package is CommonJS requiring the ESM-only @nestjs/common 12, which Jest
 * on Node 20 cannot load. While Redis is unreachable each process counts on its own (LocalWindowCounter):
 * members keep using the API, and no client goes unlimited.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly redis: Redis & { rateLimitHit(key: string, ttlMs: number): Promise<number> };
  private readonly local = new LocalWindowCounter();

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A defined command is sent as EVALSHA (the script body only when Redis has not cached it yet).
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: FIXED_WINDOW_HIT });
    this.redis = redis as typeof this.redis;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const tracker = req.user ? `u:${req.user.id}` : `ip:${req.ip}`;
    const now = Date.now();
    const window = Math.floor(now / 60000);
    let hits: number;
    try {
      hits = await this.redis.rateLimitHit(`${this.config.queuePrefix}:rl:${tracker}:${window}`, 61000);
    } catch {
      hits = this.local.hit(tracker, window);
    }
    const reply = ctx.switchToHttp().getResponse<{ header(k: string, v: string): unknown }>();
    const limit = req.user ? this.config.rateLimitPerMinute : this.config.anonymousRateLimitPerMinute;
    reply.header('RateLimit-Limit', String(limit));
    reply.header('RateLimit-Remaining', String(Math.max(0, limit - hits)));
    if (hits > limit) throw new RateLimited(((window + 1) * 60000 - now) / 1000);
    return true;
  }
}
