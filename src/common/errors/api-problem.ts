import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/**
 * Documents an error answer an endpoint can give beyond the ones every endpoint of its kind gives (those the
 * OpenAPI document builder adds by rule: 400 for input, 401 when signed in, 404 for ids in the path, 429).
 * `why` says when it happens and which `code`s it carries; the body is always the shared Problem schema.
 */
export const ApiProblem = (status: number, why: string): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiResponse({ status, description: why }));
