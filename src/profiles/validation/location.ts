import { isCountryCode } from './countries.js';
import type { FieldError, ValidationResult } from './validation-result.js';

export interface Location {
  city: string;
  country: string;
  lat: number;
  lng: number;
}

export const MAX_CITY_LENGTH = 120;

const LOCATION_KEYS = new Set(['city', 'country', 'lat', 'lng']);

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/**
 * Checks a profile location: null clears it; otherwise all four fields are required. The city is returned
 * trimmed; its length counts characters (code points), not UTF-16 units.
 */
export function validateLocation(loc: unknown, field = 'location'): ValidationResult<Location | null> {
  if (loc === null) return { ok: true, value: null };
  if (typeof loc !== 'object' || Array.isArray(loc)) {
    return { ok: false, errors: [{ field, message: 'must be an object { city, country, lat, lng } or null' }] };
  }

  const entry = loc as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(entry)) {
    if (!LOCATION_KEYS.has(key)) errors.push({ field: `${field}.${key}`, message: 'is not an accepted field' });
  }

  const { city, country, lat, lng } = entry;
  const trimmedCity = typeof city === 'string' ? city.trim() : '';
  if (typeof city !== 'string' || trimmedCity === '') {
    errors.push({ field: `${field}.city`, message: 'must be a non-empty string' });
  } else if ([...trimmedCity].length > MAX_CITY_LENGTH) {
    errors.push({ field: `${field}.city`, message: `must be at most ${MAX_CITY_LENGTH} characters` });
  }
  if (!isCountryCode(country)) {
    errors.push({ field: `${field}.country`, message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE' });
  }
  if (!inRange(lat, -90, 90)) errors.push({ field: `${field}.lat`, message: 'must be a number from -90 to 90' });
  if (!inRange(lng, -180, 180)) errors.push({ field: `${field}.lng`, message: 'must be a number from -180 to 180' });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { city: trimmedCity, country: country as string, lat: lat as number, lng: lng as number } };
}
