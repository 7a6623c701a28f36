import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config.js';
import { ApiModule } from './api.module.js';
import { describeProblems } from './openapi-problems.js';

/**
 * The one OpenAPI document of the API. The running API serves it at /docs-json and `npm run openapi` writes it to
 * docs/openapi.json, both through this function, so the served and the committed documents cannot drift apart.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Guildhall API')
    .setDescription(
      'Mentorship and community matching for people growing into backend developers. ' +
        'Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return describeProblems(SwaggerModule.createDocument(app, info));
}

/**
 * Builds the document without a database or Redis: preview mode resolves the API's module graph (controllers,
 * routes, DTO metadata) but instantiates no provider, so nothing connects anywhere.
 */
export async function generateOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.register(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
