import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  DAYS,
  minutesToTime,
  normalizeAvailability,
  timeToMinutes,
  validateAvailability,
  type AvailabilityWindow,
  type Day,
} from './availability.js';

const w = (day: Day, start: string, end: string): AvailabilityWindow => ({ day, start, end });

describe('validateAvailability', () => {
  it('accepts valid windows, including an end of 24:00 and an empty list', () => {
    const windows = [w('mon', '09:00', '17:30'), w('sun', '00:00', '24:00'), w('wed', '23:58', '23:59')];
    expect(validateAvailability(windows)).toEqual({ ok: true, value: windows });
    expect(validateAvailability([])).toEqual({ ok: true, value: [] });
  });

  it('returns copies holding only the three fields', () => {
    const input = [w('tue', '10:00', '11:00')];
    const result = validateAvailability(input);
    expect(result.ok && result.value[0]).not.toBe(input[0]);
  });

  it.each([null, undefined, 'mon 09:00-17:00', { day: 'mon', start: '09:00', end: '10:00' }, 7])(
    'rejects %p as not an array',
    (value) => {
      expect(validateAvailability(value)).toEqual({
        ok: false,
        errors: [{ field: 'availability', message: 'must be an array of weekly windows' }],
      });
    },
  );

  it('allows 28 windows and rejects 29', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => w(DAYS[i % 7], `0${i % 4}:00`, `0${i % 4}:30`));
    expect(validateAvailability(many(28)).ok).toBe(true);
    expect(validateAvailability(many(29))).toEqual({
      ok: false,
      errors: [{ field: 'availability', message: 'must contain at most 28 windows' }],
    });
  });

  it.each([
    [{ day: 'monday', start: '09:00', end: '10:00' }, ['availability[0].day']],
    [{ day: 'Mon', start: '09:00', end: '10:00' }, ['availability[0].day']],
    [{ day: 'mon', start: '9:00', end: '10:00' }, ['availability[0].start']],
    [{ day: 'mon', start: '24:00', end: '24:00' }, ['availability[0].start']],
    [{ day: 'mon', start: '09:60', end: '10:00' }, ['availability[0].start']],
    [{ day: 'mon', start: '09:00', end: '24:01' }, ['availability[0].end']],
    [{ day: 'mon', start: '09:00', end: '25:00' }, ['availability[0].end']],
    [{ day: 'mon', start: '09:00:00', end: '10:00' }, ['availability[0].start']],
    [{ day: 'mon', start: 900, end: '10:00' }, ['availability[0].start']],
    [{ day: 'mon', start: '09:00' }, ['availability[0].end']],
    [{ start: '09:00', end: '10:00' }, ['availability[0].day']],
    [{ day: 'mon', start: '10:00', end: '10:00' }, ['availability[0].end']],
    [{ day: 'mon', start: '10:00', end: '09:59' }, ['availability[0].end']],
    [{ day: 'mon', start: '10:00', end: '11:00', tz: 'UTC' }, ['availability[0].tz']],
    [{ day: 'x', start: 'y', end: 'z' }, ['availability[0].day', 'availability[0].start', 'availability[0].end']],
    ['mon 09:00', ['availability[0]']],
    [null, ['availability[0]']],
  ])('rejects %p at %p', (window, fields) => {
    const result = validateAvailability([window]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(fields);
  });

  it('says why end fails when it is not after start', () => {
    expect(validateAvailability([w('fri', '12:00', '08:00')])).toEqual({
      ok: false,
      errors: [{ field: 'availability[0].end', message: 'must be after start' }],
    });
  });

  it('reports every bad window by its index, under a caller-chosen field name', () => {
    const result = validateAvailability(
      [
        w('mon', '09:00', '10:00'),
        w('tue', '11:00', '10:00'),
        w('wed', '09:00', '10:00'),
        { day: 'thu', start: '9', end: '10:00' },
      ],
      'body.availability',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.field)).toEqual(['body.availability[1].end', 'body.availability[3].start']);
    }
  });
});

describe('normalizeAvailability', () => {
  it('merges overlapping and touching windows per day and sorts mon..sun then start', () => {
    const input = [
      w('sun', '08:00', '09:00'),
      w('mon', '13:00', '15:00'),
      w('mon', '09:00', '12:00'),
      w('mon', '11:00', '13:00'),
      w('mon', '18:00', '19:00'),
      w('tue', '22:00', '24:00'),
      w('tue', '21:00', '22:00'),
      w('wed', '10:00', '11:00'),
      w('wed', '10:15', '10:45'),
    ];
    const snapshot = structuredClone(input);
    expect(normalizeAvailability(input)).toEqual([
      w('mon', '09:00', '15:00'),
      w('mon', '18:00', '19:00'),
      w('tue', '21:00', '24:00'),
      w('wed', '10:00', '11:00'),
      w('sun', '08:00', '09:00'),
    ]);
    expect(input).toEqual(snapshot);
  });

  it('keeps windows one minute apart separate and never merges across days', () => {
    expect(
      normalizeAvailability([
        w('mon', '10:01', '11:00'),
        w('mon', '09:00', '10:00'),
        w('tue', '00:00', '01:00'),
        w('mon', '23:00', '24:00'),
      ]),
    ).toEqual([
      w('mon', '09:00', '10:00'),
      w('mon', '10:01', '11:00'),
      w('mon', '23:00', '24:00'),
      w('tue', '00:00', '01:00'),
    ]);
  });

  const windowArb = fc
    .record({
      day: fc.constantFrom(...DAYS),
      start: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 1, max: 1440 }),
    })
    .map(({ day, start, length }) => w(day, minutesToTime(start), minutesToTime(Math.min(1440, start + length))));

  const coveredMinutes = (windows: readonly AvailabilityWindow[]): Set<string> => {
    const out = new Set<string>();
    for (const x of windows) {
      for (let m = timeToMinutes(x.start); m < timeToMinutes(x.end); m++) out.add(`${x.day}@${m}`);
    }
    return out;
  };

  it('covers exactly the same minutes, in sorted, disjoint, non-touching valid windows (property)', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 28 }), (windows) => {
        const normalized = normalizeAvailability(windows);
        expect(validateAvailability(windows).ok).toBe(true);
        expect(validateAvailability(normalized).ok).toBe(true);
        expect(coveredMinutes(normalized)).toEqual(coveredMinutes(windows));
        for (let i = 1; i < normalized.length; i++) {
          const [prev, next] = [normalized[i - 1], normalized[i]];
          const dayOrder = DAYS.indexOf(prev.day) - DAYS.indexOf(next.day);
          expect(dayOrder < 0 || (dayOrder === 0 && timeToMinutes(prev.end) < timeToMinutes(next.start))).toBe(true);
        }
        expect(normalizeAvailability(normalized)).toEqual(normalized);
      }),
      { numRuns: 300 },
    );
  });
});

describe('time helpers', () => {
  it('round-trip every minute of the day and the end-of-day marker', () => {
    for (let m = 0; m <= 1440; m++) expect(timeToMinutes(minutesToTime(m))).toBe(m);
    expect(timeToMinutes('24:00')).toBe(1440);
  });

  it('refuse malformed input', () => {
    expect(() => timeToMinutes('7:00')).toThrow(RangeError);
    expect(() => minutesToTime(1441)).toThrow(RangeError);
    expect(() => minutesToTime(-1)).toThrow(RangeError);
  });
});
