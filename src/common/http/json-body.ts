import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ValidationFailed } from '../errors/domain-error.js';

/** No request of this API nests deeper than a handful of levels; 32 leaves room for any of them. */
export const MAX_JSON_DEPTH = 32;
/**
 * Members (array elements and object entries) in one body. The largest legitimate list is a program's
 * preference list (1,000); a bound here keeps a 64 KiB body of tiny elements from costing validation
 * and transformation tens of thousands of steps.
 */
export const MAX_JSON_MEMBERS = 5000;

/**
 * One linear pass over the raw text, before JSON.parse and long before class-transformer and
 * class-validator (which recurse per level and would overflow the stack on deep input).
 * Returns why the body is refused, or null. Malformed text is left to the parser to report.
 */
export function jsonShapeProblem(text: string): string | null {
  let depth = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`;
      members++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) members++;
    if (members > MAX_JSON_MEMBERS) return `The request body holds more than ${MAX_JSON_MEMBERS} values.`;
  }
  return null;
}

/**
 * Replaces the application/json body parser: the shape check first, then Fastify's own parser (which
 * refuses __proto__ and constructor poisoning). It is the only parser: any other Content-Type (forms and
 * text/plain, which an HTML form on another site can send without a CORS preflight) is answered 415, and a
 * request without a body and without a Content-Type (a bodiless POST) still reaches its route.
 */
export function useBoundedJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  app.useBodyParser('application/json', { bodyLimit }, (req, body, done) => {
    const text = body.toString('utf8');
    const problem = jsonShapeProblem(text);
    if (problem) {
      done(new ValidationFailed([{ field: '', message: problem }], problem, 'JSON_TOO_COMPLEX'), undefined);
      return;
    }
    void parse(req as Parameters<typeof parse>[0], text, done);
  });
}
