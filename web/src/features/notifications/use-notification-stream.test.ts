import { describe, expect, it, vi } from 'vitest';
import { runNotificationStream, takeEvents } from './use-notification-stream';

function sse(...chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('takeEvents', () => {
  it('names complete events and their data across chunk boundaries and skips comments', () => {
    const seen: string[] = [];
    const take = (n: string, d: string) => seen.push(`${n} ${d}`);
    let rest = takeEvents('', ': connected\n\nevent: unr', take);
    rest = takeEvents(rest, 'ead\ndata: {"count":1}\n\n: keep-alive\r\n\r\nevent: notification\ndata: {}', take);
    expect(seen).toEqual(['unread {"count":1}']);
    takeEvents(rest, '\n\n', take);
    expect(seen).toEqual(['unread {"count":1}', 'notification {}']);
  });
});

describe('runNotificationStream', () => {
  it('sends the bearer token, refreshes on 401, reconnects after the stream ends, stops when aborted', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    let token = 'old';
    const session = {
      get accessToken() {
        return token;
      },
      refresh: vi.fn(() => {
        token = 'new';
        return Promise.resolve(token);
      }),
    };
    const calls: string[] = [];
    const fetch = vi.fn((_input: string, init: RequestInit) => {
      calls.push(new Headers(init.headers).get('authorization') ?? '');
      if (calls.length === 1) return Promise.resolve(new Response(null, { status: 401 }));
      if (calls.length === 3) controller.abort();
      return Promise.resolve(sse('event: unread\ndata: {"count":2}\n\n'));
    });
    await runNotificationStream({
      session,
      fetch,
      onEvent: (n) => events.push(n),
      signal: controller.signal,
      delay: () => 0,
    });
    expect(calls).toEqual(['Bearer old', 'Bearer new', 'Bearer new']);
    expect(session.refresh).toHaveBeenCalledWith('old');
    expect(events.slice(0, 1)).toEqual(['unread']);
  });

  it('stops when the session is gone', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 401 })));
    await runNotificationStream({
      session: { accessToken: 'x', refresh: () => Promise.resolve(null) },
      fetch,
      onEvent: () => undefined,
      signal: new AbortController().signal,
      delay: () => 0,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
