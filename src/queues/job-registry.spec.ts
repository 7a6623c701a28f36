import { describe, expect, it } from '@jest/globals';
import { UnrecoverableError, type Job } from 'bullmq';
import { EXPECTED_JOBS, JobRegistry } from './job-registry.js';
import { QUEUES } from './queue-names.js';

const job = (name: string, data: unknown) => ({ name, data, id: '1' }) as unknown as Job;

describe('JobRegistry', () => {
  it('reports every expected command job that has no handler', () => {
    const r = new JobRegistry();
    const expected = Object.entries(EXPECTED_JOBS).flatMap(([q, names]) => names.map((n) => `${q}:${n}`));
    expect(r.missingHandlers()).toEqual(expected);
    for (const [q, names] of Object.entries(EXPECTED_JOBS)) {
      for (const n of names) r.register(q as keyof typeof EXPECTED_JOBS, n, () => Promise.resolve(undefined));
    }
    expect(r.missingHandlers()).toEqual([]);
  });

  it('dispatches by name, runs every subscriber of an event, and ignores events nobody subscribes to', async () => {
    const r = new JobRegistry();
    const seen: string[] = [];
    r.onEvent('meetup.cancelled', (e) => Promise.resolve(seen.push(`a:${e.eventId}`)));
    r.onEvent('meetup.cancelled', (e) => Promise.resolve(seen.push(`b:${e.eventId}`)));
    const event = { eventId: 'e1', type: 'meetup.cancelled', payload: {}, createdAt: '' };
    await r.dispatch(QUEUES.events, job('meetup.cancelled', event));
    expect(seen).toEqual(['a:e1', 'b:e1']);
    await expect(
      r.dispatch(QUEUES.events, job('meetup.updated', { ...event, type: 'meetup.updated' })),
    ).resolves.toBeNull();
  });

  it('fails a command job with no handler, and a malformed payload, without retries', async () => {
    const r = new JobRegistry();
    await expect(r.dispatch(QUEUES.timers, job('nope', {}))).rejects.toBeInstanceOf(UnrecoverableError);
    r.register(
      QUEUES.timers,
      'typed',
      () => Promise.resolve('ran'),
      (d): d is { id: string } => typeof (d as { id?: unknown }).id === 'string',
    );
    await expect(r.dispatch(QUEUES.timers, job('typed', { id: 1 }))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(r.dispatch(QUEUES.timers, job('typed', { id: 'x' }))).resolves.toBe('ran');
    r.onEvent('suggestions.ready', () => Promise.resolve('ok'));
    await expect(r.dispatch(QUEUES.events, job('suggestions.ready', { nope: true }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });

  it('skips only the subscriber whose payload guard rejects an event; the others still run', async () => {
    const r = new JobRegistry();
    const ran: string[] = [];
    r.onEvent(
      'meetup.updated',
      () => Promise.resolve(ran.push('strict')),
      (p): p is { meetupId: string } => typeof (p as { meetupId?: unknown }).meetupId === 'string',
    );
    r.onEvent('meetup.updated', () => Promise.resolve(ran.push('lenient')));
    await r.dispatch(
      QUEUES.events,
      job('meetup.updated', { eventId: 'e', type: 'meetup.updated', payload: { other: 1 }, createdAt: '' }),
    );
    expect(ran).toEqual(['lenient']);
  });
});
