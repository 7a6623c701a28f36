// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withEarlyAnswers, type EarlyAnswer } from './early-answers';

const holder = globalThis as { guildhallEarlyAnswers?: EarlyAnswer[] };
afterEach(() => {
  delete holder.guildhallEarlyAnswers;
});

const early = (url: string, token: string, body: string): EarlyAnswer => ({
  url,
  answer: Promise.resolve({ token, response: new Response(body) }),
});
const get = (path: string, token: string | null, method = 'GET') =>
  new Request(`http://app.test${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('answers session-start.js fetched before the app started', () => {
  it('serve the first matching GET with the same token, once; later ones reach the network', async () => {
    holder.guildhallEarlyAnswers = [early('/v1/match-suggestions', 't1', 'early')];
    const network = vi.fn(() => Promise.resolve(new Response('network')));
    const send = withEarlyAnswers(network);
    expect(holder.guildhallEarlyAnswers).toBeUndefined();
    expect(await (await send(get('/v1/match-suggestions', 't1'))).text()).toBe('early');
    expect(network).not.toHaveBeenCalled();
    expect(await (await send(get('/v1/match-suggestions', 't1'))).text()).toBe('network');
  });

  it('never serve another token, another URL or method, an answer gone stale, or a failed one', async () => {
    const network = vi.fn(() => Promise.resolve(new Response('network')));
    holder.guildhallEarlyAnswers = [early('/v1/profiles/me', 't1', 'early')];
    expect(await (await withEarlyAnswers(network)(get('/v1/profiles/me', 't2'))).text()).toBe('network');

    holder.guildhallEarlyAnswers = [early('/v1/profiles/me', 't1', 'early')];
    const other = withEarlyAnswers(network);
    expect(await (await other(get('/v1/profiles/me?x=1', 't1'))).text()).toBe('network');
    expect(await (await other(get('/v1/profiles/me', 't1', 'PATCH'))).text()).toBe('network');

    vi.useFakeTimers();
    holder.guildhallEarlyAnswers = [early('/v1/profiles/me', 't1', 'early')];
    const late = withEarlyAnswers(network);
    vi.advanceTimersByTime(10_000);
    vi.useRealTimers();
    expect(await (await late(get('/v1/profiles/me', 't1'))).text()).toBe('network');

    holder.guildhallEarlyAnswers = [
      { url: '/v1/profiles/me', answer: Promise.reject(new Error('offline')) },
      { url: '/v1/match-suggestions', answer: Promise.resolve(null) },
    ];
    holder.guildhallEarlyAnswers[0].answer.catch(() => {});
    const failed = withEarlyAnswers(network);
    expect(await (await failed(get('/v1/profiles/me', 't1'))).text()).toBe('network');
    expect(await (await failed(get('/v1/match-suggestions', 't1'))).text()).toBe('network');
    expect(network).toHaveBeenCalledTimes(6);
  });

  it('leave the network alone when the script left nothing', async () => {
    const network = vi.fn(() => Promise.resolve(new Response('network')));
    expect(await (await withEarlyAnswers(network)(get('/v1/profiles/me', 't1'))).text()).toBe('network');
  });
});
