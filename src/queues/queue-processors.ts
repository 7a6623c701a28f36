import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import { Job } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { JobRegistry } from './job-registry.js';
import { ALL_QUEUES, QueueName } from './queue-names.js';

/**
 * One thin processor class per queue, dispatching by job name. All start paused (autorun: false);
 * WorkerLifecycle starts them once every handler is registered and the start-up check passed.
 */
type ProcessorConfig = Pick<AppConfig, 'workerConcurrency' | 'workerLockDurationMs' | 'workerStalledIntervalMs'>;

function processorFor(queue: QueueName, config: ProcessorConfig): Type<WorkerHost> {
  // A job whose worker died keeps its lock until lockDuration passes; the stalled check then runs it again.
  @Processor(queue, {
    autorun: false,
    concurrency: config.workerConcurrency,
    lockDuration: config.workerLockDurationMs,
    stalledInterval: config.workerStalledIntervalMs,
  })
  class QueueProcessor extends WorkerHost {
    constructor(readonly registry: JobRegistry) {
      super();
    }
    process(job: Job): Promise<unknown> {
      return this.registry.dispatch(queue, job);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}Processor` });
  return QueueProcessor;
}

export function queueProcessors(config: ProcessorConfig): Type<WorkerHost>[] {
  return ALL_QUEUES.map((q) => processorFor(q, config));
}
