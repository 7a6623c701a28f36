// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isRetrySafe, retryAfterMs, retryWhenBusy } from './busy-retry';

const BASE = 'http://app.test';

const busy = (retryAfter: string | null = '1') =>
  new Response(JSON.stringify({ status: 503, code: 'BUSY' }), {
    status: 503,
    headers: retryAfter === null ? {} : { 'retry-after': retryAfter },
  });
const ok = (body: unknown = { status: 'going', waitlistPosition: null }) =>
  new Response(JSON.stringify(body), { status: 200 });

/** A fetch that answers from a script and records what it was sent; sleeps are recorded, not waited. */
function harness(answers: (() => Response)[]) {
  const sent: { method: string; path: string; body: string }[] = [];
  const slept: number[] = [];
  const fetchImpl = async (request: Request) => {
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: await request.text() });
    return (answers[sent.length - 1] ?? answers[answers.length - 1])();
  };
  const fetch = retryWhenBusy(fetchImpl, {
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
  });
  return { fetch, sent, slept };
}

const rsvp = (id = 'm1') =>
  new Request(`${BASE}/v1/meetups/${id}/rsvp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'going' }),
  });

describe('retryWhenBusy', () => {
  it('retries an RSVP shed with 503 after Retry-After plus jitter, resending the same body', async () => {
    const h = harness([() => busy('2'), () => busy('1'), () => ok()]);
    const res = await h.fetch(rsvp());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'going', waitlistPosition: null });
    expect(h.sent).toHaveLength(3);
    expect(h.sent.every((s) => s.body === '{"status":"going"}')).toBe(true);
    // random() = 1: the most jitter, half the delay again.
    expect(h.slept).toEqual([3000, 1500]);
  });

  it('retries reads, PUT and DELETE', async () => {
    for (const [method, path] of [
      ['GET', '/v1/meetups'],
      ['PUT', '/v1/profiles/me/skills'],
      ['DELETE', '/v1/calendar/feed'],
    ]) {
      const h = harness([() => busy(), () => ok()]);
      expect((await h.fetch(new Request(`${BASE}${path}`, { method }))).status).toBe(200);
      expect(h.sent).toHaveLength(2);
    }
  });

  it('gives up after three retries and hands the last 503 to the caller', async () => {
    const h = harness([() => busy()]);
    const res = await h.fetch(new Request(`${BASE}/v1/meetups`));
    expect(res.status).toBe(503);
    expect(h.sent).toHaveLength(4);
    expect(h.slept).toHaveLength(3);
  });

  it('never resends a POST that creates or transitions something, nor a PATCH', async () => {
    for (const [method, path] of [
      ['POST', '/v1/meetups'],
      ['POST', '/v1/conversations/c1/messages'],
      ['POST', '/v1/mentorship-requests/r1/accept'],
      ['POST', '/v1/auth/refresh'],
      ['POST', '/v1/meetups/m1/rsvp/extra'],
      ['PATCH', '/v1/meetups/m1'],
    ]) {
      const h = harness([() => busy(), () => ok()]);
      expect((await h.fetch(new Request(`${BASE}${path}`, { method, body: '{}' }))).status).toBe(503);
      expect(h.sent).toHaveLength(1);
    }
  });

  it('does not retry a 503 without Retry-After, one asking for too long, or another status', async () => {
    for (const answer of [() => busy(null), () => busy('120'), () => new Response(null, { status: 500 })]) {
      const h = harness([answer, () => ok()]);
      await h.fetch(new Request(`${BASE}/v1/meetups`));
      expect(h.sent).toHaveLength(1);
    }
  });

  it('stops waiting when the request is aborted (a query cancelled by navigation)', async () => {
    const controller = new AbortController();
    let calls = 0;
    const fetch = retryWhenBusy(() => {
      calls++;
      controller.abort(new Error('navigated away'));
      return Promise.resolve(busy());
    });
    await expect(fetch(new Request(`${BASE}/v1/meetups`, { signal: controller.signal }))).rejects.toThrow(
      'navigated away',
    );
    expect(calls).toBe(1);
  });
});

describe('isRetrySafe / retryAfterMs', () => {
  it('allows the idempotent POSTs only', () => {
    expect(isRetrySafe(new Request(`${BASE}/v1/notifications/read-all`, { method: 'POST' }))).toBe(true);
    expect(isRetrySafe(new Request(`${BASE}/v1/notifications/n1/read`, { method: 'POST' }))).toBe(true);
    expect(isRetrySafe(new Request(`${BASE}/v1/conversations/c1/read`, { method: 'POST' }))).toBe(true);
    expect(isRetrySafe(new Request(`${BASE}/v1/reports`, { method: 'POST' }))).toBe(false);
  });

  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs(busy('3'))).toBe(3000);
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(retryAfterMs(busy('Wed, 02 Dec 2026 12:00:05 GMT'), now)).toBe(5000);
    expect(retryAfterMs(busy('soon'))).toBeNull();
  });
});
