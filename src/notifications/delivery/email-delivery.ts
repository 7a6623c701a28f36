import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { sqlOne } from '../../database/sql.js';
import type { NotificationType } from '../../queues/event-types.js';
import { renderNotificationEmail } from '../email/email-templates.js';
import { isPermanentSmtpError, Mailer } from '../email/mailer.js';
import { DeliveryLedger } from './delivery-ledger.js';
import type { DeliveryJob } from './delivery-job.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

interface EmailTarget {
  type: NotificationType;
  data: Record<string, unknown>;
  address: string;
  display_name: string;
  wanted: boolean;
}

/** Sends one notification by e-mail; the address is looked up now, never carried in the job. */
@Injectable()
export class EmailDelivery {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly ledger: DeliveryLedger,
  ) {}

  async deliver({ notificationId }: DeliveryJob, job: Job): Promise<string> {
    const n = await sqlOne<EmailTarget>(
      this.uow.db,
      `SELECT n.type, n.data, u.email AS address, p.display_name,
              coalesce(np.email, true) AND NOT (n.type = ANY (coalesce(np.muted_types, '{}'))) AS wanted
         FROM notifications n
         JOIN users u ON u.id = n.recipient_id
         JOIN profiles p ON p.id = n.recipient_id
         LEFT JOIN notification_preferences np ON np.profile_id = n.recipient_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!n) return 'gone';
    if ((await this.ledger.begin(notificationId, 'email')) === null) return 'already-done';
    // Preferences may have changed since the fan-out.
    if (!n.wanted || !this.mailer.enabled) {
      await this.ledger.finish(notificationId, 'email', 'skipped');
      return 'skipped';
    }
    const mail = renderNotificationEmail(n.type, n.data, {
      publicBaseUrl: this.config.publicBaseUrl,
      recipientName: n.display_name,
    });
    try {
      await this.mailer.send(n.address, mail, notificationId);
    } catch (e) {
      return this.ledger.fail(job, notificationId, 'email', e, isPermanentSmtpError(e));
    }
    await this.ledger.finish(notificationId, 'email', 'sent');
    return 'sent';
  }
}
