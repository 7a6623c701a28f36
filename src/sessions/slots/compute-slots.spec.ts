import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AvailabilityWindow, Day } from '../../matching/scoring/types.js';
import { referenceSlots } from './reference-slots.js';
import { computeSlots, subtractSpans, type SlotPerson } from './compute-slots.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number): string => new Date(t).toISOString();
const person = (timezone: string, availability: AvailabilityWindow[], busy: [string, string][] = []): SlotPerson => ({
  timezone,
  availability,
  busy: busy.map(([s, e]) => [at(s), at(e)] as const),
});
const starts = (slots: { startsAt: number }[]): string[] => slots.map((s) => iso(s.startsAt));

describe('computeSlots', () => {
  it('intersects two zones and steps by half hours, a session wholly inside', () => {
    // Berlin (UTC+1 in January) 09:00-12:00 = 08:00-11:00Z; New York (UTC-5) 05:00-07:00 = 10:00-12:00Z.
    const a = person('Europe/Berlin', [{ day: 'mon', start: '09:00', end: '12:00' }]);
    const b = person('America/New_York', [{ day: 'mon', start: '05:00', end: '07:00' }]);
    const slots = computeSlots({ from: at('2027-01-04T00:00:00Z'), days: 1, minutes: 30 }, a, b);
    expect(starts(slots)).toEqual(['2027-01-04T10:00:00.000Z', '2027-01-04T10:30:00.000Z']);
    expect(iso(slots[1].endsAt)).toBe('2027-01-04T11:00:00.000Z');
  });

  it('reads a window on the day after a spring-forward change at the new offset', () => {
    // Berlin moves to UTC+2 on Sunday 2027-03-28: Saturday 10:00 is 09:00Z, Monday 10:00 is 08:00Z.
    const a = person('Europe/Berlin', [
      { day: 'sat', start: '10:00', end: '11:00' },
      { day: 'mon', start: '10:00', end: '11:00' },
    ]);
    const b = person('UTC', [
      { day: 'sat', start: '00:00', end: '24:00' },
      { day: 'mon', start: '00:00', end: '24:00' },
    ]);
    const slots = computeSlots({ from: at('2027-03-27T00:00:00Z'), days: 3, minutes: 60 }, a, b);
    expect(starts(slots)).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
  });

  it('keeps the real-time length of a window that crosses the spring-forward gap', () => {
    // Sunday 2027-03-28 01:00-04:00 Berlin: 01:00 is 00:00Z (UTC+1), 04:00 is 02:00Z (UTC+2): two real hours.
    const a = person('Europe/Berlin', [{ day: 'sun', start: '01:00', end: '04:00' }]);
    const b = person('UTC', [{ day: 'sun', start: '00:00', end: '24:00' }]);
    const slots = computeSlots({ from: at('2027-03-28T00:00:00Z'), days: 1, minutes: 120 }, a, b);
    expect(starts(slots)).toEqual(['2027-03-28T00:00:00.000Z']);
  });

  it('lets a window cross the fall-back change and lengthen by the repeated hour', () => {
    // Sunday 2027-10-31 00:00-04:00 Berlin: 00:00 is 22:00Z Saturday (UTC+2), 04:00 is 03:00Z (UTC+1): five hours.
    const a = person('Europe/Berlin', [{ day: 'sun', start: '00:00', end: '04:00' }]);
    const b = person('UTC', [
      { day: 'sat', start: '00:00', end: '24:00' },
      { day: 'sun', start: '00:00', end: '24:00' },
    ]);
    const slots = computeSlots({ from: at('2027-10-30T00:00:00Z'), days: 2, minutes: 300 }, a, b);
    expect(starts(slots)).toEqual(['2027-10-30T22:00:00.000Z']);
  });

  it('removes starts that clash with either person’s sessions but allows touching ones', () => {
    const all = [{ day: 'tue' as Day, start: '09:00', end: '12:00' }];
    const a = person('UTC', all, [['2027-01-05T09:30:00Z', '2027-01-05T10:00:00Z']]);
    const b = person('UTC', all, [['2027-01-05T11:00:00Z', '2027-01-05T11:30:00Z']]);
    const slots = computeSlots({ from: at('2027-01-05T00:00:00Z'), days: 1, minutes: 60 }, a, b);
    expect(starts(slots)).toEqual(['2027-01-05T10:00:00.000Z']);
  });

  it('rounds `from` up to the half hour and lets a late start run past the range', () => {
    const all = [{ day: 'wed' as Day, start: '00:00', end: '24:00' }];
    const slots = computeSlots(
      { from: at('2027-01-06T22:10:00Z'), days: 1, minutes: 60 },
      person('UTC', all),
      person('UTC', all),
    );
    // Starts stop before Thu 22:10; Thursday has no window, so the last one ends at Thursday 00:00.
    expect(starts(slots)).toEqual(['2027-01-06T22:30:00.000Z', '2027-01-06T23:00:00.000Z']);
  });

  it('joins a window ending at 24:00 with one starting at 00:00 the next day', () => {
    const a = person('UTC', [
      { day: 'fri', start: '23:00', end: '24:00' },
      { day: 'sat', start: '00:00', end: '01:00' },
    ]);
    const b = person('UTC', [
      { day: 'fri', start: '00:00', end: '24:00' },
      { day: 'sat', start: '00:00', end: '24:00' },
    ]);
    const slots = computeSlots({ from: at('2027-01-08T00:00:00Z'), days: 1, minutes: 120 }, a, b);
    expect(starts(slots)).toEqual(['2027-01-08T23:00:00.000Z']);
  });

  it('answers nothing when one side has no windows', () => {
    const slots = computeSlots(
      { from: at('2027-01-04T00:00:00Z'), days: 28, minutes: 60 },
      person('UTC', []),
      person('UTC', [{ day: 'mon', start: '00:00', end: '24:00' }]),
    );
    expect(slots).toEqual([]);
  });
});

