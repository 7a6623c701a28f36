import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { MatchingWorkerModule } from '../matching/matching-worker.module.js';
import { MeetupsWorkerModule } from '../meetups/meetups-worker.module.js';
import { NotificationsWorkerModule } from '../notifications/notifications.module.js';
import { ProgramsWorkerModule } from '../programs/programs-worker.module.js';
import { WorkerQueuesModule } from '../queues/queues.module.js';
import { ConversationsWorkerModule } from '../conversations/conversations.module.js';
import { SessionsWorkerModule } from '../sessions/sessions.module.js';
import { CoreModule } from './core.module.js';
import { AuthWorkerModule } from '../auth/auth-worker.module.js';
import { SystemJobsProcessor } from '../queues/system-jobs.processor.js';
import { WorkerMetricsServer } from '../metrics/worker-metrics.server.js';

/** The worker process: BullMQ consumers and the outbox relay; no HTTP API, only its own /metrics listener. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        WorkerQueuesModule.forRoot(config),
        NotificationsWorkerModule,
        MeetupsWorkerModule,
        MatchingWorkerModule,
        ProgramsWorkerModule,
        ConversationsWorkerModule,
        AuthWorkerModule,
        SessionsWorkerModule,
      ],
      providers: [SystemJobsProcessor, WorkerMetricsServer],
    };
  }
}
