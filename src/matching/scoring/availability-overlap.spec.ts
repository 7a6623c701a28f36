import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mergeIntervals, overlapHours, weeklyUtcIntervals } from './availability-overlap.js';
import type { AvailabilityWindow, Day, Interval } from './types.js';

const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const at = (iso: string): Date => new Date(iso);
const weekdays = (start: string, end: string): AvailabilityWindow[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));
const totalHours = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, [start, end]) => sum + end - start, 0) / 60;

describe('weeklyUtcIntervals', () => {
  it('places UTC windows as minutes since the week start, merged', () => {
    const windows: AvailabilityWindow[] = [
      { day: 'mon', start: '09:00', end: '11:00' },
      { day: 'mon', start: '10:30', end: '12:00' },
      { day: 'tue', start: '00:00', end: '24:00' },
    ];
    expect(weeklyUtcIntervals(windows, 'UTC', at('2027-03-01T00:00:00Z'))).toEqual([
      [540, 720],
      [1440, 2880],
    ]);
  });

  it('counts each window once per week wherever `now` falls, clipping at both ends', () => {
    // now = Wed 2027-03-03 15:30Z: this Wednesday's 15:00-17:00 keeps 15:30-17:00, next Wednesday's keeps 15:00-15:30.
    const intervals = weeklyUtcIntervals(
      [{ day: 'wed', start: '15:00', end: '17:00' }],
      'UTC',
      at('2027-03-03T15:30:00Z'),
    );
    expect(intervals).toEqual([
      [0, 90],
      [10050, 10080],
    ]);
    expect(totalHours(intervals)).toBe(2);
  });

  it('splits a window that crosses midnight once in UTC', () => {
    // Tokyo is UTC+9: Monday 06:00-10:00 is Sunday 21:00Z to Monday 01:00Z. From Mon 2027-03-01 00:00Z the
    // week holds the end of Monday 1st's window (00:00-01:00Z) and the start of Monday 8th's (Sun 7th 21:00-24:00Z).
    const tokyo = weeklyUtcIntervals(
      [{ day: 'mon', start: '06:00', end: '10:00' }],
      'Asia/Tokyo',
      at('2027-03-01T00:00:00Z'),
    );
    expect(tokyo).toEqual([
      [0, 60],
      [9900, 10080],
    ]);
    const londonSundayNight = weeklyUtcIntervals(
      [{ day: 'sun', start: '22:00', end: '24:00' }],
      'UTC',
      at('2027-03-01T00:00:00Z'),
    );
    expect(overlapHours(tokyo, londonSundayNight)).toBe(2);
  });

  it('gives a window on the US spring-forward day its real length', () => {
    // Sun 2027-03-14 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z: two real hours (02:00-03:00 does not exist).
    const intervals = weeklyUtcIntervals(
      [{ day: 'sun', start: '01:00', end: '04:00' }],
      'America/New_York',
      at('2027-03-08T00:00:00Z'),
    );
    expect(intervals).toEqual([[6 * 1440 + 360, 6 * 1440 + 480]]);
  });

  it('gives a window on the US fall-back day its real length', () => {
    // Sun 2027-11-07 01:00 EDT = 05:00Z; 04:00 EST = 09:00Z: four real hours (01:00-02:00 happens twice).
    const intervals = weeklyUtcIntervals(
      [{ day: 'sun', start: '01:00', end: '04:00' }],
      'America/New_York',
      at('2027-11-01T00:00:00Z'),
    );
    expect(intervals).toEqual([[6 * 1440 + 300, 6 * 1440 + 540]]);
  });

  it('handles 30- and 45-minute offsets', () => {
    // Kathmandu is UTC+5:45: Monday 09:00-10:00 is 03:15-04:15Z.
    expect(
      weeklyUtcIntervals([{ day: 'mon', start: '09:00', end: '10:00' }], 'Asia/Kathmandu', at('2027-03-01T00:00:00Z')),
    ).toEqual([[195, 255]]);
  });

  it('returns nothing for no windows', () => {
    expect(weeklyUtcIntervals([], 'Europe/Paris', at('2027-03-01T00:00:00Z'))).toEqual([]);
  });

  it('rejects malformed windows and unknown zones', () => {
    const now = at('2027-03-01T00:00:00Z');
    expect(() => weeklyUtcIntervals([{ day: 'mon', start: '10:00', end: '10:00' }], 'UTC', now)).toThrow(RangeError);
    expect(() => weeklyUtcIntervals([{ day: 'mon', start: '9:00', end: '10:00' }], 'UTC', now)).toThrow(RangeError);
    expect(() => weeklyUtcIntervals([{ day: 'mon', start: '1a:00', end: '10:00' }], 'UTC', now)).toThrow(RangeError);
    expect(() => weeklyUtcIntervals([{ day: 'mon', start: '09:00', end: '10:60' }], 'UTC', now)).toThrow(RangeError);
    expect(() => weeklyUtcIntervals([{ day: 'mon', start: '24:00', end: '24:00' }], 'UTC', now)).toThrow(RangeError);
    expect(() => weeklyUtcIntervals([{ day: 'mon', start: '10:00', end: '25:00' }], 'UTC', now)).toThrow(RangeError);
    expect(() => weeklyUtcIntervals([{ day: 'xyz' as Day, start: '10:00', end: '11:00' }], 'UTC', now)).toThrow(
      RangeError,
    );
    expect(() => weeklyUtcIntervals([], 'Nowhere/Atlantis', now)).toThrow(RangeError);
  });

  it('keeps the total length in zones without daylight saving, wherever the week starts', () => {
    const windowArb = fc
      .record({
        day: fc.constantFrom(...DAYS),
        start: fc.integer({ min: 0, max: 1439 }),
        length: fc.integer({ min: 1, max: 1440 }),
      })
      .map(({ day, start, length }) => ({ day, start, end: Math.min(1440, start + length) }));
    const hhmm = (minute: number): string =>
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.array(windowArb, { maxLength: 8 }),
        fc.constantFrom('UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Phoenix', 'Pacific/Kiritimati'),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (raw, zone, now) => {
          const windows = raw.map((w) => ({ day: w.day, start: hhmm(w.start), end: hhmm(w.end) }));
          // Without offset changes the UTC week is the local week rotated, so the union keeps its length.
          const expected = mergeIntervals(
            raw.map((w) => {
              const dayStart = DAYS.indexOf(w.day) * 1440;
              return [dayStart + w.start, dayStart + w.end] as const;
            }),
          );
          const intervals = weeklyUtcIntervals(windows, zone, now);
          expect(totalHours(intervals)).toBeCloseTo(totalHours(expected), 9);
          for (const [start, end] of intervals) {
            expect(start).toBeGreaterThanOrEqual(0);
            expect(end).toBeLessThanOrEqual(10080);
            expect(end).toBeGreaterThan(start);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('New York learner and London mentor around the March 2027 switches', () => {
  // Learner: Mon-Fri 09:00-12:00 New York. Mentor: Mon-Fri 16:00-18:00 London.
  // US switches Sun 14 March, EU Sun 28 March; in between New York is only 4 h behind London.
  const learner = weekdays('09:00', '12:00');
  const mentor = weekdays('16:00', '18:00');
  const hoursFrom = (now: string): number =>
    overlapHours(
      weeklyUtcIntervals(learner, 'America/New_York', at(now)),
      weeklyUtcIntervals(mentor, 'Europe/London', at(now)),
    );

  it('both on standard time: 14:00-17:00Z vs 16:00-18:00Z, 1 h x 5 days', () => {
    expect(hoursFrom('2027-03-01T00:00:00Z')).toBe(5);
  });

  it('only New York on summer time: 13:00-16:00Z vs 16:00-18:00Z, nothing', () => {
    expect(hoursFrom('2027-03-15T00:00:00Z')).toBe(0);
    expect(hoursFrom('2027-03-22T00:00:00Z')).toBe(0);
  });

  it('both on summer time: 13:00-16:00Z vs 15:00-17:00Z, 1 h x 5 days', () => {
    expect(hoursFrom('2027-03-29T00:00:00Z')).toBe(5);
  });

  it('week containing the US switch: Thu 11 and Fri 12 overlap, Mon 15 to Wed 17 do not', () => {
    expect(hoursFrom('2027-03-11T00:00:00Z')).toBe(2);
  });

  it('week containing the EU switch: Thu 25 and Fri 26 do not overlap, Mon 29 to Wed 31 do', () => {
    expect(hoursFrom('2027-03-25T00:00:00Z')).toBe(3);
  });
});

describe('overlapHours', () => {
  it('sums the intersections of two interval lists', () => {
    const a: Interval[] = [
      [0, 60],
      [120, 240],
      [600, 700],
    ];
    const b: Interval[] = [
      [30, 150],
      [200, 620],
    ];
    // 30 + 30 + 40 + 20 minutes
    expect(overlapHours(a, b)).toBe(2);
    expect(overlapHours(b, a)).toBe(2);
    expect(overlapHours(a, [])).toBe(0);
  });
});
