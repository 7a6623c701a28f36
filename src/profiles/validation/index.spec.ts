import { describe, it, expect } from '@jest/globals';
import * as validation from './index.js';

describe('profile validation barrel', () => {
  it('exports every validator', () => {
    expect(Object.keys(validation).sort()).toEqual([
      'DAYS',
      'ISO_3166_1_ALPHA2_CODES',
      'ISO_639_1_CODES',
      'MAX_AVAILABILITY_WINDOWS',
      'MAX_CITY_LENGTH',
      'isCountryCode',
      'isLanguageCode',
      'isValidTimeZone',
      'minutesToTime',
      'normalizeAvailability',
      'timeToMinutes',
      'validateAvailability',
      'validateLocation',
    ]);
  });
});
