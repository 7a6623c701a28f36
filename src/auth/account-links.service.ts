import { Injectable } from '@nestjs/common';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import type { UserView } from './dto/auth.responses.js';
import { invalidToken, LinkTokensService } from './link-tokens.service.js';
import { hashPassword } from './passwords.js';
import { assertAcceptablePassword } from './password-policy.js';
import { ResetLimiter } from './reset-limiter.js';
import { TokensService } from './tokens.service.js';

/**
 * E-mail verification and password reset. The API side only writes an outbox event naming the account; the
 * worker mints the link token and mails it (AccountMailProcessor), so no token ever travels through a queue and
 * the answer to a reset request costs the same whether the address has an account or not.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: LinkTokensService,
    private readonly tokens: TokensService,
    private readonly events: EventsService,
    private readonly limiter: ResetLimiter,
  ) {}

  async requestVerification(userId: string): Promise<void> {
    await this.uow.run((tx) => this.events.emit(tx, 'account.verification_requested', { userId }));
  }

  async confirmVerification(token: string): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const link = await this.links.consume(tx, token, 'email_verification');
      // A link mailed to an address the account no longer has verifies nothing.
      const user = await sqlOne<{ id: string; email: string; roles: UserView['roles']; display_name: string }>(
        tx,
        `UPDATE users u SET email_verified = true, updated_at = now()
           FROM profiles p
          WHERE u.id = $1 AND u.email = $2 AND p.id = u.id
          RETURNING u.id, u.email, u.roles, p.display_name`,
        [link.userId, link.email],
      );
      if (!user) throw invalidToken();
      return { id: user.id, email: user.email, displayName: user.display_name, roles: user.roles, emailVerified: true };
    });
  }

  /**
   * The same statements run whatever the address: the limiter, one lookup, one outbox row (naming no account
   * when there is none). Mail is sent by the worker, never inline, so nothing slow happens only on one path.
   */
  async requestReset(email: string, clientAddress: string): Promise<void> {
    const address = email.toLowerCase();
    await this.limiter.take(address, clientAddress);
    await this.uow.run(async (tx) => {
      const [user] = await sql<{ id: string }>(tx, `SELECT id FROM users WHERE email = $1`, [address]);
      await this.events.emit(tx, 'account.password_reset_requested', { userId: user?.id ?? null });
    });
  }

  /** Sets the new password and ends every session of the account (their access tokens too). */
  async confirmReset(token: string, password: string): Promise<void> {
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    await this.uow.run(async (tx) => {
      const link = await this.links.consume(tx, token, 'password_reset');
      await sql(tx, `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        link.userId,
        passwordHash,
      ]);
      await this.links.spendAll(tx, link.userId, 'password_reset');
      await this.tokens.revokeAllFor(tx, link.userId);
    });
  }
}
