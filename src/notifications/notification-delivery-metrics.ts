import { Injectable, OnModuleInit } from '@nestjs/common';
import { sql } from '../database/sql.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';

const CHANNELS = ['email', 'webhook'] as const;
const STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;

/**
 * The worker has no HTTP endpoint, so its delivery outcomes are also read from the delivery ledger at
 * scrape time and served by the API's /metrics.
 */
@Injectable()
export class NotificationDeliveryMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    const db = this.uow.db;
    this.metrics.gauge(
      'notification_deliveries',
      'E-mail and webhook notification deliveries by channel and status (from the delivery ledger)',
      ['channel', 'status'],
      async (g) => {
        try {
          const rows = await sql<{ channel: string; status: string; n: number }>(
            db,
            `SELECT channel, status, count(*)::int AS n FROM notification_deliveries GROUP BY channel, status`,
          );
          for (const c of CHANNELS) for (const s of STATUSES) g.set({ channel: c, status: s }, 0);
          for (const r of rows) g.set({ channel: r.channel, status: r.status }, r.n);
        } catch {
          // Postgres away: keep the last values rather than failing the whole scrape.
        }
      },
    );
  }
}
