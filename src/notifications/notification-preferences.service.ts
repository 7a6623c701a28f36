import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { NotificationType } from '../queues/event-types.js';
import type { NotificationPreferencesView, UpdateNotificationPreferencesDto } from './dto/notifications.dto.js';
import { generateWebhookSecret } from './webhooks/signature.js';
import { assertPublicUrl, WebhookUrlError } from './webhooks/ssrf.js';

interface PreferencesRow {
  email: boolean;
  webhook_url: string | null;
  webhook_secret: string | null;
  muted_types: NotificationType[];
}

export const DEFAULT_PREFERENCES: NotificationPreferencesView = { email: true, webhookUrl: null, mutedTypes: [] };

@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(userId: string): Promise<NotificationPreferencesView> {
    const row = await sqlOne<PreferencesRow>(
      this.uow.db,
      `SELECT email, webhook_url, muted_types FROM notification_preferences WHERE profile_id = $1`,
      [userId],
    );
    return row
      ? { email: row.email, webhookUrl: row.webhook_url, mutedTypes: row.muted_types }
      : { ...DEFAULT_PREFERENCES };
  }

  /**
   * A field left out keeps its value. A new or changed webhook URL gets a fresh signing secret, which this
   * answer carries once; the row lock makes two concurrent saves hand out only the secret that stays stored.
   */
  async update(userId: string, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesView> {
    if (typeof dto.webhookUrl === 'string') await this.vetWebhookUrl(dto.webhookUrl);
    return this.uow.run(async (tx) => {
      await sql(
        tx,
        `INSERT INTO notification_preferences (profile_id) VALUES ($1) ON CONFLICT (profile_id) DO NOTHING`,
        [userId],
      );
      const cur = (await sqlOne<PreferencesRow>(
        tx,
        `SELECT email, webhook_url, webhook_secret, muted_types FROM notification_preferences
         WHERE profile_id = $1 FOR UPDATE`,
        [userId],
      )) as PreferencesRow;
      const email = dto.email ?? cur.email;
      const webhookUrl = dto.webhookUrl === undefined ? cur.webhook_url : dto.webhookUrl;
      const newUrl = webhookUrl !== null && webhookUrl !== cur.webhook_url;
      const secret = webhookUrl === null ? null : newUrl ? generateWebhookSecret() : cur.webhook_secret;
      const mutedTypes = dto.mutedTypes ? [...new Set(dto.mutedTypes)] : cur.muted_types;
      await sql(
        tx,
        `UPDATE notification_preferences SET email = $2, webhook_url = $3, webhook_secret = $4, muted_types =
           $5::text[], updated_at = now()
          WHERE profile_id = $1`,
        [userId, email, webhookUrl, secret, mutedTypes],
      );
      const view: NotificationPreferencesView = { email, webhookUrl, mutedTypes };
      if (newUrl && secret) view.webhookSecret = secret;
      return view;
    });
  }

  private async vetWebhookUrl(url: string): Promise<void> {
    try {
      await assertPublicUrl(url, { allowPrivate: this.config.webhookAllowPrivate });
    } catch (e) {
      if (e instanceof WebhookUrlError) throw ValidationFailed.field('webhookUrl', e.message, 'WEBHOOK_URL_REJECTED');
      throw e;
    }
  }
}
