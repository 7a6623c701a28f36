import createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { SessionTransport } from './session';

/** What web/public/session-start.js leaves behind: its refresh's status and access token. */
export type EarlyRefresh = Promise<{ status: number; accessToken: string | null }>;

/**
 * The refresh session-start.js began, taken once when the app starts; from then on the script, should it run
 * only now, stands down. Taking it later (inside the session's lock) could wait forever for a script that waits
 * for that same lock.
 */
export function takeEarlyRefresh(): EarlyRefresh | null {
  const holder = globalThis as { guildhallSessionStart?: EarlyRefresh | 'app' };
  const early = holder.guildhallSessionStart;
  holder.guildhallSessionStart = 'app';
  return early && early !== 'app' ? early : null;
}

/**
 * The session's calls to /v1/auth/refresh and /v1/auth/logout. They send no refresh token in the body: the
 * server reads the httpOnly guildhall_refresh cookie (and checks the Origin), which the browser attaches.
 */
export function createAuthTransport(
  baseUrl: string,
  fetchImpl: (request: Request) => Promise<Response>,
  early: EarlyRefresh | null = null,
) {
  let pending = early;
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: fetchImpl });
  const refreshNow = async (): Promise<string | null> => {
    const { data, response } = await client.POST('/v1/auth/refresh', { body: {} });
    return tokenOf(response.status, data?.accessToken ?? null);
  };
  const transport: SessionTransport = {
    async refresh() {
      const first = pending;
      pending = null;
      if (!first) return refreshNow();
      // It failed on the network: ask again.
      const answer = await first.catch(() => null);
      return answer ? tokenOf(answer.status, answer.accessToken) : refreshNow();
    },
    async logout(accessToken) {
      await client.POST('/v1/auth/logout', {
        body: {},
        headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
      });
    },
  };
  return { client, transport };
}

function tokenOf(status: number, accessToken: string | null): string | null {
  if (status >= 200 && status < 300 && accessToken) return accessToken;
  // No cookie, a spent or revoked one, or a foreign Origin: there is no session to resume.
  if (status === 400 || status === 401 || status === 403) return null;
  throw new Error(`refresh failed with ${status}`);
}
