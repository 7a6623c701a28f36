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
import { openSuccessor, sealSuccessor } from './successor-seal.js';

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

// A grace answer follows at most this many rotations that happened within the grace (bounds the work).
const MAX_GRACE_HOPS = 4;

interface TokenRow {
  user_id: string;
  family_id: string;
  secret_hash: Buffer;
  spent_at: Date | null;
  revoked_at: Date | null;
  expired: boolean;
  in_grace: boolean;
  successor_sealed: Buffer | null;
}

export type Rotation = { kind: 'rotated'; pair: TokenPair } | { kind: 'reused'; familyId: string };

/** Reads the account's current roles; null when the account is gone. */
export type RolesOf = (tx: Tx, userId: string) => Promise<Role[] | null>;

/**
 * Short-lived JWT access tokens plus opaque rotating refresh tokens `<id>.<secret>`. Each refresh spends its
 * token and issues the next one in the same family. A spent token presented again within
 * REFRESH_REUSE_GRACE_SECONDS (two tabs, a retried request) is answered with the same successor, opened from
 * the box sealed under the spent token's secret, so the family never forks; later, it means the token leaked,
 * and the whole family is revoked.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly revoked: RevokedFamilies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(tx: Tx, userId: string, roles: Role[], familyId: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = await this.mintRefreshToken(tx, userId, familyId);
    return this.pair(userId, roles, familyId, refreshToken);
  }

  /**
   * Spends a refresh token atomically (the row lock serialises concurrent presentations of one token). A
   * `reused` outcome asks the caller to revoke the family in a transaction of its own, which must commit
   * although the call fails.
   */
  async rotate(tx: Tx, refreshToken: string, rolesOf: RolesOf): Promise<Rotation> {
    const parsed = parse(refreshToken);
    if (!parsed) throw invalid();
    const row = await this.lockGenuine(tx, parsed);
    if (!row || row.revoked_at) throw invalid();
    if (row.spent_at) {
      if (!row.in_grace) return { kind: 'reused', familyId: row.family_id };
      return { kind: 'rotated', pair: await this.graceAnswer(tx, parsed, row, rolesOf) };
    }
    if (row.expired) throw invalid();
    const roles = await rolesOf(tx, row.user_id);
    if (!roles) throw invalid();
    const next = await this.mintRefreshToken(tx, row.user_id, row.family_id);
    await sql(tx, `UPDATE refresh_tokens SET spent_at = now(), successor_sealed = $2 WHERE id = $1`, [
      parsed.id,
      sealSuccessor(parsed.secret, parsed.id, next),
    ]);
    // Boxes older than the grace can never be opened again; dropping them keeps at most a few per family.
    await sql(
      tx,
      `UPDATE refresh_tokens SET successor_sealed = NULL
        WHERE family_id = $1 AND successor_sealed IS NOT NULL AND spent_at < now() - make_interval(secs => $2)`,
      [row.family_id, this.config.refreshReuseGraceSeconds],
    );
    return { kind: 'rotated', pair: await this.pair(row.user_id, roles, row.family_id, next) };
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

  /**
   * Ends every session of the account except `keepFamily` (the caller's own, on a password change): their
   * refresh tokens are revoked and their access tokens refused at once through the revocation mark.
   */
  async revokeAllFor(tx: Tx, userId: string, keepFamily?: string): Promise<void> {
    const families = await sql<{ family_id: string }>(
      tx,
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2::uuid
        RETURNING family_id`,
      [userId, keepFamily ?? null],
    );
    for (const f of new Set(families.map((r) => r.family_id))) await this.revoked.revoke(f);
  }

  /** Follows the sealed successors to the family's live token and answers with it and a fresh access token. */
  private async graceAnswer(
    tx: Tx,
    spent: { id: string; secret: string },
    spentRow: TokenRow,
    rolesOf: RolesOf,
  ): Promise<TokenPair> {
    let current = spent;
    let row = spentRow;
    for (let hop = 0; hop < MAX_GRACE_HOPS; hop++) {
      const successor = row.successor_sealed && openSuccessor(current.secret, current.id, row.successor_sealed);
      const parsed = successor ? parse(successor) : null;
      if (!successor || !parsed) throw invalid();
      const next = await this.lockGenuine(tx, parsed);
      if (!next || next.revoked_at || next.expired) throw invalid();
      if (!next.spent_at) {
        const roles = await rolesOf(tx, next.user_id);
        if (!roles) throw invalid();
        return this.pair(next.user_id, roles, next.family_id, successor);
      }
      current = parsed;
      row = next;
    }
    throw invalid();
  }

  private async lockGenuine(tx: Tx, token: { id: string; secret: string }): Promise<TokenRow | undefined> {
    const rows = await sql<TokenRow>(
      tx,
      `SELECT user_id, family_id, secret_hash, spent_at, revoked_at, successor_sealed,
              expires_at <= now() AS expired,
              spent_at > now() - make_interval(secs => $2) AS in_grace
         FROM refresh_tokens WHERE id = $1 FOR UPDATE`,
      [token.id, this.config.refreshReuseGraceSeconds],
    );
    const row = rows[0];
    return row && timingSafeEqual(row.secret_hash, sha256(token.secret)) ? row : undefined;
  }

  private async mintRefreshToken(tx: Tx, userId: string, familyId: string): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await sql(
      tx,
      `INSERT INTO refresh_tokens (id, family_id, user_id, secret_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, familyId, userId, sha256(secret), this.config.refreshTokenTtlSeconds],
    );
    return `${id}.${secret}`;
  }

  private async pair(userId: string, roles: Role[], familyId: string, refreshToken: string): Promise<TokenPair> {
    const claims: AccessTokenClaims = { sub: userId, roles, fid: familyId };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}

function parse(token: string): { id: string; secret: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1], secret: m[2] } : null;
}

const invalid = () => new Unauthorized('INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or revoked.');
