import { ApiError } from '../api/problem';

export interface FormErrors {
  /** The message for an API field path (`displayName`, `skills[0].level`), if the API named it. */
  field(path: string): string | undefined;
  /** What the form shows above its button: the detail, plus field messages no input claimed. */
  general: string[];
}

const none: FormErrors = { field: () => undefined, general: [] };

/**
 * Maps a failed submit to the inputs: `errors[]` go to the input whose API path they name; `detail` and any
 * message about a path the form has no input for go to the form as a whole.
 */
export function formErrors(error: unknown, knownPaths: readonly string[]): FormErrors {
  if (!error) return none;
  if (!(error instanceof ApiError)) {
    return { field: () => undefined, general: [error instanceof Error ? error.message : 'Something went wrong.'] };
  }
  const byPath = new Map<string, string>();
  const general: string[] = [];
  for (const { field, message } of error.problem.errors ?? []) {
    const path = knownPaths.find((known) => field === known || field.startsWith(`${known}.`)) ?? null;
    if (path === null) general.push(message);
    else if (!byPath.has(path)) byPath.set(path, message);
  }
  if (byPath.size === 0 && general.length === 0) general.unshift(error.problem.detail ?? error.message);
  else if (error.problem.detail && general.length > 0) general.unshift(error.problem.detail);
  return { field: (path) => byPath.get(path), general };
}
