import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/http/uuid.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql } from '../database/sql.js';
import type { DomainEvent, NotificationType } from '../queues/event-types.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { emailJobId, webhookJobId, type DeliveryJob } from './delivery/delivery-job.js';
import { chunks, splitFanoutPayload } from './fanout-payload.js';
import { NotificationCounters } from './notification-counters.js';

interface FanoutRow {
  id: string;
  fresh: boolean;
  email_on: boolean;
  has_webhook: boolean;
}

export interface FanoutResult {
  recipients: number;
  created: number;
  deliveryJobs: number;
}

/**
 * One batch: insert the in-app rows (muted recipients and unknown ids get none), then answer every row of
 * this event for the batch, new or already there, with the channels to push it to. Answering the existing
 * rows too means a re-run after a crash between the INSERT and enqueueing still enqueues their deliveries
 * (deterministic job ids make that a no-op when they were enqueued).
 */
const FANOUT_BATCH_SQL = `
  WITH target AS (
    SELECT p.id AS recipient_id, coalesce(np.email, true) AS email_on, np.webhook_url IS NOT NULL AS has_webhook
      FROM unnest($1::uuid[]) AS r(id)
      JOIN profiles p ON p.id = r.id
      LEFT JOIN notification_preferences np ON np.profile_id = p.id
     WHERE np.muted_types IS NULL OR NOT ($3::text = ANY (np.muted_types))
  ), ins AS (
    INSERT INTO notifications (event_id, recipient_id, type, data, created_at)
    SELECT $2::uuid, recipient_id, $3::text, $4::jsonb, $5::timestamptz FROM target
    ON CONFLICT (event_id, recipient_id) DO NOTHING
    RETURNING id, recipient_id
  ), batch_rows AS (
    SELECT id, recipient_id, true AS fresh FROM ins
    UNION ALL
    SELECT n.id, n.recipient_id, false FROM notifications n WHERE n.event_id = $2::uuid AND n.recipient_id = ANY ($1::uuid[])
  )
  SELECT b.id, b.fresh, t.email_on, t.has_webhook FROM batch_rows b JOIN target t ON t.recipient_id = b.recipient_id`;

/**
 * Turns a notification event into one in-app row per recipient and the e-mail/webhook jobs they asked
 * for, in batches (one INSERT and one addBulk per batch), so thousands of recipients cost a few dozen
 * round trips. Idempotent: UNIQUE (event_id, recipient_id) makes a re-run insert nothing twice.
 */
@Injectable()
export class NotificationFanout {
  private readonly logger = new Logger('NotificationFanout');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: NotificationCounters,
  ) {}

  async handle(event: DomainEvent): Promise<FanoutResult> {
    const { recipients, data } = splitFanoutPayload(event.payload);
    const result: FanoutResult = { recipients: recipients.length, created: 0, deliveryJobs: 0 };
    if (!isUuid(event.eventId)) {
      this.logger.error(`event ${event.type} has a malformed id ${String(event.eventId)}; no notifications created`);
      return result;
    }
    if (!recipients.length) return result;
    const createdAt = Number.isNaN(Date.parse(event.createdAt)) ? new Date().toISOString() : event.createdAt;
    const dataJson = JSON.stringify(data);
    const emailOn = this.config.smtpUrl !== null;

    const batches = chunks(recipients, this.config.notificationFanoutBatch);
    for (const [i, batch] of batches.entries()) {
      if (i > 0 && this.config.notificationFanoutPauseMs > 0) await sleep(this.config.notificationFanoutPauseMs);
      const rows = await sql<FanoutRow>(this.db, FANOUT_BATCH_SQL, [batch, event.eventId, event.type as NotificationType, dataJson, createdAt]);
      const jobs: { name: string; data: DeliveryJob; opts: { jobId: string } }[] = [];
      let created = 0;
      for (const r of rows) {
        if (r.fresh) created++;
        if (emailOn && r.email_on) jobs.push({ name: JOBS.notifications.deliverEmail, data: { notificationId: r.id }, opts: { jobId: emailJobId(r.id) } });
        if (r.has_webhook) jobs.push({ name: JOBS.notifications.deliverWebhook, data: { notificationId: r.id }, opts: { jobId: webhookJobId(r.id) } });
      }
      if (jobs.length) await this.queue.addBulk(jobs);
      if (created) this.counters.delivered.inc({ channel: 'in_app' }, created);
      result.created += created;
      result.deliveryJobs += jobs.length;
    }
    return result;
  }
}
