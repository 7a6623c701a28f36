/**
 * The browser session. The access token lives only in this object's memory; the refresh token is the httpOnly
 * `guildhall_refresh` cookie, which script never sees. Refreshing rotates that cookie and the server revokes the
 * whole session family when a spent token is presented twice, so every tab of the origin must refresh one at a
 * time: a Web Lock serialises the refresh across tabs, and the fresh access token is handed to the other tabs
 * over a BroadcastChannel so that a tab which was waiting for the lock can use it instead of refreshing again
 * (a shared refresh counter tells it that such a token is on its way).
 */

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

/**
 * Why the session ended: the person signed out (here or in another tab), the session expired or was revoked, or
 * the account was deleted (which leads to the public home page rather than the sign-in form).
 */
export type SignOutReason = 'signed-out' | 'expired' | 'account-deleted';

/** The part of `navigator.locks` the session uses. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The part of `BroadcastChannel` the session uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** How the session reaches the auth endpoints; the app passes calls of the typed client. */
export interface SessionTransport {
  /** POST /v1/auth/refresh with the cookie; the new access token, or null when there is no valid session. */
  refresh(): Promise<string | null>;
  /** POST /v1/auth/logout with the cookie (clears it server-side). */
  logout(accessToken: string | null): Promise<void>;
}

/**
 * A counter shared by the origin's tabs (localStorage in the browser; it never holds a token): bumped by every
 * successful refresh, so a tab that gets the lock can tell that another tab refreshed while it waited, even when
 * that tab's broadcast has not arrived yet.
 */
export interface RefreshCounter {
  get(): number;
  bump(): void;
}

export interface SessionOptions {
  transport: SessionTransport;
  locks?: LockManagerLike | null;
  channel?: ChannelLike | null;
  counter?: RefreshCounter | null;
  /** How long a tab waits for another tab's broadcast token before refreshing itself. */
  broadcastWaitMs?: number;
}

type SessionMessage = { type: 'token'; token: string } | { type: 'signed-out'; reason?: SignOutReason };

const LOCK_NAME = 'guildhall-session-refresh';

function isSessionMessage(value: unknown): value is SessionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; token?: unknown };
  return (message.type === 'token' && typeof message.token === 'string') || message.type === 'signed-out';
}

function isReason(value: unknown): value is SignOutReason {
  return value === 'signed-out' || value === 'expired' || value === 'account-deleted';
}

export class Session {
  private token: string | null = null;
  private status: SessionStatus = 'unknown';
  /** Bumped whenever the token changes, so a caller that waited for the lock can tell someone refreshed. */
  private generation = 0;
  private inFlight: Promise<string | null> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly signOutListeners = new Set<(reason: SignOutReason) => void>();
  private endedBy: SignOutReason | null = null;

  constructor(private readonly options: SessionOptions) {
    options.channel?.addEventListener('message', (event) => this.receive(event.data));
  }

  get accessToken(): string | null {
    return this.token;
  }

  getStatus = (): SessionStatus => this.status;

  /** Why the last session ended; null while signed in or before any session. */
  get signOutReason(): SignOutReason | null {
    return this.status === 'signed-out' ? this.endedBy : null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called when this tab or another one signs out (clear caches, leave private pages). */
  onSignedOut(listener: (reason: SignOutReason) => void): () => void {
    this.signOutListeners.add(listener);
    return () => this.signOutListeners.delete(listener);
  }

  /** After register or login: the answer's access token (the cookie was set by the same answer). */
  signIn(token: string): void {
    this.set(token, 'signed-in');
    this.post({ type: 'token', token });
  }

  /**
   * A fresh access token, or null when the session is gone. `staleToken` is the token a request was rejected
   * with: when the session already holds another one, that one is returned without refreshing.
   */
  refresh(staleToken?: string | null): Promise<string | null> {
    if (staleToken !== undefined && this.token !== null && this.token !== staleToken) {
      return Promise.resolve(this.token);
    }
    // One refresh per tab at a time: concurrent 401s share it.
    this.inFlight ??= this.refreshAcrossTabs().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  async signOut(reason: SignOutReason = 'signed-out'): Promise<void> {
    const token = this.token;
    try {
      await this.options.transport.logout(token);
    } finally {
      this.end(reason);
      this.post({ type: 'signed-out', reason });
      this.notifySignedOut(reason);
    }
  }

  private async refreshAcrossTabs(): Promise<string | null> {
    const seen = this.generation;
    const counter = this.options.counter ?? null;
    const refreshesSeen = counter?.get() ?? 0;
    const run = async (): Promise<string | null> => {
      // Another tab refreshed while this one waited for the lock: use the token it broadcast. Its message may
      // still be on the way, so wait for it a little. (Refreshing again would be safe, the cookie was rotated,
      // but it costs a round trip per tab.)
      if (counter && counter.get() !== refreshesSeen && this.generation === seen) await this.changeAfter(seen);
      if (this.generation !== seen && this.token !== null) return this.token;
      let token: string | null;
      try {
        token = await this.options.transport.refresh();
      } catch {
        // Offline or the server is down: keep whatever state we had, the next request will try again.
        return this.token;
      }
      if (token === null) {
        const wasSignedIn = this.status === 'signed-in';
        this.end('expired');
        if (wasSignedIn) this.notifySignedOut('expired');
        return null;
      }
      counter?.bump();
      this.set(token, 'signed-in');
      this.post({ type: 'token', token });
      return token;
    };
    const locks = this.options.locks;
    return locks ? locks.request(LOCK_NAME, run) : run();
  }

  /** Resolves when the token changes after `generation`, or after broadcastWaitMs. */
  private changeAfter(generation: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, this.options.broadcastWaitMs ?? 1000);
      const unsubscribe = this.subscribe(() => {
        if (this.generation !== generation) done();
      });
    });
  }

  private receive(data: unknown): void {
    if (!isSessionMessage(data)) return;
    if (data.type === 'token') {
      this.set(data.token, 'signed-in');
    } else if (this.status !== 'signed-out') {
      const reason = isReason(data.reason) ? data.reason : 'signed-out';
      this.end(reason);
      this.notifySignedOut(reason);
    }
  }

  private end(reason: SignOutReason): void {
    this.endedBy = reason;
    this.set(null, 'signed-out');
  }

  private set(token: string | null, status: SessionStatus): void {
    const changed = token !== this.token || status !== this.status;
    this.token = token;
    this.status = status;
    this.generation += 1;
    if (changed) for (const listener of this.listeners) listener();
  }

  private post(message: SessionMessage): void {
    this.options.channel?.postMessage(message);
  }

  private notifySignedOut(reason: SignOutReason): void {
    for (const listener of this.signOutListeners) listener(reason);
  }
}

/**
 * A fetch that sends the session's bearer token and, on a 401, refreshes once (shared with every other request
 * that failed at the same time) and retries with the new token.
 */
export function authorizedFetch(session: Session, fetchImpl: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    // The body can be read only once; keep a copy for the retry.
    const retry = request.clone();
    const token = session.accessToken;
    const response = await fetchImpl(withBearer(request, token));
    if (response.status !== 401 || isAuthEndpoint(request.url)) return response;
    const fresh = await session.refresh(token);
    if (fresh === null) return response;
    return fetchImpl(withBearer(retry, fresh));
  };
}

function withBearer(request: Request, token: string | null): Request {
  if (token === null) return request;
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

function isAuthEndpoint(url: string): boolean {
  return new URL(url).pathname.startsWith('/v1/auth/');
}
