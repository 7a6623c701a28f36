import { Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { sql, sqlOne } from '../../database/sql.js';
import { NotificationCounters, type DeliveryChannel } from '../notification-counters.js';
import { UnitOfWork } from '../../database/unit-of-work.js';

export type FinalStatus = 'sent' | 'failed' | 'skipped';

/**
 * One row per (notification, channel) records how a push delivery ended. A delivery job that runs again
 * (retry, stalled job, enqueued twice) finds the row finished and sends nothing, so a message goes out once
 * unless the process dies between the send and the bookkeeping write.
 */
@Injectable()
export class DeliveryLedger {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly counters: NotificationCounters,
  ) {}

  /** Starts an attempt: its number, or null when the delivery already ended. */
  async begin(notificationId: string, channel: DeliveryChannel): Promise<number | null> {
    const row = await sqlOne<{ attempts: number }>(
      this.uow.db,
      `INSERT INTO notification_deliveries (notification_id, channel, status, attempts) VALUES ($1, $2, 'pending', 1)
       ON CONFLICT (notification_id, channel) DO UPDATE
         SET attempts = notification_deliveries.attempts + 1, updated_at = now()
         WHERE notification_deliveries.status = 'pending'
       RETURNING attempts`,
      [notificationId, channel],
    );
    return row?.attempts ?? null;
  }

  async finish(
    notificationId: string,
    channel: DeliveryChannel,
    status: FinalStatus,
    error: string | null = null,
  ): Promise<void> {
    await sql(
      this.uow.db,
      `UPDATE notification_deliveries
          SET status = $3, last_error = coalesce($4, last_error), updated_at = now(),
              delivered_at = CASE WHEN $3 = 'sent' THEN now() ELSE delivered_at END
        WHERE notification_id = $1 AND channel = $2`,
      [notificationId, channel, status, error],
    );
    if (status === 'sent') this.counters.delivered.inc({ channel });
    if (status === 'failed') this.counters.failed.inc({ channel });
  }

  /**
   * Records a failed attempt. The last attempt, or an error a retry cannot fix, ends the delivery as failed;
   * otherwise the error is rethrown so BullMQ retries with backoff.
   */
  async fail(
    job: Job,
    notificationId: string,
    channel: DeliveryChannel,
    error: unknown,
    permanent: boolean,
  ): Promise<never> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const lastAttempt = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt) {
      await this.finish(notificationId, channel, 'failed', message);
      this.logger.warn(`${channel} delivery of notification ${notificationId} failed for good: ${message}`);
    } else {
      await sql(
        this.uow.db,
        `UPDATE notification_deliveries SET last_error = $3, updated_at = now() WHERE notification_id = $1
         AND channel = $2`,
        [notificationId, channel, message],
      );
    }
    if (permanent) throw new UnrecoverableError(message);
    throw error instanceof Error ? error : new Error(message);
  }
}
