import { DAY_MS, MINUTE_MS, WEEK_MS, localToUtc, offsetAt, offsetTableFor } from './timezone.js';
import type { AvailabilityWindow, Day, Interval } from './types.js';

const DAY_INDEX: Readonly<Record<Day, number>> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

interface ParsedWindow {
  readonly day: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

function digit(value: string, index: number): number {
  const code = value.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

function minuteOfDay(value: string, allowEndOfDay: boolean): number {
  if (value.length === 5 && value.charCodeAt(2) === 58) {
    const hours = digit(value, 0) * 10 + digit(value, 1);
    const minutes = digit(value, 3) * 10 + digit(value, 4);
    if (hours < 24 && minutes < 60) return hours * 60 + minutes;
    if (allowEndOfDay && hours === 24 && minutes === 0) return 1440;
  }
  throw new RangeError(`invalid availability time "${value}" (expected HH:MM)`);
}

function parseWindow(window: AvailabilityWindow): ParsedWindow {
  const day = DAY_INDEX[window.day];
  if (day === undefined) throw new RangeError(`invalid availability day "${String(window.day)}"`);
  const startMinute = minuteOfDay(window.start, false);
  const endMinute = minuteOfDay(window.end, true);
  if (endMinute <= startMinute) {
    throw new RangeError(
      `availability window ${window.day} ${window.start}-${window.end} does not end after it starts`,
    );
  }
  return { day, startMinute, endMinute };
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) {
      if (end > last[1]) last[1] = end;
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

/**
 * The weekly windows of a profile, placed on the real calendar week [weekStart, weekStart + 7 days) and
 * expressed in minutes since weekStart, sorted and merged. Each window is converted on its own local date,
 * so a week containing a daylight-saving switch gets the right UTC times on either side of it; a window
 * that crosses midnight UTC, or straddles the week's edges, is split and clipped to the week.
 * Throws RangeError for a malformed window or an unknown zone.
 */
export function weeklyUtcIntervals(
  windows: readonly AvailabilityWindow[],
  timeZone: string,
  weekStart: Date | number,
): Interval[] {
  const parsed = windows.map(parseWindow);
  const table = offsetTableFor(timeZone, +weekStart);
  if (parsed.length === 0) return [];
  const from = +weekStart;
  const to = from + WEEK_MS;
  // One local day either side covers every date whose windows can reach into the week.
  const firstDay = Math.floor((from + offsetAt(table, from)) / DAY_MS) - 1;
  const lastDay = Math.floor((to + offsetAt(table, to)) / DAY_MS) + 1;
  // Day 0 of the epoch, 1970-01-01, was a Thursday (index 3 when Monday is 0).
  const firstWeekday = (((firstDay + 3) % 7) + 7) % 7;
  const intervals: Interval[] = [];
  for (const window of parsed) {
    for (let day = firstDay + ((window.day - firstWeekday + 7) % 7); day <= lastDay; day += 7) {
      const midnight = day * DAY_MS;
      const start = Math.max(localToUtc(table, midnight + window.startMinute * MINUTE_MS), from);
      const end = Math.min(localToUtc(table, midnight + window.endMinute * MINUTE_MS), to);
      if (end > start) intervals.push([(start - from) / MINUTE_MS, (end - from) / MINUTE_MS]);
    }
  }
  return mergeIntervals(intervals);
}

/** Hours covered by both sets of sorted, merged intervals (as returned by weeklyUtcIntervals). */
export function overlapHours(a: readonly Interval[], b: readonly Interval[]): number {
  let minutes = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (end > start) minutes += end - start;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return minutes / 60;
}
