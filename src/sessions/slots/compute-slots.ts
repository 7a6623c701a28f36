import { mergeIntervals, weeklyUtcIntervals } from '../../matching/scoring/availability-overlap.js';
import { DAY_MS, MINUTE_MS, WEEK_MS } from '../../matching/scoring/timezone.js';
import type { AvailabilityWindow } from '../../matching/scoring/types.js';

/** [start, end) in ms since the epoch. */
export type Span = readonly [start: number, end: number];

export interface SlotPerson {
  readonly availability: readonly AvailabilityWindow[];
  /** IANA zone the availability windows are written in. */
  readonly timezone: string;
  /** Sessions this person already holds (proposed or confirmed), whoever they are with. */
  readonly busy: readonly Span[];
}

export interface SlotQuery {
  /** First instant a slot may start at (ms since the epoch). */
  readonly from: number;
  /** Starts lie in [from, from + days × 24 h). */
  readonly days: number;
  /** Length of the session a slot must hold. */
  readonly minutes: number;
}

export interface Slot {
  readonly startsAt: number;
  readonly endsAt: number;
}

export const SLOT_STEP_MS = 30 * MINUTE_MS;

/**
 * A person's availability as absolute spans covering [from, to). The weekly windows are laid out one real
 * week at a time by weeklyUtcIntervals, which converts each window on its own local date, so a window on
 * either side of a daylight-saving change gets its own offset. Touching spans merge, so a window ending at
 * 24:00 and one starting at 00:00 the next day form one span a session may cross.
 */
export function availabilitySpans(
  person: Pick<SlotPerson, 'availability' | 'timezone'>,
  from: number,
  to: number,
): Span[] {
  const spans: Span[] = [];
  for (let weekStart = from; weekStart < to; weekStart += WEEK_MS) {
    for (const [start, end] of weeklyUtcIntervals(person.availability, person.timezone, weekStart)) {
      const s = weekStart + start * MINUTE_MS;
      const e = Math.min(weekStart + end * MINUTE_MS, to);
      if (e > s) spans.push([s, e]);
    }
  }
  return mergeIntervals(spans);
}

/** Both sorted, merged span lists at once. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (end > start) out.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** `free` (sorted, merged) minus every span of `busy` (any order). */
export function subtractSpans(free: readonly Span[], busy: readonly Span[]): Span[] {
  const taken = mergeIntervals(busy);
  const out: Span[] = [];
  let j = 0;
  for (const [start, end] of free) {
    let cursor = start;
    while (j < taken.length && taken[j][1] <= cursor) j++;
    let k = j;
    while (k < taken.length && taken[k][0] < end) {
      if (taken[k][0] > cursor) out.push([cursor, taken[k][0]]);
      cursor = Math.max(cursor, taken[k][1]);
      k++;
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}

const ceilTo = (t: number, step: number): number => Math.ceil(t / step) * step;

/**
 * Every half-hour start in [from, from + days × 24 h) at which a `minutes`-long session lies wholly inside
 * both people's availability and clashes with neither's sessions. Half hours are counted from the epoch,
 * so they are :00 and :30 in UTC and in every zone whose offset is a whole or half hour.
 */
export function computeSlots(query: SlotQuery, a: SlotPerson, b: SlotPerson): Slot[] {
  const { from, days, minutes } = query;
  const lastStart = from + days * DAY_MS;
  const length = minutes * MINUTE_MS;
  // A slot starting just before the range's end may run past it, so availability reaches that far.
  const to = lastStart + length;
  const free = subtractSpans(intersectSpans(availabilitySpans(a, from, to), availabilitySpans(b, from, to)), [
    ...a.busy,
    ...b.busy,
  ]);
  const slots: Slot[] = [];
  for (const [start, end] of free) {
    for (let s = ceilTo(Math.max(start, from), SLOT_STEP_MS); s + length <= end && s < lastStart; s += SLOT_STEP_MS) {
      slots.push({ startsAt: s, endsAt: s + length });
    }
  }
  return slots;
}
