import { describe, it, expect } from '@jest/globals';
import { isValidTimeZone } from './timezones.js';

describe('isValidTimeZone', () => {
  it('accepts every zone the runtime lists, and UTC', () => {
    const listed = Intl.supportedValuesOf('timeZone');
    expect(listed.length).toBeGreaterThan(300);
    expect(listed.filter((zone) => !isValidTimeZone(zone))).toEqual([]);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it.each([
    'Etc/UTC',
    'Etc/GMT+5',
    'Europe/Kyiv',
    'Europe/Kiev',
    'America/Argentina/Buenos_Aires',
    'US/Pacific',
    'GMT',
  ])('accepts the IANA name %s even where the runtime list omits it', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each(['Europe/Berlin', 'America/Port-au-Prince', 'Africa/Dar_es_Salaam', 'Asia/Kolkata'])('accepts %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each([
    ['unknown zone', 'Mars/Olympus_Mons'],
    ['empty', ''],
    ['padded', ' UTC'],
    ['lowercase variant of a listed zone', 'utc'],
    ['wrong case of a listed zone', 'europe/berlin'],
    ['upper case of a listed zone', 'EUROPE/BERLIN'],
    ['numeric offset', '+01:00'],
    ['abbreviation that is not a zone', 'CEST'],
    ['very long', `Europe/${'A'.repeat(100)}`],
  ])('rejects %s', (_label, name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });

  it.each([null, undefined, 0, {}, ['UTC']])('rejects the non-string %p', (value) => {
    expect(isValidTimeZone(value)).toBe(false);
  });
});
