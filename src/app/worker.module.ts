import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { WorkerQueuesModule } from '../queues/queues.module.js';
import { CoreModule } from './core.module.js';
import { SystemJobsProcessor } from '../queues/system-jobs.processor.js';

/** The worker process: BullMQ consumers and the outbox relay; no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), WorkerQueuesModule.forRoot(config)],
      providers: [SystemJobsProcessor],
    };
  }
}
