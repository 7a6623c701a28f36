import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { createPino, PinoNestLogger, wantsPrettyLogs } from '../logging/logger.js';
import { WorkerMetricsServer } from '../metrics/worker-metrics.server.js';
import { WorkerLifecycle } from '../queues/worker-lifecycle.js';
import { WorkerModule } from './worker.module.js';

/** Builds and starts the worker (no HTTP API): the consumers, the outbox relay and the /metrics listener. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: new PinoNestLogger(
      createPino(config.logLevel, 'guildhall-worker', { pretty: wantsPrettyLogs(config.nodeEnv) }),
    ),
    abortOnError: false,
  });
  try {
    // Started here rather than in a lifecycle hook: a failure there would lose the context with its
    // connections open, while here it can be closed before the error goes up.
    app.get(WorkerLifecycle, { strict: false }).start();
    await app.get(WorkerMetricsServer).listen();
  } catch (e) {
    await app.close();
    throw e;
  }
  app.enableShutdownHooks();
  return app;
}
