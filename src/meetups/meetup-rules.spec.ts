import { describe, expect, it } from '@jest/globals';
import {
  chunk,
  crossFieldErrors,
  notifiableChanges,
  parseNear,
  reminderJobId,
  reminderSchedule,
  type MeetupFields,
} from './meetup-rules.js';

const base: MeetupFields = {
  title: 'Postgres night',
  description: '',
  startsAt: new Date('2030-01-01T18:00:00Z'),
  endsAt: new Date('2030-01-01T20:00:00Z'),
  timezone: 'Europe/Berlin',
  online: false,
  onlineUrl: null,
  venue: { name: 'Hall', address: 'Street 1', city: 'Berlin', country: 'DE', lat: 52.5, lng: 13.4 },
  capacity: 10,
  skills: ['postgresql'],
  level: null,
};

describe('crossFieldErrors', () => {
  it('accepts a valid in-person, online and hybrid meetup', () => {
    expect(crossFieldErrors(base)).toEqual([]);
    expect(crossFieldErrors({ ...base, online: true, onlineUrl: 'https://x.test', venue: null })).toEqual([]);
    expect(crossFieldErrors({ ...base, online: true, onlineUrl: 'https://x.test' })).toEqual([]);
  });

  it('needs the end after the start (equal is refused)', () => {
    expect(crossFieldErrors({ ...base, endsAt: base.startsAt }).map((e) => e.field)).toEqual(['endsAt']);
    expect(crossFieldErrors({ ...base, endsAt: new Date('2030-01-01T17:00:00Z') }).map((e) => e.field)).toEqual([
      'endsAt',
    ]);
  });

  it('needs a link online, a venue in person, and no link in person', () => {
    expect(crossFieldErrors({ ...base, online: true, venue: null }).map((e) => e.field)).toEqual(['onlineUrl']);
    expect(crossFieldErrors({ ...base, venue: null }).map((e) => e.field)).toEqual(['venue']);
    expect(crossFieldErrors({ ...base, onlineUrl: 'https://x.test' }).map((e) => e.field)).toEqual(['onlineUrl']);
  });
});

describe('notifiableChanges', () => {
  it('lists time, place and link changes and ignores the rest', () => {
    expect(notifiableChanges(base, { ...base, title: 'x', capacity: 99, skills: [] })).toEqual([]);
    expect(notifiableChanges(base, { ...base, startsAt: new Date('2030-01-01T17:00:00Z') })).toEqual(['startsAt']);
    expect(notifiableChanges(base, { ...base, venue: { ...base.venue!, lat: 52.6 } })).toEqual(['venue']);
    expect(notifiableChanges(base, { ...base, online: true, onlineUrl: 'https://x.test', venue: null })).toEqual([
      'online',
      'onlineUrl',
      'venue',
    ]);
  });

  it('treats an equal venue object as unchanged', () => {
    expect(notifiableChanges(base, { ...base, venue: { ...base.venue! } })).toEqual([]);
  });
});

describe('chunk', () => {
  it('splits into groups of at most n, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(
      chunk(
        Array.from({ length: 2500 }, (_, i) => i),
        1000,
      ).map((c) => c.length),
    ).toEqual([1000, 1000, 500]);
  });
});

describe('parseNear', () => {
  it.each([
    ['52.52,13.40', { lat: 52.52, lng: 13.4 }],
    [' -33.9 , 151.2 ', { lat: -33.9, lng: 151.2 }],
    ['90,-180', { lat: 90, lng: -180 }],
  ])('parses %s', (input, expected) => expect(parseNear(input)).toEqual(expected));

  it.each(['', '52.5', '91,0', '0,181', 'a,b', '1e2,3', '52.5;13.4', '52.5,13.4,1'])('refuses %p', (input) =>
    expect(parseNear(input)).toBeNull(),
  );
});

describe('reminders', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  it('schedules each offset before the start and skips those already past', () => {
    expect(reminderSchedule(base.startsAt, [86400, 3600], now)).toEqual([
      { offsetSeconds: 3600, delayMs: 5 * 3600_000 },
    ]);
  });

  it('names a job by meetup, offset and start second, so a moved meetup gets new ids', () => {
    const id = 'a0b1c2d3-0000-4000-8000-000000000002';
    expect(reminderJobId(id, 3600, base.startsAt)).toBe(`reminder-${id}-3600-${base.startsAt.getTime() / 1000}`);
    expect(reminderJobId(id, 3600, base.startsAt)).not.toBe(
      reminderJobId(id, 3600, new Date(base.startsAt.getTime() + 60_000)),
    );
    expect(reminderJobId(id, 3600, base.startsAt)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
