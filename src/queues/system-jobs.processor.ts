import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { sql } from '../database/sql.js';
import { JobRegistry } from './job-registry.js';
import { JOBS, QUEUES } from './queue-names.js';
import { UnitOfWork } from '../database/unit-of-work.js';

const KEEP_SENT_DAYS = 7;

/** Housekeeping: sent outbox rows are kept a week for inspection, then deleted in bounded batches. */
@Injectable()
export class SystemJobsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('SystemJobs');
  constructor(
    private readonly registry: JobRegistry,
    private readonly uow: UnitOfWork,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue,
  ) {}

  onModuleInit(): void {
    this.registry.register(QUEUES.timers, JOBS.timers.outboxCleanup, () => this.cleanOutbox());
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job scheduler is one entry in Redis however many workers upsert it.
    await this.timers
      .upsertJobScheduler('outbox-cleanup', { every: 3600_000 }, { name: JOBS.timers.outboxCleanup })
      .catch((e: Error) => this.logger.warn(`cannot schedule outbox cleanup yet: ${e.message}`));
  }

  async cleanOutbox(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await sql(
        this.uow.db,
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE sent_at < now() - make_interval(days => $1) LIMIT 5000) RETURNING id`,
        [KEEP_SENT_DAYS],
      );
      total += rows.length;
      if (rows.length < 5000) return total;
    }
  }
}
