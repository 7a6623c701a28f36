import type { FieldError } from '../errors/domain-error.js';

// C0 controls except tab, line feed and carriage return, plus DEL. NUL in particular cannot be stored in
// PostgreSQL text at all (22021), and the rest have no business in names, e-mails or search terms.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MESSAGE = 'must not contain control characters';

const join = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Every string (and object key) in a request body, query or path parameter, with the field path of each
 * one that holds a control character, in the `skills[0].level` style of validation errors.
 * Depth is already bounded by the JSON body parser; query strings are flat.
 */
export function controlCharacterErrors(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') return CONTROL.test(value) ? [{ field: path, message: `${path} ${MESSAGE}` }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterErrors(v, join(path, i)));
  if (value !== null && typeof value === 'object') {
    const out: FieldError[] = [];
    for (const [k, v] of Object.entries(value)) {
      const field = join(path, k);
      if (CONTROL.test(k)) out.push({ field, message: `field names ${MESSAGE}` });
      else out.push(...controlCharacterErrors(v, field));
    }
    return out;
  }
  return [];
}
