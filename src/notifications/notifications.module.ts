import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { DeliveryLedger } from './delivery/delivery-ledger.js';
import { EmailDelivery } from './delivery/email-delivery.js';
import { WebhookDelivery } from './delivery/webhook-delivery.js';
import { Mailer } from './email/mailer.js';
import { NotificationCounters } from './notification-counters.js';
import { NotificationDeliveryMetrics } from './notification-delivery-metrics.js';
import { NotificationFanout } from './notification-fanout.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationPreferencesController, NotificationsController } from './notifications.controller.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { NotificationsService } from './notifications.service.js';

/** API side: the inbox, preferences, and delivery gauges on /metrics. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [NotificationsService, NotificationPreferencesService, NotificationDeliveryMetrics],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** Worker side: fan-out of notification events and e-mail/webhook delivery jobs. */
@Module({
  imports: [MetricsModule],
  providers: [
    NotificationCounters,
    NotificationFanout,
    DeliveryLedger,
    Mailer,
    EmailDelivery,
    WebhookDelivery,
    NotificationsProcessor,
  ],
  exports: [NotificationFanout, Mailer],
})
export class NotificationsWorkerModule {}
