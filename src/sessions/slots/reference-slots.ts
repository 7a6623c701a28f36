// A minute-by-minute reference for computeSlots (the property test's oracle and the benchmark's baseline) that
// shares none of its code: each minute is tested against every window of the three local dates around it,
// converting wall-clock times with Intl directly. Far too slow to serve requests; simple enough to trust.
import { utcOffsetMs } from '../../matching/scoring/timezone.js';
import type { AvailabilityWindow } from '../../matching/scoring/types.js';
import type { Slot, SlotPerson, SlotQuery } from './compute-slots.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const hhmm = (v: string): number => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5));

/**
 * Wall-clock ms ("as if UTC") to an instant, by the 'compatible' rule: of the instants showing that wall
 * time take the earlier; when none does (a spring-forward gap), shift forward by the gap.
 */
const resolved = new Map<string, number>();

function wallToInstant(zone: string, wall: number): number {
  const key = `${zone}|${wall}`;
  let instant = resolved.get(key);
  if (instant === undefined) {
    instant = resolveWall(zone, wall);
    resolved.set(key, instant);
  }
  return instant;
}

function resolveWall(zone: string, wall: number): number {
  const before = utcOffsetMs(zone, wall - DAY);
  const after = utcOffsetMs(zone, wall + DAY);
  const candidates = [wall - before, wall - after].filter((t) => utcOffsetMs(zone, t) === wall - t);
  if (candidates.length) return Math.min(...candidates);
  return wall - before;
}

function availableAt(windows: readonly AvailabilityWindow[], zone: string, t: number): boolean {
  const localDay = Math.floor((t + utcOffsetMs(zone, t)) / DAY);
  for (let day = localDay - 1; day <= localDay + 1; day++) {
    const name = DAY_NAMES[(((day + 4) % 7) + 7) % 7];
    for (const w of windows) {
      if (w.day !== name) continue;
      const start = wallToInstant(zone, day * DAY + hhmm(w.start) * MINUTE);
      const end = wallToInstant(zone, day * DAY + hhmm(w.end) * MINUTE);
      if (t >= start && t < end) return true;
    }
  }
  return false;
}

export function referenceSlots(query: SlotQuery, a: SlotPerson, b: SlotPerson): Slot[] {
  const { from, days, minutes } = query;
  const first = Math.ceil(from / MINUTE) * MINUTE;
  const end = from + days * DAY + minutes * MINUTE;
  const free = new Map<number, boolean>();
  for (let t = first; t < end; t += MINUTE) {
    const busy = [...a.busy, ...b.busy].some(([s, e]) => t < e && t + MINUTE > s);
    free.set(t, !busy && availableAt(a.availability, a.timezone, t) && availableAt(b.availability, b.timezone, t));
  }
  const slots: Slot[] = [];
  for (let s = Math.ceil(from / (30 * MINUTE)) * 30 * MINUTE; s < from + days * DAY; s += 30 * MINUTE) {
    let fits = true;
    for (let t = s; t < s + minutes * MINUTE && fits; t += MINUTE) fits = free.get(t) === true;
    if (fits) slots.push({ startsAt: s, endsAt: s + minutes * MINUTE });
  }
  return slots;
}
