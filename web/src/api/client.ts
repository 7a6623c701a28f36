import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { authorizedFetch, Session, type SessionTransport } from './session';

/** The API's schemas, by name, as generated from its OpenAPI document. */
export type Schemas = components['schemas'];

const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;

// Calls to /v1/auth/* go through a client without the refresh-and-retry wrapper: they are what it calls.
const authClient = createClient<paths>({ baseUrl: origin, credentials: 'same-origin' });

const transport: SessionTransport = {
  async refresh() {
    // No body field: the server takes the refresh token from the guildhall_refresh cookie (Origin-checked).
    const { data, response } = await authClient.POST('/v1/auth/refresh', { body: {} });
    if (data) return data.accessToken;
    if (response.status === 401 || response.status === 403) return null;
    throw new Error(`refresh failed with ${response.status}`);
  },
  async logout(accessToken) {
    await authClient.POST('/v1/auth/logout', {
      body: {},
      headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
    });
  },
};

const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('guildhall-session');

export const session = new Session({ transport, locks, channel });

/** The one client of the API: typed from the OpenAPI document, authorised by the session. */
export const api = createClient<paths>({
  baseUrl: origin,
  credentials: 'same-origin',
  fetch: authorizedFetch(session, (request) => fetch(request)),
});

export { authClient };
