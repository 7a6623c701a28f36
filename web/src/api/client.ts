import createClient from 'openapi-fetch';
import { createAuthTransport, takeEarlyRefresh } from './auth-transport';
import { retryWhenBusy } from './busy-retry';
import { withEarlyAnswers } from './early-answers';
import type { components, paths } from './schema';
import { authorizedFetch, Session, type RefreshCounter } from './session';

/** The API's schemas, by name, as generated from its OpenAPI document. */
export type Schemas = components['schemas'];

const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
const networkFetch = (request: Request) => fetch(request);

// Register, login, refresh and logout go through a client without the refresh-and-retry wrapper.
const auth = createAuthTransport(origin, networkFetch, takeEarlyRefresh());
export const authClient = auth.client;

const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('guildhall-session');

const COUNTER_KEY = 'guildhall-session-refreshes';

/** How many refreshes this origin's tabs have made: a number only, never a token. */
const counter: RefreshCounter | null =
  typeof localStorage === 'undefined'
    ? null
    : {
        get: () => Number(localStorage.getItem(COUNTER_KEY) ?? '0'),
        bump: () => localStorage.setItem(COUNTER_KEY, String(Number(localStorage.getItem(COUNTER_KEY) ?? '0') + 1)),
      };

export const session = new Session({ transport: auth.transport, locks, channel, counter });

/**
 * The one client of the API: typed from the OpenAPI document, authorised by the session; a retry-safe request
 * shed with 503 BUSY is sent again after its Retry-After (busy-retry.ts); the page's first requests may have been
 * sent already, by session-start.js (early-answers.ts).
 */
export const api = createClient<paths>({
  baseUrl: origin,
  credentials: 'same-origin',
  fetch: authorizedFetch(session, retryWhenBusy(withEarlyAnswers(networkFetch))),
});
