import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { createPino, PinoNestLogger, wantsPrettyLogs } from '../logging/logger.js';
import { WorkerModule } from './worker.module.js';

/** Builds the worker (no HTTP): an application context whose lifecycle starts the consumers and the relay. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: new PinoNestLogger(
      createPino(config.logLevel, 'guildhall-worker', { pretty: wantsPrettyLogs(config.nodeEnv) }),
    ),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
