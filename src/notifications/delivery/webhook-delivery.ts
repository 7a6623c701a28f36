import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { sqlOne } from '../../database/sql.js';
import { sendWebhook, WebhookDeliveryError } from '../webhooks/webhook-sender.js';
import { DeliveryLedger } from './delivery-ledger.js';
import type { DeliveryJob } from './delivery-job.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

interface WebhookTarget {
  id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
  webhook_url: string | null;
  webhook_secret: string | null;
  muted: boolean;
}

/**
 * POSTs one notification to the recipient's webhook, signed with their secret (Standard Webhooks). The
 * webhook-id is the notification id on every attempt, so a receiver can drop a repeat.
 */
@Injectable()
export class WebhookDelivery {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: DeliveryLedger,
  ) {}

  async deliver({ notificationId }: DeliveryJob, job: Job): Promise<string> {
    const n = await sqlOne<WebhookTarget>(
      this.uow.db,
      `SELECT n.id, n.type, n.data, n.created_at, np.webhook_url, np.webhook_secret,
              coalesce(n.type = ANY (np.muted_types), false) AS muted
         FROM notifications n
         LEFT JOIN notification_preferences np ON np.profile_id = n.recipient_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!n) return 'gone';
    if ((await this.ledger.begin(notificationId, 'webhook')) === null) return 'already-done';
    if (!n.webhook_url || !n.webhook_secret || n.muted) {
      await this.ledger.finish(notificationId, 'webhook', 'skipped');
      return 'skipped';
    }
    const body = JSON.stringify({
      id: n.id,
      type: n.type,
      createdAt: new Date(n.created_at).toISOString(),
      data: n.data,
    });
    try {
      await sendWebhook(
        { url: n.webhook_url, secret: n.webhook_secret, msgId: n.id, body },
        { allowPrivate: this.config.webhookAllowPrivate, timeoutMs: this.config.webhookTimeoutMs },
      );
    } catch (e) {
      const permanent = e instanceof WebhookDeliveryError ? !e.retryable : false;
      return this.ledger.fail(job, notificationId, 'webhook', e, permanent);
    }
    await this.ledger.finish(notificationId, 'webhook', 'sent');
    return 'sent';
  }
}
