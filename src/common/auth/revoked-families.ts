import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS } from '../../redis/redis.module.js';

/**
 * Access tokens are stateless, so revoking a refresh-token family (reuse detected, logout) also marks
 * the family in Redis for one access-token lifetime; the auth guard refuses tokens of a marked family.
 */
@Injectable()
export class RevokedFamilies {
  private readonly logger = new Logger('RevokedFamilies');
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(familyId: string): string {
    return `${this.config.queuePrefix}:revoked-family:${familyId}`;
  }

  async revoke(familyId: string): Promise<void> {
    try {
      await this.redis.set(this.key(familyId), '1', 'EX', this.config.accessTokenTtlSeconds);
    } catch (e) {
      this.logger.warn(`could not mark family revoked in Redis: ${(e as Error).message}`);
    }
  }

  /** Fails open when Redis is unreachable: the refresh tokens are already revoked in Postgres. */
  async isRevoked(familyId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.key(familyId))) === 1;
    } catch {
      return false;
    }
  }
}
