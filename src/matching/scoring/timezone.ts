// UTC offsets come from the runtime's tz data through Intl, never from fixed tables, so daylight-saving
// rules stay current with Node's ICU. formatToParts costs ~10 µs, so each zone's offsets over the days
// around a scored week are resolved once into a small table of transitions and reused by every mentor.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at `instant` (ms since epoch), in ms: local wall clock = instant + offset. */
export function utcOffsetMs(timeZone: string, instant: number): number {
  const t = Math.floor(instant / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(t)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - t;
}

/** Piecewise-constant offsets: offsets[i] holds from starts[i] (starts[0] is -Infinity). */
export interface OffsetTable {
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

// No zone changes offset twice within 12 hours in current tz data, so sampling at this step and
// bisecting between differing samples finds every transition.
const SAMPLE_MS = 12 * 3_600_000;

function buildTable(timeZone: string, from: number, to: number): OffsetTable {
  const starts = [-Infinity];
  const offsets = [utcOffsetMs(timeZone, from)];
  let previousAt = from;
  let previous = offsets[0];
  for (let t = from + SAMPLE_MS; t <= to; t += SAMPLE_MS) {
    const offset = utcOffsetMs(timeZone, t);
    if (offset !== previous) {
      let lo = previousAt;
      let hi = t;
      // tz transitions fall on whole seconds; lo and hi stay second-aligned because `from` is.
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (utcOffsetMs(timeZone, mid) === previous) lo = mid;
        else hi = mid;
      }
      starts.push(hi);
      offsets.push(offset);
    }
    previousAt = t;
    previous = offset;
  }
  return { starts, offsets };
}

const tables = new Map<string, OffsetTable>();
const MAX_TABLES = 2048;

/**
 * Offsets of `timeZone` from two days before to ten days after the UTC day of `around`, which covers every
 * local wall-clock time of the week starting at `around`. Cached per zone and UTC day.
 * Throws RangeError for a zone name the runtime does not know.
 */
export function offsetTableFor(timeZone: string, around: number): OffsetTable {
  const dayIndex = Math.floor(around / DAY_MS);
  const key = `${timeZone}|${dayIndex}`;
  let table = tables.get(key);
  if (table === undefined) {
    if (tables.size >= MAX_TABLES) tables.clear();
    table = buildTable(timeZone, (dayIndex - 2) * DAY_MS, (dayIndex + 10) * DAY_MS);
    tables.set(key, table);
  }
  return table;
}

export function offsetAt(table: OffsetTable, instant: number): number {
  const { starts, offsets } = table;
  for (let i = starts.length - 1; i > 0; i--) {
    if (instant >= starts[i]) return offsets[i];
  }
  return offsets[0];
}

/**
 * The UTC instant of a local wall-clock time (given as ms since epoch "as if UTC"). Resolves like
 * Temporal's 'compatible' disambiguation: a repeated time (fall back) takes the earlier instant, a skipped
 * time (spring forward) moves forward by the gap, so a window keeps its real-time length.
 */
export function localToUtc(table: OffsetTable, wallClock: number): number {
  const { starts, offsets } = table;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < offsets.length; i++) {
    const candidate = wallClock - offsets[i];
    if (candidate < best && offsetAt(table, candidate) === offsets[i]) best = candidate;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  for (let i = 1; i < starts.length; i++) {
    const before = offsets[i - 1];
    const after = offsets[i];
    if (after > before && wallClock >= starts[i] + before && wallClock < starts[i] + after) {
      return wallClock - before;
    }
  }
  return wallClock - offsetAt(table, wallClock);
}
