/**
 * Retries a request the API shed with 503 and a Retry-After (BUSY under a burst, e.g. a popular meetup
 * opening), after the delay it asked for plus up to 50% jitter so the shed clients do not come back in step.
 * Only requests that are safe to send twice are retried: a 503 does not prove the first attempt changed
 * nothing (a request can commit a write and then be shed waiting for its next connection).
 */

export interface BusyRetryOptions {
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** A longer Retry-After is handed to the caller rather than waited out behind a spinner. */
  maxDelayMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * GET, HEAD and OPTIONS are safe; PUT and DELETE are idempotent in HTTP and ours replace or remove state.
 * PATCH is not retried: HTTP does not make it idempotent, and a client should not lean on how each of ours
 * happens to be written.
 */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * POSTs whose contract is "set to", so a repeat changes nothing: an RSVP with the same status (a member keeps
 * their seat or place in line), and marking notifications or a conversation read. Every other POST creates
 * something (a meetup, message, request, report, session...) or makes a one-way transition (accept, cancel,
 * publish, check in...), where a second attempt after a first that did commit duplicates it or answers 409;
 * the auth endpoints rotate tokens or count failed logins. Those surface the 503 to the user instead.
 */
const IDEMPOTENT_POSTS = [
  /^\/v1\/meetups\/[^/]+\/rsvp$/,
  /^\/v1\/notifications\/read-all$/,
  /^\/v1\/notifications\/[^/]+\/read$/,
  /^\/v1\/conversations\/[^/]+\/read$/,
];

export function isRetrySafe(request: Request): boolean {
  const method = request.method.toUpperCase();
  if (IDEMPOTENT_METHODS.has(method)) return true;
  if (method !== 'POST') return false;
  const path = new URL(request.url).pathname;
  return IDEMPOTENT_POSTS.some((pattern) => pattern.test(path));
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(response: Response, now = Date.now()): number | null {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const abortReason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new DOMException('The request was aborted.', 'AbortError');

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export function retryWhenBusy(
  fetchImpl: (request: Request) => Promise<Response>,
  { maxRetries = 3, maxDelayMs = 10_000, sleep = abortableSleep, random = Math.random }: BusyRetryOptions = {},
) {
  return async (request: Request): Promise<Response> => {
    if (!isRetrySafe(request)) return fetchImpl(request);
    for (let retry = 0; ; retry++) {
      // The body can be read only once; each attempt sends a copy.
      const response = await fetchImpl(request.clone());
      if (response.status !== 503 || retry >= maxRetries) return response;
      const delay = retryAfterMs(response);
      if (delay === null || delay > maxDelayMs) return response;
      await response.body?.cancel();
      await sleep(delay + delay * random() * 0.5, request.signal);
    }
  };
}
