import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import type { UserView } from './dto/auth.responses.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { assertAcceptablePassword } from './password-policy.js';
import { TokensService } from './tokens.service.js';

const wrongPassword = (field: string) =>
  ValidationFailed.field(field, `${field} is not the account’s password`, 'WRONG_PASSWORD');

/** Changes to the signed-in account's credentials; each asks for the current password again. */
@Injectable()
export class AccountService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokensService,
    private readonly events: EventsService,
  ) {}

  /**
   * Verifies `password` against the account's hash (400 WRONG_PASSWORD naming `field` when wrong); also used
   * by the account deletion.
   */
  async assertPassword(db: Tx, userId: string, password: string, field: string): Promise<void> {
    const row = await sqlOne<{ password_hash: string }>(db, `SELECT password_hash FROM users WHERE id = $1`, [userId]);
    if (!row) throw new NotFound('Account');
    if (!(await verifyPassword(row.password_hash, password))) throw wrongPassword(field);
  }

  /** Every other session ends; the caller's own family stays signed in. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'newPassword');
    await this.assertPassword(this.uow.db, user.id, currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.uow.run(async (tx) => {
      await sql(tx, `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      // A reset link mailed before the change would undo it.
      await sql(
        tx,
        `UPDATE account_link_tokens SET used_at = now()
          WHERE user_id = $1 AND purpose = 'password_reset' AND used_at IS NULL`,
        [user.id],
      );
      await this.tokens.revokeAllFor(tx, user.id, user.familyId);
    });
  }

  /**
   * The new address starts unverified and gets a verification link; the old one gets a notice
   * (account.email_changed), so a takeover through a stolen session does not go unnoticed.
   */
  async changeEmail(userId: string, email: string, currentPassword: string): Promise<UserView> {
    const address = email.toLowerCase();
    await this.assertPassword(this.uow.db, userId, currentPassword, 'currentPassword');
    return this.uow.run(async (tx) => {
      const old = await sqlOne<{ email: string }>(tx, `SELECT email FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!old) throw new NotFound('Account');
      const taken = await sqlOne(tx, `SELECT 1 FROM users WHERE email = $1 AND id <> $2`, [address, userId]);
      if (taken) throw new Conflict('EMAIL_TAKEN', 'An account with this e-mail already exists.');
      let user:
        | { id: string; email: string; roles: UserView['roles']; display_name: string; email_verified: boolean }
        | undefined;
      try {
        user = await sqlOne(
          tx,
          `UPDATE users u SET email = $2, email_verified = (u.email = $2 AND u.email_verified), updated_at = now()
             FROM profiles p WHERE u.id = $1 AND p.id = u.id
             RETURNING u.id, u.email, u.roles, u.email_verified, p.display_name`,
          [userId, address],
        );
      } catch (e) {
        // Another account took the address between the check and the update.
        const err = e as { constraint?: string; driverError?: { constraint?: string } };
        if ((err.driverError?.constraint ?? err.constraint) === 'users_email_key')
          throw new Conflict('EMAIL_TAKEN', 'An account with this e-mail already exists.');
        throw e;
      }
      if (!user) throw new NotFound('Account');
      if (old.email !== address) {
        const change = await sqlOne<{ id: string }>(
          tx,
          `INSERT INTO account_email_changes (user_id, old_email, new_email) VALUES ($1, $2, $3) RETURNING id`,
          [userId, old.email, address],
        );
        // Links mailed to the old address must not verify the new one.
        await sql(tx, `UPDATE account_link_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
          userId,
        ]);
        await this.events.emit(tx, 'account.email_changed', { recipientIds: [userId], changeId: change!.id });
        await this.events.emit(tx, 'account.verification_requested', { userId });
      }
      return {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        roles: user.roles,
        emailVerified: user.email_verified,
      };
    });
  }
}
