import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../queues/job-registry.js';
import { NOTIFICATION_TYPES } from '../queues/event-types.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { isDeliveryJob, type DeliveryJob } from './delivery/delivery-job.js';
import { EmailDelivery } from './delivery/email-delivery.js';
import { WebhookDelivery } from './delivery/webhook-delivery.js';
import { NotificationFanout } from './notification-fanout.service.js';

/**
 * Worker side of notifications: every notification event fans out to in-app rows and push jobs; push jobs
 * deliver one notification each. An event without recipientIds is ignored here rather than rejected, since
 * other handlers may subscribe to the same event.
 */
@Injectable()
export class NotificationsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly fanout: NotificationFanout,
    private readonly email: EmailDelivery,
    private readonly webhook: WebhookDelivery,
  ) {}

  onModuleInit(): void {
    for (const type of NOTIFICATION_TYPES)
      this.registry.onEvent<Record<string, unknown>>(type, (event) => this.fanout.handle(event));
    this.registry.register<DeliveryJob>(
      QUEUES.notifications,
      JOBS.notifications.deliverEmail,
      (d, job) => this.email.deliver(d, job),
      isDeliveryJob,
    );
    this.registry.register<DeliveryJob>(
      QUEUES.notifications,
      JOBS.notifications.deliverWebhook,
      (d, job) => this.webhook.deliver(d, job),
      isDeliveryJob,
    );
  }
}
