import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { DeliveryLedger } from './delivery/delivery-ledger.js';
import { EmailDelivery } from './delivery/email-delivery.js';
import { WebhookDelivery } from './delivery/webhook-delivery.js';
import { Mailer } from './email/mailer.js';
import { NotificationCounters } from './notification-counters.js';
import { NotificationDeliveryMetrics } from './notification-delivery-metrics.js';
import { NotificationFanout } from './notification-fanout.service.js';
import { NotificationNames } from './notification-names.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationStreams } from './notification-streams.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { NotificationPreferencesController, NotificationsController } from './notifications.controller.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { NotificationsService } from './notifications.service.js';

/** API side: the inbox, its live stream, preferences, and delivery gauges on /metrics. */
@Module({
  imports: [AuthModule],
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [NotificationsService, NotificationPreferencesService, NotificationDeliveryMetrics, NotificationStreams],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** Worker side: fan-out of notification events and e-mail/webhook delivery jobs. */
@Module({
  imports: [MetricsModule],
  providers: [
    NotificationCounters,
    NotificationNames,
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
