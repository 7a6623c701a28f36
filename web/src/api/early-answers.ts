/** One request web/public/session-start.js sent before the app started: its URL (path and query) and answer. */
export interface EarlyAnswer {
  url: string;
  /** The token it was sent with and the response; null when there was no session to send it for. */
  answer: Promise<{ token: string; response: Response } | null>;
}

/** Answers this old are not handed out: the app's first requests come within a few seconds of the page's start. */
const FRESH_FOR_MS = 10_000;

/**
 * Takes what session-start.js left (once, when the app starts) and wraps the network: the app's first GET of an
 * early URL, carrying the very token the early request carried, receives that request's answer instead of
 * sending it again. Each answer serves one request, only while fresh; a failed early request sends it again.
 */
export function withEarlyAnswers(
  fetchImpl: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  const holder = globalThis as { guildhallEarlyAnswers?: EarlyAnswer[] };
  const pending = new Map((holder.guildhallEarlyAnswers ?? []).map((early) => [early.url, early.answer]));
  delete holder.guildhallEarlyAnswers;
  // Answers not taken in time are let go, their bodies unread (the app asked for those URLs differently).
  if (pending.size > 0) {
    setTimeout(() => {
      for (const answer of pending.values())
        void answer.then(
          (early) => early?.response.body?.cancel(),
          () => {},
        );
      pending.clear();
    }, FRESH_FOR_MS);
  }
  return async (request) => {
    if (pending.size === 0 || request.method !== 'GET') return fetchImpl(request);
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    const answer = pending.get(key);
    if (!answer) return fetchImpl(request);
    pending.delete(key);
    const early = await answer.catch(() => null);
    if (!early || request.headers.get('authorization') !== `Bearer ${early.token}`) return fetchImpl(request);
    return early.response;
  };
}
