// Same shape as the problem+json `errors` entries (docs/api.md#conventions), so services can pass them through
// unchanged.
export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
