import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { redisOptionsFromUrl } from './redis-options.js';

export const REDIS = Symbol('REDIS');

/**
 * The general-purpose client (rate limits, login failures, health). Commands fail fast instead of
 * queueing while Redis is away, so a request never hangs on a dead Redis.
 */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis({
          ...redisOptionsFromUrl(config.redisUrl),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          retryStrategy: (times) => Math.min(times * 200, 2000),
          lazyConnect: false,
          // Every authenticated request makes Redis calls (revocation check, rate limit); concurrent requests'
          // commands issued in the same tick then share one write and one round trip.
          enableAutoPipelining: true,
        }).on('error', () => undefined),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
