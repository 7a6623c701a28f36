import { describe, it, expect } from '@jest/globals';
import { ISO_3166_1_ALPHA2_CODES, isCountryCode } from './countries.js';

describe('ISO 3166-1 alpha-2 country codes', () => {
  it('holds all 249 assigned codes, uppercase', () => {
    expect(ISO_3166_1_ALPHA2_CODES.size).toBe(249);
    for (const code of ISO_3166_1_ALPHA2_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('has a CLDR region name for every code', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    expect([...ISO_3166_1_ALPHA2_CODES].filter((code) => names.of(code) === undefined)).toEqual([]);
  });

  it.each(['DE', 'US', 'GB', 'AX', 'SS', 'BQ', 'CW', 'SX', 'ZW'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['de', 'De', 'UK', 'XK', 'EU', 'AN', 'DEU', 'D', '', ' DE'])('rejects %p', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });

  it.each([null, undefined, 49, { code: 'DE' }])('rejects the non-string %p', (value) => {
    expect(isCountryCode(value)).toBe(false);
  });
});
