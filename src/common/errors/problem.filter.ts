import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { scrubUrl } from '../../logging/logger.js';
import { DomainError } from './domain-error.js';
import { Problem, PROBLEM_CONTENT_TYPE, STATUS_BY_KIND, problem } from './problem.js';

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_BAD_URL: 'BAD_URL',
};

/** Fastify's messages for these repeat the path, which may hold a secret (a calendar-feed token). */
const FIXED_DETAILS: Record<string, string> = {
  URI_TOO_LONG: 'A path segment is too long.',
  BAD_URL: 'The path is not a valid URL.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * What pg-pool rejects with when no connection freed up within connectionTimeoutMillis, or when opening a new
 * one took longer than that (PostgreSQL itself slow to accept, e.g. a machine saturated by a burst).
 */
const POOL_TIMEOUT_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);

/**
 * Maps every error to application/problem+json; only unexpected errors are logged, once, and answered as a
 * plain 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { body, retryAfter } = this.toProblem(exception, request);
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  toProblem(exception: unknown, request?: FastifyRequest): { body: Problem; retryAfter?: number } {
    if (exception instanceof DomainError) {
      const { retryAfterSeconds, ...extras } = exception.extras;
      return {
        body: problem(STATUS_BY_KIND[exception.kind], exception.code, exception.message, extras),
        retryAfter: retryAfterSeconds,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : ((res as { message?: unknown }).message ?? exception.message);
      const detail = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      const retry = status === 429 ? this.retryAfterOf(exception) : undefined;
      // Nest's Fastify adapter reports an unparsable JSON body as a plain 400.
      const code = status === 400 && /json/i.test(detail) ? 'MALFORMED_JSON' : (HTTP_CODES[status] ?? `HTTP_${status}`);
      return {
        body: problem(status, code, code === 'MALFORMED_JSON' ? 'The request body is not valid JSON.' : detail),
        retryAfter: retry,
      };
    }
    if (exception instanceof Error && POOL_TIMEOUT_MESSAGES.has(exception.message)) {
      // A burst larger than the pool: shed the request cleanly (and without a stack trace per request) so
      // clients retry, instead of a 500 that reads as a bug.
      return {
        body: problem(503, 'BUSY', 'The service is busy; retry shortly.'),
        retryAfter: 1,
      };
    }
    const fastifyErr = exception as { code?: string; statusCode?: number; message?: string };
    if (
      fastifyErr &&
      typeof fastifyErr.statusCode === 'number' &&
      fastifyErr.statusCode >= 400 &&
      fastifyErr.statusCode < 500
    ) {
      const status = fastifyErr.statusCode;
      const code = (fastifyErr.code && FASTIFY_CODES[fastifyErr.code]) ?? HTTP_CODES[status] ?? `HTTP_${status}`;
      const detail = FIXED_DETAILS[code] ?? fastifyErr.message ?? 'Bad request.';
      return { body: problem(status, code, detail) };
    }
    this.logger.error(
      { err: exception, method: request?.method, url: scrubUrl(request?.url) },
      exception instanceof Error ? exception.stack : String(exception),
    );
    return { body: problem(500, 'INTERNAL', 'An unexpected error occurred.') };
  }

  private retryAfterOf(e: HttpException): number {
    const res = e.getResponse() as { retryAfter?: number };
    return typeof res === 'object' && res && typeof res.retryAfter === 'number' ? res.retryAfter : 60;
  }
}
