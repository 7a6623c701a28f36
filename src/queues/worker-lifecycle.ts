import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import { JobRegistry } from './job-registry.js';

export const PROCESSOR_TYPES = Symbol('PROCESSOR_TYPES');

/**
 * Starts the paused workers once the application context is up (createWorkerApp calls start(), so a failed
 * start can still close the context: fails fast if a job name has no handler) and, on shutdown, stops taking
 * jobs and waits for the ones in flight before pools close.
 */
@Injectable()
export class WorkerLifecycle implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private hosts: WorkerHost[] = [];

  constructor(
    private readonly registry: JobRegistry,
    private readonly moduleRef: ModuleRef,
    @Inject(PROCESSOR_TYPES) private readonly types: Type<WorkerHost>[],
  ) {}

  start(): void {
    this.hosts = this.types.map((t) => this.moduleRef.get(t, { strict: false }));
    const missing = this.registry.missingHandlers();
    if (missing.length) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
    for (const host of this.hosts) {
      host.worker.on('error', (e) => this.logger.warn(`worker ${host.worker.name}: ${e.message}`));
      void host.worker.run().catch((e: Error) => this.logger.error(`worker ${host.worker.name} stopped: ${e.message}`));
    }
    this.logger.log(`consuming ${this.hosts.map((h) => h.worker.name).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // close() waits for active jobs to finish; a job cut off harder is retried by BullMQ's stall check.
    await Promise.all(this.hosts.map((h) => h.worker.close().catch(() => undefined)));
  }
}
