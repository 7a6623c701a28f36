import { sql, sqlOne } from '../../database/sql.js';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { REDIS } from '../../redis/redis.module.js';

const RESYNC_RETRY_MS = 1000;

/**
 * Access tokens are stateless, so revoking a refresh-token family (reuse detected, logout) also marks
 * the family in Redis for one access-token lifetime; the auth guard refuses tokens of a marked family.
 *
 * PostgreSQL holds the truth (`refresh_tokens.revoked_at`); Redis is a fast copy of its recent part.
 * Whenever that copy may be incomplete (before the first sync, after the connection dropped, after a
 * mark failed to write) the check asks PostgreSQL instead, and the copy is rebuilt from PostgreSQL as soon
 * as Redis answers again. So a revocation is never forgotten, during an outage or after it, and the check
 * fails closed: when neither store answers, the token is refused.
 */
@Injectable()
export class RevokedFamilies implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RevokedFamilies');
  private redisComplete = false;
  private sync = 0;
  private retry?: NodeJS.Timeout;
  private readonly onReady = () => void this.resync();
  private readonly onClose = () => {
    this.redisComplete = false;
  };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.redis.on('ready', this.onReady).on('close', this.onClose);
    if (this.redis.status === 'ready') void this.resync();
  }

  onModuleDestroy(): void {
    this.redis.off('ready', this.onReady).off('close', this.onClose);
    clearTimeout(this.retry);
    this.sync = -1;
  }

  private key(familyId: string): string {
    return `${this.config.queuePrefix}:revoked-family:${familyId}`;
  }

  /** Called inside the transaction that sets revoked_at; the mark is only the fast path. */
  async revoke(familyId: string): Promise<void> {
    try {
      await this.redis.set(this.key(familyId), '1', 'EX', this.config.accessTokenTtlSeconds);
    } catch (e) {
      this.logger.warn(`could not mark family revoked in Redis, checking PostgreSQL until resynced: ${String(e)}`);
      this.redisComplete = false;
      void this.resync();
    }
  }

  async isRevoked(familyId: string): Promise<boolean> {
    if (this.redisComplete) {
      try {
        return (await this.redis.exists(this.key(familyId))) === 1;
      } catch {
        this.redisComplete = false;
      }
    }
    // A family with no unrevoked token is over: revoked, or gone with its deleted account (whose rows the
    // deletion removed, so "has a revoked row" would wrongly let its access tokens through).
    const row = await sqlOne<{ revoked: boolean }>(
      this.uow.db,
      `SELECT NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL) AS revoked`,
      [familyId],
    );
    return row?.revoked ?? true;
  }

  /** Copies every revocation young enough to matter (one access-token lifetime) from PostgreSQL to Redis. */
  private async resync(): Promise<void> {
    // Not connected: the 'ready' event starts the next sync.
    if (this.sync < 0 || this.redis.status !== 'ready') return;
    const sync = ++this.sync;
    clearTimeout(this.retry);
    try {
      const ttl = this.config.accessTokenTtlSeconds;
      const rows = await sql<{ family_id: string }>(
        this.uow.db,
        `SELECT DISTINCT family_id FROM refresh_tokens WHERE revoked_at > now() - make_interval(secs => $1)`,
        [ttl],
      );
      const batch = this.redis.pipeline();
      for (const r of rows) batch.set(this.key(r.family_id), '1', 'EX', ttl);
      const results = (await batch.exec()) ?? [];
      const failed = results.find(([err]) => err)?.[0];
      if (failed) throw failed;
      if (sync === this.sync) this.redisComplete = true;
    } catch (e) {
      if (sync !== this.sync) return;
      this.logger.warn(`revocation resync failed, retrying: ${String(e)}`);
      this.retry = setTimeout(() => void this.resync(), RESYNC_RETRY_MS).unref();
    }
  }
}
