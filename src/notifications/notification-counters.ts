import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

export type DeliveryChannel = 'email' | 'webhook';

/** Worker-side counters of deliveries that ended, per channel (in_app counts notifications created). */
@Injectable()
export class NotificationCounters {
  readonly delivered: Counter<string>;
  readonly failed: Counter<string>;

  constructor(metrics: MetricsService) {
    this.delivered = metrics.counter(
      'notifications_delivered_total',
      'Notifications delivered, per channel (in_app, email, webhook)',
      ['channel'],
    );
    this.failed = metrics.counter(
      'notifications_delivery_failed_total',
      'Notification deliveries that failed for good, per channel',
      ['channel'],
    );
  }
}
