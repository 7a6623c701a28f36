import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { session } from '../../api/client';
import type { Session } from '../../api/session';
import { subjectQueriesOf } from './subject-queries';
import { unreadCountKey } from './unread-count';

/** What the stream loop needs; the hook passes the app's session and the browser's fetch. */
export interface StreamOptions {
  session: Pick<Session, 'accessToken' | 'refresh'>;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Called with the name of every event (`notification`, `unread`) and its data. */
  onEvent: (name: string, data: string) => void;
  signal: AbortSignal;
  /** ms before the n-th reconnect in a row (n from 1); jittered backoff by default. */
  delay?: (attempt: number) => number;
}

const STREAM_PATH = '/v1/notifications/stream';
const MAX_DELAY_MS = 30_000;

export const backoff = (attempt: number): number =>
  Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt - 1, 5)) * (0.5 + Math.random() / 2);

/**
 * Calls `onEvent` for each complete event in `chunk` appended to `pending`; returns the incomplete rest.
 * Comment lines (the server's heartbeat) and events without a name are skipped.
 */
export function takeEvents(pending: string, chunk: string, onEvent: (name: string, data: string) => void): string {
  const blocks = (pending + chunk).replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const lines = block.split('\n');
    const name = lines
      .find((line) => line.startsWith('event:'))
      ?.slice(6)
      .trim();
    const data = lines
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (name) onEvent(name, data);
  }
  return rest;
}

/** The count an `unread` event carries, or null when its data is not `{ "count": n }`. */
function unreadCountOf(data: string): number | null {
  try {
    const count = (JSON.parse(data) as { count?: unknown }).count;
    return typeof count === 'number' ? count : null;
  } catch {
    return null;
  }
}

/**
 * Reads the notification stream until `signal` aborts: with the session's bearer token (EventSource cannot send
 * one), refreshing it once on a 401 and stopping when the session is gone; reconnecting with backoff when the
 * stream ends or fails (a server restart, a revoked session, the network).
 */
export async function runNotificationStream(options: StreamOptions): Promise<void> {
  const { signal } = options;
  const delay = options.delay ?? backoff;
  let attempt = 0;
  while (!signal.aborted) {
    const token = options.session.accessToken;
    try {
      const response = await options.fetch(STREAM_PATH, {
        headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        cache: 'no-store',
        // Long-lived: it must not compete with what the page loads (nor count as critical to tools that wait for it).
        priority: 'low',
        signal,
      });
      if (response.status === 401) {
        if ((await options.session.refresh(token)) === null) return;
      } else if (response.ok && response.body) {
        attempt = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          pending = takeEvents(pending, value, options.onEvent);
        }
      }
    } catch {
      // Network error or abort: the loop condition decides.
    }
    if (signal.aborted) return;
    attempt += 1;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay(attempt));
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}

/**
 * Keeps the inbox and the unread count live: an `unread` event carries the count, which goes straight into the
 * cache (no request); every event marks the other queries under ['notifications'] stale, so whatever shows them
 * refetches, and a `notification` also marks what it is about (subject-queries.ts): a confirmed session shows on
 * an open mentorship page at once. Mount once, while signed in.
 */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const controller = new AbortController();
    void runNotificationStream({
      session,
      fetch: (input, init) => fetch(input, init),
      signal: controller.signal,
      onEvent: (name, data) => {
        const count = name === 'unread' ? unreadCountOf(data) : null;
        if (count !== null) queryClient.setQueryData(unreadCountKey, { count });
        void queryClient.invalidateQueries({
          queryKey: ['notifications'],
          predicate: (query) => count === null || query.queryKey[1] !== unreadCountKey[1],
        });
        if (name === 'notification')
          for (const queryKey of subjectQueriesOf(data)) void queryClient.invalidateQueries({ queryKey });
      },
    });
    return () => controller.abort();
  }, [queryClient]);
}
