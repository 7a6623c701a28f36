/**
 * Services throw DomainError subclasses with a stable machine `code`; the global filter maps the kind
 * to an HTTP status, so services never import HTTP exceptions.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extras: { errors?: FieldError[]; retryAfterSeconds?: number; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], message = 'The request is not valid.', code = 'VALIDATION_FAILED') {
    super('validation', code, message, { errors });
  }
  static field(field: string, message: string, code = 'VALIDATION_FAILED'): ValidationFailed {
    return new ValidationFailed([{ field, message }], message, code);
  }
}

export class Unauthorized extends DomainError {
  constructor(code = 'UNAUTHORIZED', message = 'Authentication is required.') {
    super('unauthorized', code, message);
  }
}

export class Forbidden extends DomainError {
  constructor(code = 'FORBIDDEN', message = 'You do not have the role this action needs.') {
    super('forbidden', code, message);
  }
}

export class NotFound extends DomainError {
  constructor(what = 'Resource', code = 'NOT_FOUND') {
    super('not_found', code, `${what} not found.`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, extras: Record<string, unknown> = {}) {
    super('conflict', code, message, extras);
  }
}

export class RateLimited extends DomainError {
  constructor(retryAfterSeconds: number, code = 'RATE_LIMITED', message = 'Too many requests.') {
    super('rate_limited', code, message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }
}

/** A dependency this action cannot safely do without is away; the client may retry after the delay. */
export class Unavailable extends DomainError {
  constructor(retryAfterSeconds: number, code = 'SERVICE_UNAVAILABLE', message = 'Temporarily unavailable.') {
    super('unavailable', code, message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }
}
