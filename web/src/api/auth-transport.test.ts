// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthTransport, takeEarlyRefresh, type EarlyRefresh } from './auth-transport';

const holder = globalThis as { guildhallSessionStart?: unknown };
afterEach(() => {
  delete holder.guildhallSessionStart;
});

const answer = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('the early refresh (web/public/session-start.js)', () => {
  it('is taken once, and marks the app as started so that a late script stands down', () => {
    const early: EarlyRefresh = Promise.resolve({ status: 200, accessToken: 'a1' });
    holder.guildhallSessionStart = early;
    expect(takeEarlyRefresh()).toBe(early);
    expect(holder.guildhallSessionStart).toBe('app');
    expect(takeEarlyRefresh()).toBeNull();
  });

  it('is nothing when the script has not run, and the app is marked as started all the same', () => {
    expect(takeEarlyRefresh()).toBeNull();
    expect(holder.guildhallSessionStart).toBe('app');
  });

  it('answers the first refresh; later ones reach the server', async () => {
    const fetchImpl = vi.fn(() => answer(200, { accessToken: 'a2' }));
    const { transport } = createAuthTransport(
      'http://app.test',
      fetchImpl,
      Promise.resolve({ status: 200, accessToken: 'a1' }),
    );
    expect(await transport.refresh()).toBe('a1');
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(await transport.refresh()).toBe('a2');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('reads a 401 as signed out, and refreshes itself when the early request failed on the network', async () => {
    const fetchImpl = vi.fn(() => answer(200, { accessToken: 'a3' }));
    const signedOut = createAuthTransport(
      'http://app.test',
      fetchImpl,
      Promise.resolve({ status: 401, accessToken: null }),
    );
    expect(await signedOut.transport.refresh()).toBeNull();
    const offline = createAuthTransport('http://app.test', fetchImpl, Promise.reject(new TypeError('network')));
    expect(await offline.transport.refresh()).toBe('a3');
  });
});
