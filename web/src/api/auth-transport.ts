import createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { SessionTransport } from './session';

/**
 * The session's calls to /v1/auth/refresh and /v1/auth/logout. They send no refresh token in the body: the
 * server reads the httpOnly guildhall_refresh cookie (and checks the Origin), which the browser attaches.
 */
export function createAuthTransport(baseUrl: string, fetchImpl: (request: Request) => Promise<Response>) {
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: fetchImpl });
  const transport: SessionTransport = {
    async refresh() {
      const { data, response } = await client.POST('/v1/auth/refresh', { body: {} });
      if (data) return data.accessToken;
      // No cookie, a spent or revoked one, or a foreign Origin: there is no session to resume.
      if (response.status === 400 || response.status === 401 || response.status === 403) return null;
      throw new Error(`refresh failed with ${response.status}`);
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
