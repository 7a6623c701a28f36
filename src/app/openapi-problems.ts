import type { OpenAPIObject } from '@nestjs/swagger';

// The package exports the document type only; its parts are derived from it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Exclude<OperationObject['responses'][string], { $ref: string }>;
type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string], { $ref: string }>;

const PROBLEM_REF = '#/components/schemas/Problem';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const PROBLEM: SchemaObject = {
  type: 'object',
  description: 'An error answer (RFC 9457 problem details), served as application/problem+json.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'A URI naming the problem type; one per `code`.' },
    title: { type: 'string', description: 'The HTTP status in words.' },
    status: { type: 'integer', description: 'The HTTP status code, repeated.' },
    detail: { type: 'string', description: 'What went wrong, for a person.' },
    code: { type: 'string', description: 'A stable machine string, e.g. `MENTOR_AT_CAPACITY`.' },
    errors: {
      type: 'array',
      description: 'On validation errors (400) and on `PUBLISH_CONFLICT`: one entry per field or member at fault.',
      items: { $ref: '#/components/schemas/FieldError' },
    },
  },
};

const FIELD_ERROR: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: {
    field: { type: 'string', description: 'Path of the field in the request, e.g. `skills[0].level`.' },
    message: { type: 'string' },
  },
};

/** Answers every operation of a kind can give; endpoint-specific ones are declared with @ApiProblem. */
const BY_RULE = {
  400:
    'A field is missing, malformed or not accepted (`VALIDATION_FAILED`, `errors` names each field), the body ' +
    'is not JSON (`MALFORMED_JSON`), or a list cursor is not well-formed (`INVALID_CURSOR`).',
  401: 'No access token, or one that is invalid or expired (`UNAUTHORIZED`).',
  404: 'No such object, or one the caller may not see (`NOT_FOUND`); a malformed id answers the same.',
  429: 'Too many requests (`RATE_LIMITED`); `Retry-After` says in how many seconds to try again.',
} as const;

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds until a retry can succeed.', schema: { type: 'integer' } },
};

/**
 * Gives every error answer of the document the shared Problem body and adds the error answers that follow from an
 * operation's shape: 400 when it takes a body or query, 401 when it needs a token (public routes carry an empty
 * security requirement), 404 when its path names an object, 429 on every /v1 route (the rate limiter guards them).
 */
export function describeProblems(doc: OpenAPIObject): OpenAPIObject {
  doc.components = doc.components ?? {};
  doc.components.schemas = { ...doc.components.schemas, Problem: PROBLEM, FieldError: FIELD_ERROR };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) addProblems(path, op);
    }
  }
  return doc;
}

function addProblems(path: string, op: OperationObject): void {
  const params = op.parameters ?? [];
  const takesInput = op.requestBody !== undefined || params.some((p) => 'in' in p && p.in === 'query');
  const rules: [keyof typeof BY_RULE, boolean][] = [
    [400, takesInput],
    [401, (op.security ?? []).some((requirement) => Object.keys(requirement).length > 0)],
    [404, /\{[^}]+\}/.test(path)],
    [429, path.startsWith('/v1/')],
  ];
  for (const [status, applies] of rules) {
    if (applies && !op.responses[status]) op.responses[status] = { description: BY_RULE[status] };
  }
  for (const [status, response] of Object.entries(op.responses)) {
    if (Number(status) < 400 || !response || '$ref' in response) continue;
    const r: ResponseObject = response;
    r.content = { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } };
    if (status === '429') r.headers = { ...r.headers, ...RETRY_AFTER };
  }
}