describe('subtractSpans', () => {
  it('cuts busy spans out of free ones', () => {
    expect(
      subtractSpans(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [5, 22],
          [25, 26],
          [-5, 1],
        ],
      ),
    ).toEqual([
      [1, 5],
      [22, 25],
      [26, 30],
    ]);
  });
});

// Zones with DST (north and south), half- and quarter-hour offsets and a 30-minute DST shift.
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Auckland',
];
// Instants a day or two before DST changes in those zones, so the 1-3 day ranges cross them.
const ANCHORS = [
  '2027-03-13T00:00:00Z',
  '2027-03-27T00:00:00Z',
  '2027-04-03T00:00:00Z',
  '2027-10-02T00:00:00Z',
  '2027-10-30T00:00:00Z',
  '2027-11-06T00:00:00Z',
  '2027-09-25T00:00:00Z',
].map(at);
const DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const pad = (n: number) => String(n).padStart(2, '0');
const time = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

const windowArb = fc
  .record({
    day: fc.constantFrom(...DAYS),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 48 }),
  })
  .map(({ day, start, length }) => ({
    day,
    start: time(start * 15),
    end: time(Math.min(start * 15 + length * 15, 1440)),
  }))
  .filter((w) => w.start !== w.end);

const personArb = (anchor: number) =>
  fc.record({
    timezone: fc.constantFrom(...ZONES),
    availability: fc.array(windowArb, { maxLength: 6 }),
    busy: fc.array(
      fc
        .record({ at: fc.integer({ min: 0, max: 4 * 96 }), length: fc.integer({ min: 1, max: 12 }) })
        .map(({ at: q, length }) => [anchor + q * 900_000, anchor + (q + length) * 900_000] as const),
      { maxLength: 3 },
    ),
  });

describe('computeSlots property', () => {
  it('equals a minute-by-minute brute force across DST changes and odd offsets', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...ANCHORS)
          .chain((anchor) =>
            fc.tuple(
              fc.constant(anchor),
              fc.integer({ min: 0, max: 95 }),
              fc.integer({ min: 1, max: 2 }),
              fc.constantFrom(15, 30, 45, 60, 90, 180),
              personArb(anchor),
              personArb(anchor),
            ),
          ),
        ([anchor, offsetQuarter, days, minutes, a, b]) => {
          const query = { from: anchor + offsetQuarter * 900_000 + 7 * 60_000, days, minutes };
          expect(computeSlots(query, a, b)).toEqual(referenceSlots(query, a, b));
        },
      ),
      { numRuns: 100 },
    );
  });
});
