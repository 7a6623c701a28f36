// Intl.supportedValuesOf lists only the zones the runtime considers canonical (418 on Node 20: no 'UTC', no
// 'Etc/UTC', and 'Europe/Kiev' but not 'Europe/Kyiv'), so names it omits fall back to asking DateTimeFormat.
const IANA_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;
const MAX_NAME_LENGTH = 64;

let known: Set<string> | undefined;
let listedByLowercase: Map<string, string> | undefined;

function knownZones(): Set<string> {
  if (!known) {
    known = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
    listedByLowercase = new Map([...known].map((zone) => [zone.toLowerCase(), zone]));
  }
  return known;
}

function runtimeAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * True for an IANA zone name the runtime can compute with, spelled with its IANA capitalisation.
 * DateTimeFormat also accepts 'utc' or 'EUROPE/BERLIN'; those are refused so stored names stay canonical.
 */
export function isValidTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  const zones = knownZones();
  if (zones.has(name)) return true;
  if (!IANA_SHAPE.test(name) || listedByLowercase?.has(name.toLowerCase())) return false;
  if (!runtimeAccepts(name)) return false;
  // Only accepted names are cached: rejected input is unbounded, accepted names are a finite tz database.
  zones.add(name);
  return true;
}
