import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { isUuid } from '../common/http/uuid.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import {
  renderEmailChangedNotice,
  renderPasswordResetEmail,
  renderVerificationEmail,
} from '../notifications/email/account-email-templates.js';
import { Mailer } from '../notifications/email/mailer.js';
import type { DomainEvent } from '../queues/event-types.js';
import { JobRegistry } from '../queues/job-registry.js';
import { LinkTokensService, type LinkPurpose } from './link-tokens.service.js';

interface Recipient {
  email: string;
  display_name: string;
  email_verified: boolean;
}

const hasUser = (p: unknown): p is { userId: string | null } => {
  const id = (p as { userId?: unknown }).userId;
  return id === null || isUuid(id);
};
const hasChange = (p: unknown): p is { changeId: string } => isUuid((p as { changeId?: unknown }).changeId);

/**
 * Worker side of the account mails. The link token is minted here, in the worker's own transaction, and exists
 * in clear only in the mail, so neither the outbox nor a queue ever holds it. A retried job mints a fresh
 * token; an earlier one that was never mailed simply expires unused.
 */
@Injectable()
export class AccountMailProcessor implements OnModuleInit {
  private readonly logger = new Logger('AccountMail');

  constructor(
    private readonly registry: JobRegistry,
    private readonly uow: UnitOfWork,
    private readonly links: LinkTokensService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.onEvent('account.verification_requested', (e) => this.sendLink(e, 'email_verification'), hasUser);
    this.registry.onEvent('account.password_reset_requested', (e) => this.sendLink(e, 'password_reset'), hasUser);
    this.registry.onEvent('account.email_changed', (e) => this.sendChangeNotice(e), hasChange);
  }

  private async sendLink(event: DomainEvent<{ userId: string | null }>, purpose: LinkPurpose): Promise<string> {
    // A reset asked for an address without an account names no one: nothing to send.
    if (!event.payload.userId || !this.mailer.enabled) return 'skipped';
    const userId = event.payload.userId;
    const minted = await this.uow.run(async (tx) => {
      const r = await sqlOne<Recipient>(
        tx,
        `SELECT u.email, u.email_verified, p.display_name FROM users u JOIN profiles p ON p.id = u.id WHERE u.id = $1`,
        [userId],
      );
      if (!r || (purpose === 'email_verification' && r.email_verified)) return null;
      return { recipient: r, token: await this.links.mint(tx, userId, purpose, r.email) };
    });
    if (!minted) return 'not-needed';
    const { recipient, token } = minted;
    const render = purpose === 'email_verification' ? renderVerificationEmail : renderPasswordResetEmail;
    await this.mailer.sendAccountMail(
      recipient.email,
      render(this.config.publicBaseUrl, recipient.display_name, token),
      event.eventId,
    );
    return 'sent';
  }

  private async sendChangeNotice(event: DomainEvent<{ changeId: string }>): Promise<string> {
    if (!this.mailer.enabled) return 'skipped';
    const change = await sqlOne<{ old_email: string; display_name: string }>(
      this.uow.db,
      `SELECT c.old_email, p.display_name FROM account_email_changes c JOIN profiles p ON p.id = c.user_id
        WHERE c.id = $1`,
      [event.payload.changeId],
    );
    if (!change) {
      this.logger.log(`e-mail change ${event.payload.changeId} is gone (account deleted); no notice sent`);
      return 'gone';
    }
    await this.mailer.sendAccountMail(
      change.old_email,
      renderEmailChangedNotice(this.config.publicBaseUrl, change.display_name),
      event.eventId,
    );
    return 'sent';
  }
}
