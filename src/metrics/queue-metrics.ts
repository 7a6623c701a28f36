import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from '../queues/queue-names.js';
import { MetricsService } from './metrics.service.js';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Per-queue job counts, read from Redis at scrape time. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const queues = ALL_QUEUES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    this.metrics.gauge('bullmq_queue_jobs', 'BullMQ jobs per queue and state', ['queue', 'state'], async (g) => {
      await Promise.all(
        queues.map(async (q) => {
          try {
            const counts = await q.getJobCounts(...STATES);
            for (const s of STATES) g.set({ queue: q.name, state: s }, counts[s] ?? 0);
          } catch {
            // Redis away: keep the last values rather than failing the whole scrape.
          }
        }),
      );
    });
  }
}
