// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dayStartUtc, nextDay, parseWallTime, utcToWallTime, wallTimeToUtc } from './wall-time';

describe('wall time', () => {
  it('reads a wall time in the named zone, not the browser’s', () => {
    expect(wallTimeToUtc('2027-01-15 18:30', 'Europe/Berlin')).toBe('2027-01-15T17:30:00.000Z');
    expect(wallTimeToUtc('2027-07-15 18:30', 'Europe/Berlin')).toBe('2027-07-15T16:30:00.000Z');
    expect(wallTimeToUtc('2027-07-15 18:30', 'America/New_York')).toBe('2027-07-15T22:30:00.000Z');
    expect(wallTimeToUtc('2027-07-15 18:30', 'Asia/Kolkata')).toBe('2027-07-15T13:00:00.000Z');
    expect(wallTimeToUtc('2027-07-15 18:30', 'UTC')).toBe('2027-07-15T18:30:00.000Z');
  });

  it('follows DST: a repeated hour is its first occurrence, a skipped hour moves forward', () => {
    // Berlin: 2026-10-25 03:00 CEST → 02:00 CET (02:30 happens twice); 2027-03-28 02:00 → 03:00 (02:30 never).
    expect(wallTimeToUtc('2026-10-25 02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(wallTimeToUtc('2026-10-25 03:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000Z');
    expect(wallTimeToUtc('2027-03-28 02:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z');
    expect(wallTimeToUtc('2027-03-28 01:59', 'Europe/Berlin')).toBe('2027-03-28T00:59:00.000Z');
    expect(wallTimeToUtc('2027-03-28 03:00', 'Europe/Berlin')).toBe('2027-03-28T01:00:00.000Z');
    // New York: 2027-03-14 02:00 EST → 03:00 EDT.
    expect(wallTimeToUtc('2027-03-14 02:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
    expect(wallTimeToUtc('2027-11-07 01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
  });

  it('round-trips an instant through its wall time', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const iso = '2027-04-03T15:45:00.000Z';
      expect(wallTimeToUtc(utcToWallTime(iso, zone), zone)).toBe(iso);
    }
    expect(utcToWallTime('2027-07-15T16:30:00Z', 'Europe/Berlin')).toBe('2027-07-15 18:30:00');
  });

  it('refuses what is not a date and time', () => {
    expect(parseWallTime('2027-02-30 10:00')).toBeNull();
    expect(parseWallTime('2027-02-03 24:00')).toBeNull();
    expect(parseWallTime('2027-02-03')).toBeNull();
    expect(parseWallTime('tomorrow')).toBeNull();
    expect(parseWallTime('2027-2-3 9:05')).toBe('2027-02-03 09:05:00');
    expect(wallTimeToUtc('nonsense', 'UTC')).toBeNull();
  });

  it('finds the start of a day in a zone, and the next day', () => {
    expect(dayStartUtc('2027-07-15', 'Europe/Berlin')).toBe('2027-07-14T22:00:00.000Z');
    expect(nextDay('2027-12-31')).toBe('2028-01-01');
  });
});
