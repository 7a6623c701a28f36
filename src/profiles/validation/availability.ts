import type { FieldError, ValidationResult } from './validation-result.js';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** A weekly window in the profile's own time zone; `end` may be '24:00', meaning the end of that day. */
export interface AvailabilityWindow {
  day: Day;
  start: string;
  end: string;
}

export const MAX_AVAILABILITY_WINDOWS = 28;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_OF_DAY = '24:00';
const MINUTES_PER_DAY = 24 * 60;
const WINDOW_KEYS = new Set(['day', 'start', 'end']);

function isDay(value: unknown): value is Day {
  return typeof value === 'string' && (DAYS as readonly string[]).includes(value);
}

/** Minutes since midnight for a validated 'HH:MM' (or '24:00'). */
export function timeToMinutes(time: string): number {
  if (time === END_OF_DAY) return MINUTES_PER_DAY;
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function minutesToTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`minutes out of range: ${minutes}`);
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/**
 * Checks a client-supplied availability list. Every problem is reported, each with its own field path
 * (`availability[3].end`), so a client can fix them all in one round.
 */
export function validateAvailability(windows: unknown, field = 'availability'): ValidationResult<AvailabilityWindow[]> {
  if (!Array.isArray(windows)) {
    return { ok: false, errors: [{ field, message: 'must be an array of weekly windows' }] };
  }
  if (windows.length > MAX_AVAILABILITY_WINDOWS) {
    return {
      ok: false,
      errors: [{ field, message: `must contain at most ${MAX_AVAILABILITY_WINDOWS} windows` }],
    };
  }

  const errors: FieldError[] = [];
  const value: AvailabilityWindow[] = [];
  windows.forEach((raw: unknown, index) => {
    const at = `${field}[${index}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ field: at, message: 'must be an object with day, start and end' });
      return;
    }
    const entry = raw as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(entry)) {
      if (!WINDOW_KEYS.has(key)) errors.push({ field: `${at}.${key}`, message: 'is not an accepted field' });
    }
    const { day, start, end } = entry;
    if (!isDay(day)) errors.push({ field: `${at}.day`, message: `must be one of ${DAYS.join(', ')}` });
    const startOk = typeof start === 'string' && TIME.test(start);
    if (!startOk) errors.push({ field: `${at}.start`, message: 'must be a time HH:MM between 00:00 and 23:59' });
    const endOk = typeof end === 'string' && (TIME.test(end) || end === END_OF_DAY);
    if (!endOk) errors.push({ field: `${at}.end`, message: 'must be a time HH:MM between 00:00 and 24:00' });
    if (startOk && endOk && timeToMinutes(end) <= timeToMinutes(start)) {
      errors.push({ field: `${at}.end`, message: 'must be after start' });
    }
    if (errors.length === before) value.push({ day: day as Day, start: start as string, end: end as string });
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * Canonical form of valid windows: overlapping or touching windows on the same day become one, ordered
 * mon..sun and then by start. The input is not modified.
 */
export function normalizeAvailability(windows: readonly AvailabilityWindow[]): AvailabilityWindow[] {
  const sorted = windows
    .map((w) => ({ day: w.day, start: timeToMinutes(w.start), end: timeToMinutes(w.end) }))
    .sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.start - b.start || a.end - b.end);

  const merged: { day: Day; start: number; end: number }[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && last.day === w.day && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged.map((w) => ({ day: w.day, start: minutesToTime(w.start), end: minutesToTime(w.end) }));
}
