import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { bullConnection } from '../redis/redis-options.js';
import { DEFAULT_JOB_OPTIONS } from './default-job-options.js';
import { EventsService } from './events.service.js';
import { JobRegistry } from './job-registry.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { ALL_QUEUES } from './queue-names.js';
import { queueProcessors } from './queue-processors.js';
import { PROCESSOR_TYPES, WorkerLifecycle } from './worker-lifecycle.js';

/** A queue whose Redis went away emits 'error'; log it instead of letting it crash the process. */
@Injectable()
class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  constructor(private readonly moduleRef: ModuleRef) {}
  onModuleInit(): void {
    for (const name of ALL_QUEUES) {
      const q = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      q.on('error', (e) => this.logger.warn(`queue ${name}: ${e.message}`));
    }
  }
}

/** Producer side, in both processes: the BullMQ connection, every queue (under QUEUE_PREFIX) and the outbox writer. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config.redisUrl, { maxRetriesPerRequest: null }),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [EventsService, QueueErrorLogger],
  exports: [BullModule, EventsService],
})
export class QueuesModule {}

/** Consumer side, in the worker process only: processors, the handler registry and the outbox relay. */
@Global()
@Module({})
export class WorkerQueuesModule {
  static forRoot(
    config: Pick<AppConfig, 'workerConcurrency' | 'workerLockDurationMs' | 'workerStalledIntervalMs'>,
  ): DynamicModule {
    const processors = queueProcessors(config);
    return {
      module: WorkerQueuesModule,
      providers: [
        JobRegistry,
        ...processors,
        { provide: PROCESSOR_TYPES, useValue: processors },
        WorkerLifecycle,
        OutboxRelayService,
      ],
      exports: [JobRegistry, OutboxRelayService],
    };
  }
}
