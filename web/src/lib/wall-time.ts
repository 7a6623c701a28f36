/**
 * Wall-clock times in a named IANA zone ("2027-03-28 18:30" in Europe/Berlin) and the UTC instants they
 * denote. A meetup's form is read in the meetup's zone, not the browser's, so the browser's own Date parsing
 * (always in its local zone) cannot be used.
 */

const WALL = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in the zone. */
function fieldsAt(utcMs: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at the instant, in milliseconds (Berlin in winter: +3 600 000). */
function offsetAt(utcMs: number, timeZone: string): number {
  const f = fieldsAt(utcMs, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2027-3-5 9:05" → "2027-03-05 09:05:00", or null when it is not a real date and time. */
export function parseWallTime(text: string): string | null {
  const m = WALL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/**
 * The UTC instant (ISO-8601, "Z") that a wall-clock time in the zone denotes. Across a DST change it follows
 * the usual calendar convention: a repeated hour (autumn) means its first occurrence; a skipped hour (spring)
 * is read with the offset before the change, so 02:30 on the spring-forward night becomes 03:30.
 */
export function wallTimeToUtc(wall: string, timeZone: string): string | null {
  const canonical = parseWallTime(wall);
  if (!canonical) return null;
  const [date, time] = canonical.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const DAY = 86_400_000;
  // At most one change within a day either side: the offsets before and after it are the only candidates.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const valid = [before, after]
    .map((offset) => local - offset)
    .filter((utc) => offsetAt(utc, timeZone) === local - utc)
    .sort((a, b) => a - b);
  const utc = valid[0] ?? local - before;
  return new Date(utc).toISOString();
}

/** The wall-clock time of an instant in the zone: "2027-03-28 18:30:00". */
export function utcToWallTime(iso: string, timeZone: string): string {
  const f = fieldsAt(new Date(iso).getTime(), timeZone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** The instant a calendar day (YYYY-MM-DD) begins in the zone, for date filters read in the viewer's zone. */
export function dayStartUtc(date: string, timeZone: string): string | null {
  return wallTimeToUtc(`${date} 00:00`, timeZone);
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
