import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import { createValidationPipe } from '../common/http/validation.pipe.js';
import { createPino, PinoNestLogger, wantsPrettyLogs } from '../logging/logger.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { serveWebApp } from './web-app.js';

export const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the configured API application (used by main.ts and by the e2e tests). */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const pino = createPino(config.logLevel, 'guildhall-api', { pretty: wantsPrettyLogs(config.nodeEnv) });
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(config), adapter, {
    logger: new PinoNestLogger(pino),
    bufferLogs: true,
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({
    origin: config.corsOrigins,
    credentials: false,
    exposedHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
  });
  // No global CSP: Swagger UI needs inline scripts; the web app's document carries its own policy (web-app.ts).
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  await app.register(cookie);

  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  await serveWebApp(app, config.webDistDir ?? undefined);
  app.enableShutdownHooks();
  return app;
}
