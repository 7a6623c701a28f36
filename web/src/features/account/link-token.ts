import { ApiError } from '../../api/problem';

/** The `token` of a mailed link (`?token=…`), or null when the link came without one. */
export function linkToken(params: URLSearchParams): string | null {
  const token = params.get('token')?.trim();
  return token ? token : null;
}

/** Whether a failed call was about the link's token (unknown, used, expired or malformed) rather than the form. */
export function isBadToken(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  return error.code === 'INVALID_TOKEN' || (error.problem.errors ?? []).some((e) => e.field === 'token');
}

/** What the API said about a bad link, in words. */
export function badTokenMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const tokenError = error.problem.errors?.find((e) => e.field === 'token');
    return tokenError?.message ?? error.problem.detail ?? error.message;
  }
  return 'This link does not work.';
}
