// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthTransport } from './auth-transport';
import { authorizedFetch, Session, type ChannelLike, type LockManagerLike, type RefreshCounter } from './session';

const BASE = 'http://app.test';

/**
 * The API as one browser sees it: a single cookie jar shared by every tab, refresh tokens that rotate and are
 * spent on use (presenting a spent one is the reuse the real server punishes by revoking the family), and access
 * tokens that stay valid until the test expires them.
 */
class FakeApi {
  cookie: string | null = 'refresh-0';
  private current: string | null = 'refresh-0';
  private readonly spent = new Set<string>();
  private readonly validAccess = new Set<string>();
  private issued = 0;
  refreshCalls = 0;
  inFlight = 0;
  maxInFlight = 0;
  reusedSpentToken = false;

  expireAccessTokens() {
    this.validAccess.clear();
  }

  isValid(accessToken: string | null) {
    return accessToken !== null && this.validAccess.has(accessToken);
  }

  fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === '/v1/auth/refresh') return this.refresh(request);
    if (path === '/v1/auth/logout') {
      this.cookie = null;
      this.current = null;
      return new Response(null, { status: 204 });
    }
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? null;
    if (!this.isValid(token)) return json(401, { title: 'Unauthorized', status: 401, code: 'UNAUTHENTICATED' });
    return json(200, { path, body: request.method === 'POST' ? await request.text() : null });
  };

  private async refresh(request: Request): Promise<Response> {
    this.refreshCalls += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // The browser attaches the cookie when the request leaves, not when the answer comes back.
    const presented = this.cookie;
    expect(await request.text()).toBe('{}');
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.inFlight -= 1;
    if (presented === null || presented !== this.current) {
      if (presented !== null && this.spent.has(presented)) this.reusedSpentToken = true;
      return json(401, { title: 'Unauthorized', status: 401 });
    }
    this.spent.add(presented);
    this.issued += 1;
    this.current = `refresh-${this.issued}`;
    this.cookie = this.current;
    const accessToken = `access-${this.issued}`;
    this.validAccess.add(accessToken);
    return json(200, { accessToken, expiresIn: 900 });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** navigator.locks for one origin: exclusive, granted in request order. */
function fakeLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(callback, callback);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

const channels: ChannelLike[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

let channelCount = 0;

/** Tabs of one browser: one cookie jar (the FakeApi), one lock manager, one channel name, one localStorage. */
function browser(tabs: number) {
  const server = new FakeApi();
  const locks = fakeLocks();
  const name = `guildhall-session-test-${(channelCount += 1)}`;
  let refreshes = 0;
  const counter: RefreshCounter = { get: () => refreshes, bump: () => void (refreshes += 1) };
  const sessions = Array.from({ length: tabs }, () => {
    const channel = new BroadcastChannel(name) as unknown as ChannelLike;
    channels.push(channel);
    const { transport } = createAuthTransport(BASE, server.fetch);
    return new Session({ transport, locks, channel, counter });
  });
  return { server, sessions };
}

/** Lets BroadcastChannel deliver what was posted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Session', () => {
  it('resumes a session from the refresh cookie on load', async () => {
    const { server, sessions } = browser(1);
    const [tab] = sessions;
    expect(tab.getStatus()).toBe('unknown');
    const token = await tab.refresh();
    expect(token).toBe('access-1');
    expect(tab.getStatus()).toBe('signed-in');
    expect(server.cookie).toBe('refresh-1');
  });

  it('is signed out without notifying anyone when there is no cookie', async () => {
    const { server, sessions } = browser(1);
    server.cookie = null;
    const [tab] = sessions;
    const signedOut = vi.fn();
    tab.onSignedOut(signedOut);
    expect(await tab.refresh()).toBeNull();
    expect(tab.getStatus()).toBe('signed-out');
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('refreshes once on a 401 and retries every request that failed with the new token', async () => {
    const { server, sessions } = browser(1);
    const [tab] = sessions;
    await tab.refresh();
    server.expireAccessTokens();
    const call = authorizedFetch(tab, server.fetch);
    const answers = await Promise.all(
      ['/v1/me', '/v1/profiles/me', '/v1/mentorships'].map((path) => call(new Request(`${BASE}${path}`))),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(server.refreshCalls).toBe(2);
    expect(tab.accessToken).toBe('access-2');
  });

  it('retries a POST with its body intact', async () => {
    const { server, sessions } = browser(1);
    const [tab] = sessions;
    await tab.refresh();
    server.expireAccessTokens();
    const answer = await authorizedFetch(
      tab,
      server.fetch,
    )(
      new Request(`${BASE}/v1/mentorship-requests`, {
        method: 'POST',
        body: JSON.stringify({ message: 'hello' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ body: '{"message":"hello"}' });
  });

  it('gives up after one retry when the session is gone', async () => {
    const { server, sessions } = browser(1);
    const [tab] = sessions;
    await tab.refresh();
    server.expireAccessTokens();
    server.cookie = null;
    const answer = await authorizedFetch(tab, server.fetch)(new Request(`${BASE}/v1/me`));
    expect(answer.status).toBe(401);
    expect(tab.getStatus()).toBe('signed-out');
  });

  it('never lets two tabs refresh at once, and never presents a spent cookie', async () => {
    const { server, sessions } = browser(2);
    const [a, b] = sessions;
    const [tokenA, tokenB] = await Promise.all([a.refresh(), b.refresh()]);
    expect(server.maxInFlight).toBe(1);
    expect(server.reusedSpentToken).toBe(false);
    expect(server.isValid(tokenA)).toBe(true);
    expect(server.isValid(tokenB)).toBe(true);
  });

  it('lets many tabs that wake up together on a 401 share one refresh', async () => {
    const { server, sessions } = browser(3);
    await sessions[0].refresh();
    await settle();
    server.expireAccessTokens();
    const before = server.refreshCalls;
    const answers = await Promise.all(
      sessions.map((tab) => authorizedFetch(tab, server.fetch)(new Request(`${BASE}/v1/me`))),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(server.reusedSpentToken).toBe(false);
    expect(server.maxInFlight).toBe(1);
    // The first tab refreshes; the others find its token broadcast when their turn at the lock comes.
    expect(server.refreshCalls - before).toBe(1);
  });

  it('hands a fresh token to the other tabs, which then skip their own refresh', async () => {
    const { server, sessions } = browser(2);
    const [a, b] = sessions;
    await a.refresh();
    await settle();
    expect(b.getStatus()).toBe('signed-in');
    expect(b.accessToken).toBe('access-1');
    const calls = server.refreshCalls;
    // B's request was rejected with an older token: the session already holds a newer one.
    expect(await b.refresh('access-0')).toBe('access-1');
    expect(server.refreshCalls).toBe(calls);
  });

  it('signs every tab out when one signs out', async () => {
    const { server, sessions } = browser(2);
    const [a, b] = sessions;
    await a.refresh();
    await settle();
    const bSignedOut = vi.fn();
    b.onSignedOut(bSignedOut);
    await a.signOut();
    await settle();
    expect(server.cookie).toBeNull();
    expect(a.getStatus()).toBe('signed-out');
    expect(a.accessToken).toBeNull();
    expect(b.getStatus()).toBe('signed-out');
    expect(b.accessToken).toBeNull();
    expect(bSignedOut).toHaveBeenCalledTimes(1);
  });

  it('tells every tab why the session ended: a deleted account, an expired session', async () => {
    const { sessions } = browser(2);
    const [a, b] = sessions;
    await a.refresh();
    await settle();
    const aEnded = vi.fn();
    const bEnded = vi.fn();
    a.onSignedOut(aEnded);
    b.onSignedOut(bEnded);
    expect(a.signOutReason).toBeNull();
    await a.signOut('account-deleted');
    await settle();
    expect(aEnded).toHaveBeenCalledWith('account-deleted');
    expect(bEnded).toHaveBeenCalledWith('account-deleted');
    expect(a.signOutReason).toBe('account-deleted');
    expect(b.signOutReason).toBe('account-deleted');

    // A session the server no longer knows (the cookie is gone) ends as expired, not as a sign-out.
    const other = browser(1);
    const [c] = other.sessions;
    await c.refresh();
    other.server.cookie = null;
    const cEnded = vi.fn();
    c.onSignedOut(cEnded);
    expect(await c.refresh('access-1')).toBeNull();
    expect(c.signOutReason).toBe('expired');
    expect(cEnded).toHaveBeenCalledWith('expired');
  });
});
