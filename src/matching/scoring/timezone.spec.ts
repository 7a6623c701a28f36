import { describe, expect, it } from '@jest/globals';
import { localToUtc, offsetTableFor, utcOffsetMs } from './timezone.js';

const HOUR = 3_600_000;
const utc = (iso: string): number => Date.parse(iso);
// A local wall-clock time written as if it were UTC, which is how localToUtc takes it.
const wall = (isoWithoutZone: string): number => Date.parse(`${isoWithoutZone}Z`);

describe('utcOffsetMs', () => {
  it('follows the US switch on 2027-03-14 at 02:00 EST (07:00 UTC)', () => {
    expect(utcOffsetMs('America/New_York', utc('2027-03-14T06:59:59Z'))).toBe(-5 * HOUR);
    expect(utcOffsetMs('America/New_York', utc('2027-03-14T07:00:00Z'))).toBe(-4 * HOUR);
  });

  it('follows the EU switch on 2027-03-28 at 01:00 UTC', () => {
    expect(utcOffsetMs('Europe/London', utc('2027-03-28T00:59:59Z'))).toBe(0);
    expect(utcOffsetMs('Europe/London', utc('2027-03-28T01:00:00Z'))).toBe(HOUR);
  });

  it('handles offsets that are not whole hours', () => {
    expect(utcOffsetMs('Asia/Kathmandu', utc('2027-06-01T00:00:00Z'))).toBe(5.75 * HOUR);
  });

  it('rejects an unknown zone', () => {
    expect(() => utcOffsetMs('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});

describe('offsetTableFor', () => {
  it('finds the exact instant of a transition', () => {
    const table = offsetTableFor('America/New_York', utc('2027-03-10T12:00:00Z'));
    expect(table.starts.slice(1)).toEqual([utc('2027-03-14T07:00:00Z')]);
    expect(table.offsets).toEqual([-5 * HOUR, -4 * HOUR]);
  });

  it('has a single segment for a zone without daylight saving', () => {
    const table = offsetTableFor('Asia/Tokyo', utc('2027-03-10T12:00:00Z'));
    expect(table.offsets).toEqual([9 * HOUR]);
  });
});

describe('localToUtc', () => {
  const spring = offsetTableFor('America/New_York', utc('2027-03-10T00:00:00Z'));
  const autumn = offsetTableFor('America/New_York', utc('2027-11-03T00:00:00Z'));

  it('converts ordinary times on either side of the switch', () => {
    expect(localToUtc(spring, wall('2027-03-13T09:00:00'))).toBe(utc('2027-03-13T14:00:00Z'));
    expect(localToUtc(spring, wall('2027-03-15T09:00:00'))).toBe(utc('2027-03-15T13:00:00Z'));
  });

  it('moves a skipped time forward by the gap (02:30 does not exist on 2027-03-14)', () => {
    expect(localToUtc(spring, wall('2027-03-14T02:30:00'))).toBe(utc('2027-03-14T07:30:00Z'));
    expect(localToUtc(spring, wall('2027-03-14T02:00:00'))).toBe(utc('2027-03-14T07:00:00Z'));
    expect(localToUtc(spring, wall('2027-03-14T03:00:00'))).toBe(utc('2027-03-14T07:00:00Z'));
  });

  it('takes the earlier instant of a repeated time (01:30 happens twice on 2027-11-07)', () => {
    expect(localToUtc(autumn, wall('2027-11-07T01:30:00'))).toBe(utc('2027-11-07T05:30:00Z'));
    expect(localToUtc(autumn, wall('2027-11-07T02:00:00'))).toBe(utc('2027-11-07T07:00:00Z'));
  });
});
