import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, isDateTime } from './dates.js';

describe('isDateTime', () => {
  it('accepts RFC 3339 date-times with an offset', () => {
    for (const v of [
      '2027-03-15T18:00:00Z',
      '2027-03-15t18:00:00z',
      '2027-03-15T18:00:00.123456789+05:30',
      '2028-02-29T00:00:00-01:00',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      expect([v, isDateTime(v)]).toEqual([v, true]);
    }
  });

  it('refuses impossible, partial and out-of-range date-times', () => {
    for (const v of [
      '2027-02-30T10:00:00Z',
      '2027-02-29T10:00:00Z',
      '2027-04-31T10:00:00Z',
      '2027-13-01T10:00:00Z',
      '2027-03-15T24:00:00Z',
      '2027-03-15T18:60:00Z',
      '2027-03-15T18:00:60Z',
      '2027-03-15T18:00Z',
      '2027-03-15T18:00:00',
      '2027-03-15T18:00:00+0100',
      '2027-03-15T18:00:00+24:00',
      '2027-03-15',
      '10000-01-01T00:00:00Z',
      '+010000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '1970-01-01T00:30:00+01:00',
      '9999-12-31T23:00:00-05:00',
      ' 2027-03-15T18:00:00Z',
      20270315,
      null,
    ]) {
      expect([v, isDateTime(v)]).toEqual([v, false]);
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real days between 1970 and 9999 only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('9999-12-31')).toBe(true);
    for (const v of [
      '2027-02-29',
      '2027-02-30',
      '2027-00-10',
      '0000-01-01',
      '10000-01-01',
      '2027-3-1',
      '2027-03-01T00:00:00Z',
    ]) {
      expect([v, isCalendarDate(v)]).toEqual([v, false]);
    }
  });
});
