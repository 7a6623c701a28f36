import { dateTimeFormat } from '../../lib/time';

/** A free start, named as its button is: "Mon 7 Dec, 18:00" in the viewer's zone. */
export function slotName(iso: string, timeZone: string, locale?: string): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The local time of day alone: "18:00". */
export function slotTime(iso: string, timeZone: string, locale?: string): string {
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export interface SlotDay<T> {
  /** The calendar date in the zone, YYYY-MM-DD. */
  date: string;
  /** "Monday 7 December". */
  label: string;
  slots: T[];
}

/**
 * Slots grouped by the calendar day they start on in the viewer's zone (not UTC's: an evening in Los Angeles is
 * the next morning in UTC), in the order given.
 */
export function groupByDay<T extends { startsAt: string }>(
  slots: readonly T[],
  timeZone: string,
  locale?: string,
): SlotDay<T>[] {
  const dateOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const labelOf = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  const days: SlotDay<T>[] = [];
  for (const slot of slots) {
    const at = new Date(slot.startsAt);
    const date = dateOf.format(at);
    const last = days.at(-1);
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, label: labelOf.format(at), slots: [slot] });
  }
  return days;
}
