import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { isUuid } from '../common/http/uuid.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql } from '../database/sql.js';
import type { DomainEvent, NotificationType } from '../queues/event-types.js';
import { REDIS } from '../redis/redis.module.js';
import type { Redis } from 'ioredis';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { emailJobId, webhookJobId, type DeliveryJob } from './delivery/delivery-job.js';
import { EMAILED_BY_OWNER } from './emailed-by-owner.js';
import { chunks, splitFanoutPayload } from './fanout-payload.js';
import { NotificationCounters } from './notification-counters.js';
import { NotificationNames } from './notification-names.js';
import { notificationChannel, type NotificationBatchMessage } from './notification-stream-channel.js';
import { UnitOfWork } from '../database/unit-of-work.js';

interface PushRow {
  id: string;
  email_on: boolean;
  has_webhook: boolean;
}

export interface FanoutResult {
  recipients: number;
  created: number;
  deliveryJobs: number;
}

/**
 * One batch of in-app rows; muted recipients and ids that name no profile get none. The mute test is an
 * anti-join on purpose: as a filter over a LEFT JOIN the planner guessed one row and looped over the whole
 * profiles table once per recipient (seconds per batch at 50k profiles).
 */
const INSERT_BATCH_SQL = `
  INSERT INTO notifications (event_id, recipient_id, type, data, created_at)
  SELECT $2::uuid, p.id, $3::text, $4::jsonb, $5::timestamptz
    FROM unnest($1::uuid[]) AS r(id)
    JOIN profiles p ON p.id = r.id
   WHERE NOT EXISTS (SELECT 1 FROM notification_preferences np WHERE np.profile_id = r.id
     AND $3::text = ANY (np.muted_types))
  ON CONFLICT (event_id, recipient_id) DO NOTHING
  RETURNING id, recipient_id`;

/**
 * Every row of this event for the batch that wants a push, new or already there: a re-run after a crash
 * between the INSERT and the enqueue still enqueues its deliveries (deterministic job ids make that a
 * no-op when they had been enqueued).
 */
const PUSH_ROWS_SQL = `
  SELECT n.id, coalesce(np.email, true) AS email_on, np.webhook_url IS NOT NULL AS has_webhook
    FROM notifications n
    LEFT JOIN notification_preferences np ON np.profile_id = n.recipient_id
   WHERE n.event_id = $2::uuid AND n.recipient_id = ANY ($1::uuid[])
     AND (coalesce(np.email, true) OR np.webhook_url IS NOT NULL)
     AND NOT (n.type = ANY (coalesce(np.muted_types, '{}')))`;

/** Without e-mail only webhook subscribers get a push; they are found from the (small) preferences side. */
const WEBHOOK_ROWS_SQL = `
  SELECT n.id, false AS email_on, true AS has_webhook
    FROM notification_preferences np
    JOIN notifications n ON n.event_id = $2::uuid AND n.recipient_id = np.profile_id
   WHERE np.profile_id = ANY ($1::uuid[]) AND np.webhook_url IS NOT NULL
     AND NOT (n.type = ANY (np.muted_types))`;

/**
 * Turns a notification event into one in-app row per recipient and the e-mail/webhook jobs they asked
 * for, in batches (one INSERT, one SELECT and one addBulk per batch), so thousands of recipients cost a
 * few dozen round trips; the names the data's ids stand for are looked up once per event, not per row.
 * Idempotent: UNIQUE (event_id, recipient_id) makes a re-run insert nothing twice.
 */
@Injectable()
export class NotificationFanout {
  private readonly logger = new Logger('NotificationFanout');

  constructor(
    private readonly uow: UnitOfWork,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: NotificationCounters,
    private readonly names: NotificationNames,

    @Inject(REDIS) private readonly redis: Redis,
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
    const named = await this.names.enrich(data);
    const dataJson = JSON.stringify(named);
    // Types their own module mails (a digest, the old address) get no e-mail per notification.
    const emailOn = this.config.smtpUrl !== null && !EMAILED_BY_OWNER.has(event.type);

    const batches = chunks(recipients, this.config.notificationFanoutBatch);
    for (const [i, batch] of batches.entries()) {
      if (i > 0 && this.config.notificationFanoutPauseMs > 0) await sleep(this.config.notificationFanoutPauseMs);
      const inserted = await sql<{ id: string; recipient_id: string }>(this.uow.db, INSERT_BATCH_SQL, [
        batch,
        event.eventId,
        event.type,
        dataJson,
        createdAt,
      ]);
      const created = inserted.length;
      // The INSERT has committed (no transaction around it), so a stream reader that refetches finds the rows.
      if (created) await this.publish(event.type as NotificationType, named, createdAt, inserted);
      const push = await sql<PushRow>(this.uow.db, emailOn ? PUSH_ROWS_SQL : WEBHOOK_ROWS_SQL, [batch, event.eventId]);
      const jobs: { name: string; data: DeliveryJob; opts: { jobId: string } }[] = [];
      for (const r of push) {
        if (emailOn && r.email_on)
          jobs.push({
            name: JOBS.notifications.deliverEmail,
            data: { notificationId: r.id },
            opts: { jobId: emailJobId(r.id) },
          });
        if (r.has_webhook)
          jobs.push({
            name: JOBS.notifications.deliverWebhook,
            data: { notificationId: r.id },
            opts: { jobId: webhookJobId(r.id) },
          });
      }
      if (jobs.length) await this.queue.addBulk(jobs);
      if (created) this.counters.delivered.inc({ channel: 'in_app' }, created);
      result.created += created;
      result.deliveryJobs += jobs.length;
    }
    return result;
  }

  /**
   * Tells the API processes about new rows, for their notification streams. Best effort: the rows are already
   * stored, and a client that missed a message (Redis away, reconnecting) refetches the inbox when it reconnects.
   */
  private async publish(
    type: NotificationType,
    data: Record<string, unknown>,
    createdAt: string,
    inserted: { id: string; recipient_id: string }[],
  ): Promise<void> {
    const message: NotificationBatchMessage = {
      type,
      data,
      createdAt: new Date(createdAt).toISOString(),
      rows: inserted.map((r) => [r.recipient_id, r.id]),
    };
    try {
      await this.redis.publish(notificationChannel(this.config.queuePrefix), JSON.stringify(message));
    } catch (e) {
      this.logger.warn(`could not publish ${inserted.length} new ${type} notifications to streams: ${String(e)}`);
    }
  }
}
