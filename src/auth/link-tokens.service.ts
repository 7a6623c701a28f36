import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { sqlOne } from '../database/sql.js';
import type { Tx } from '../database/unit-of-work.js';

export type LinkPurpose = 'email_verification' | 'password_reset';

export const LINK_TTL_SECONDS: Record<LinkPurpose, number> = {
  email_verification: 48 * 3600,
  password_reset: 3600,
};

// 256 random bits, base64url: 43 characters.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashLinkToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export interface ConsumedLink {
  userId: string;
  email: string;
}

export const invalidToken = (): ValidationFailed =>
  ValidationFailed.field('token', 'The link is invalid, used or expired; ask for a new one.', 'INVALID_TOKEN');

/**
 * Single-use, expiring tokens for mailed links. Only the SHA-256 of a token is stored, so the table leaks no
 * usable link; the token itself exists in the mail alone.
 */
@Injectable()
export class LinkTokensService {
  /** A new token for `email` (the address it is mailed to); the raw value is returned once, never stored. */
  async mint(tx: Tx, userId: string, purpose: LinkPurpose, email: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await sqlOne(
      tx,
      `INSERT INTO account_link_tokens (user_id, purpose, email, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [userId, purpose, email, hashLinkToken(token), LINK_TTL_SECONDS[purpose]],
    );
    return token;
  }

  /**
   * Spends a token (the conditional UPDATE makes two racing uses spend it once) and returns whose it was; 400
   * INVALID_TOKEN when unknown, used, expired or minted for another purpose.
   */
  async consume(tx: Tx, token: string, purpose: LinkPurpose): Promise<ConsumedLink> {
    if (!TOKEN_SHAPE.test(token)) throw invalidToken();
    const row = await sqlOne<{ user_id: string; email: string }>(
      tx,
      `UPDATE account_link_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, email`,
      [hashLinkToken(token), purpose],
    );
    if (!row) throw invalidToken();
    return { userId: row.user_id, email: row.email };
  }

  /** Every other open link of the purpose stops working (a reset link after the password was reset). */
  async spendAll(tx: Tx, userId: string, purpose: LinkPurpose): Promise<void> {
    await sqlOne(
      tx,
      `UPDATE account_link_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
  }
}
