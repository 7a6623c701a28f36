import { describe, it, expect } from '@jest/globals';
import { validateLocation } from './location.js';

const berlin = { city: 'Berlin', country: 'DE', lat: 52.52, lng: 13.405 };

describe('validateLocation', () => {
  it('accepts null, which clears the location', () => {
    expect(validateLocation(null)).toEqual({ ok: true, value: null });
  });

  it('accepts a full location and the extreme coordinates', () => {
    expect(validateLocation(berlin)).toEqual({ ok: true, value: berlin });
    for (const [lat, lng] of [
      [90, 180],
      [-90, -180],
      [0, 0],
    ]) {
      expect(validateLocation({ ...berlin, lat, lng }).ok).toBe(true);
    }
  });

  it('trims the city and counts its length in characters', () => {
    expect(validateLocation({ ...berlin, city: '  Zürich ' })).toEqual({
      ok: true,
      value: { ...berlin, city: 'Zürich' },
    });
    expect(validateLocation({ ...berlin, city: '🏙'.repeat(120) }).ok).toBe(true);
    expect(validateLocation({ ...berlin, city: 'a'.repeat(120) }).ok).toBe(true);
  });

  it.each([undefined, 'Berlin, DE', 42, [berlin]])('rejects %p as not an object', (value) => {
    expect(validateLocation(value)).toEqual({
      ok: false,
      errors: [{ field: 'location', message: 'must be an object { city, country, lat, lng } or null' }],
    });
  });

  it.each([
    [{ ...berlin, city: '' }, 'location.city'],
    [{ ...berlin, city: '   ' }, 'location.city'],
    [{ ...berlin, city: 'a'.repeat(121) }, 'location.city'],
    [{ ...berlin, city: 7 }, 'location.city'],
    [{ ...berlin, country: 'de' }, 'location.country'],
    [{ ...berlin, country: 'DEU' }, 'location.country'],
    [{ ...berlin, country: 'XK' }, 'location.country'],
    [{ ...berlin, lat: 90.0001 }, 'location.lat'],
    [{ ...berlin, lat: -91 }, 'location.lat'],
    [{ ...berlin, lat: '52.5' }, 'location.lat'],
    [{ ...berlin, lat: Number.NaN }, 'location.lat'],
    [{ ...berlin, lng: 180.5 }, 'location.lng'],
    [{ ...berlin, lng: Number.NEGATIVE_INFINITY }, 'location.lng'],
    [{ ...berlin, lng: null }, 'location.lng'],
    [{ ...berlin, zip: '10115' }, 'location.zip'],
  ])('rejects %p at %s', (value, field) => {
    const result = validateLocation(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([field]);
  });

  it('reports every missing field at once, under a caller-chosen name', () => {
    const result = validateLocation({}, 'venue');
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'venue.city', message: 'must be a non-empty string' },
        { field: 'venue.country', message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE' },
        { field: 'venue.lat', message: 'must be a number from -90 to 90' },
        { field: 'venue.lng', message: 'must be a number from -180 to 180' },
      ],
    });
  });
});
