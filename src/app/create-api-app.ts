import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { compressJsonAnswers } from '../common/http/compress-json.js';
import { useBoundedJsonParser } from '../common/http/json-body.js';
import { ProblemFilter } from '../common/errors/problem.filter.js';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem.js';
import { createValidationPipe } from '../common/http/validation.pipe.js';
import { createPino, PinoNestLogger, wantsPrettyLogs } from '../logging/logger.js';
import { MeetupsService } from '../meetups/meetups.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { createLinkPreviews } from './link-previews.js';
import { serveWebApp } from './web-app.js';

export const BODY_LIMIT_BYTES = 64 * 1024;
/**
 * Connections the kernel may hold for us before we accept them (capped by net.core.somaxconn). Node's default,
 * 511, overflows when thousands of clients connect at once (a popular meetup opening) and the kernel then
 * resets them: a failure no retry policy sees as 503. Queued, they reach the admission limit and are served
 * or shed with 503 BUSY.
 */
export const LISTEN_BACKLOG = 4096;
const frameworkProblems = new ProblemFilter();

/** Builds the configured API application (used by main.ts and by the e2e tests, which may capture its log). */
export async function createApiApp(
  config: AppConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<NestFastifyApplication> {
  const pino = createPino(config.logLevel, 'guildhall-api', {
    pretty: wantsPrettyLogs(config.nodeEnv),
    destination: options.logDestination,
  });
  const { trustProxy } = config;
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    bodyLimit: BODY_LIMIT_BYTES,
    // A hop count as Fastify's own number form does it: trust the nearest `hops` addresses of the chain.
    trustProxy: typeof trustProxy === 'number' ? (_addr: string, i: number) => i < trustProxy : trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors Fastify raises while routing (a too-long or malformed path) would otherwise bypass the problem filter.
    frameworkErrors: (err: Error, _req: FastifyRequest, reply: FastifyReply) => {
      const { body } = frameworkProblems.toProblem(err);
      void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(config), adapter, {
    logger: new PinoNestLogger(pino),
    bufferLogs: true,
    abortOnError: false,
    // Nest's defaults would add a form (urlencoded) parser: a cross-site HTML form could then post to the API.
    bodyParser: false,
  });
  useBoundedJsonParser(app, BODY_LIMIT_BYTES);
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
  compressJsonAnswers(fastify);
  // Answers to a credentialed request are that user's data: no shared or browser cache may keep them.
  fastify.addHook('onSend', async (req, reply) => {
    if ((req.headers.authorization || req.headers.cookie) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  const meetups = app.get(MeetupsService);
  const previews = createLinkPreviews(config.publicBaseUrl, (id) => meetups.preview(id));
  await serveWebApp(app, config.webDistDir ?? undefined, previews);
  app.enableShutdownHooks();
  return app;
}
