import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessTokenClaims, Role } from '../common/auth/auth-user.js';
import { RevokedFamilies } from '../common/auth/revoked-families.js';
import { Unauthorized } from '../common/errors/domain-error.js';
import { sql, sqlOne } from '../database/sql.js';
import type { Tx } from '../database/unit-of-work.js';
import type { TokenPair } from './dto/auth.responses.js';

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Short-lived JWT access tokens plus opaque rotating refresh tokens `<id>.<secret>`. Each refresh
 * spends its token and issues the next one in the same family; presenting a spent token means it
 * leaked, so the whole family is revoked.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly revoked: RevokedFamilies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(tx: Tx, userId: string, roles: Role[], familyId: string = randomUUID()): Promise<TokenPair> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await sql(
      tx,
      `INSERT INTO refresh_tokens (id, family_id, user_id, secret_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, familyId, userId, sha256(secret), this.config.refreshTokenTtlSeconds],
    );
    const claims: AccessTokenClaims = { sub: userId, roles, fid: familyId };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /**
   * Spends a refresh token atomically. A token that was already spent is reported as `reused` (the
   * caller revokes its family in a transaction of its own, which must commit although the call fails).
   */
  async spend(tx: Tx, refreshToken: string): Promise<{ userId: string; familyId: string; reused: boolean }> {
    const parsed = parse(refreshToken);
    if (!parsed) throw invalid();
    const row = await sqlOne<{
      user_id: string;
      family_id: string;
      secret_hash: Buffer;
      spent_at: Date | null;
      revoked_at: Date | null;
      expired: boolean;
    }>(
      tx,
      `SELECT user_id, family_id, secret_hash, spent_at, revoked_at, expires_at <= now() AS expired
           FROM refresh_tokens WHERE id = $1 FOR UPDATE`,
      [parsed.id],
    );
    if (!row || !timingSafeEqual(row.secret_hash, sha256(parsed.secret))) throw invalid();
    if (row.spent_at) return { userId: row.user_id, familyId: row.family_id, reused: true };
    if (row.revoked_at || row.expired) throw invalid();
    await sql(tx, `UPDATE refresh_tokens SET spent_at = now() WHERE id = $1`, [parsed.id]);
    return { userId: row.user_id, familyId: row.family_id, reused: false };
  }

  /** Logout: revokes the token's family if the token is genuine; silent otherwise. */
  async revokeByToken(tx: Tx, refreshToken: string): Promise<void> {
    const parsed = parse(refreshToken);
    if (!parsed) return;
    const row = await sqlOne<{ family_id: string; secret_hash: Buffer }>(
      tx,
      `SELECT family_id, secret_hash FROM refresh_tokens WHERE id = $1`,
      [parsed.id],
    );
    if (row && timingSafeEqual(row.secret_hash, sha256(parsed.secret))) await this.revokeFamily(tx, row.family_id);
  }

  async revokeFamily(tx: Tx, familyId: string): Promise<void> {
    await sql(tx, `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
    ]);
    await this.revoked.revoke(familyId);
  }
}

function parse(token: string): { id: string; secret: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1], secret: m[2] } : null;
}

const invalid = () => new Unauthorized('INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or revoked.');
