// Pure rules of a meetup's shape and of what a change means; no Nest, no database.
import type { FieldError } from '../profiles/validation/validation-result.js';

export const MEETUP_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type MeetupLevel = (typeof MEETUP_LEVELS)[number];

export interface Venue {
  name: string;
  address: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
}

/** The fields that fully describe a meetup as its organizer set it (after a PATCH is merged). */
export interface MeetupFields {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  online: boolean;
  onlineUrl: string | null;
  venue: Venue | null;
  capacity: number;
  skills: string[];
  level: MeetupLevel | null;
}

/**
 * Cross-field rules the per-field validators cannot see: the end after the start, an online meetup has an
 * https link, an in-person one a venue (an online one may have a venue too: hybrid), and no link on an
 * in-person meetup, where it would never be shown as the place.
 */
export function crossFieldErrors(m: MeetupFields): FieldError[] {
  const errors: FieldError[] = [];
  if (!(m.endsAt.getTime() > m.startsAt.getTime()))
    errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
  if (m.online && !m.onlineUrl)
    errors.push({ field: 'onlineUrl', message: 'an online meetup needs an https onlineUrl' });
  if (!m.online && !m.venue) errors.push({ field: 'venue', message: 'an in-person meetup needs a venue' });
  if (!m.online && m.onlineUrl)
    errors.push({ field: 'onlineUrl', message: 'onlineUrl is only for online meetups (set online: true)' });
  return errors;
}

export type NotifiableChange = 'startsAt' | 'endsAt' | 'timezone' | 'online' | 'onlineUrl' | 'venue';

const sameVenue = (a: Venue | null, b: Venue | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.name === b.name &&
    a.address === b.address &&
    a.city === b.city &&
    a.country === b.country &&
    a.lat === b.lat &&
    a.lng === b.lng);

/** The changes of time, place or link that attendees are told about, in a stable order. */
export function notifiableChanges(before: MeetupFields, after: MeetupFields): NotifiableChange[] {
  const changes: NotifiableChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime()) changes.push('startsAt');
  if (before.endsAt.getTime() !== after.endsAt.getTime()) changes.push('endsAt');
  if (before.timezone !== after.timezone) changes.push('timezone');
  if (before.online !== after.online) changes.push('online');
  if ((before.onlineUrl ?? null) !== (after.onlineUrl ?? null)) changes.push('onlineUrl');
  if (!sameVenue(before.venue, after.venue)) changes.push('venue');
  return changes;
}

/** No single outbox event carries more recipients than this; a larger audience gets several events. */
export const RECIPIENTS_PER_EVENT = 1000;

/** Splits recipients so no single event (and no single fan-out job) carries more than `size` of them. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Accepts 'LAT,LNG' with both in range; anything else is null. */
export function parseNear(value: string): { lat: number; lng: number } | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) return null;
  return { lat, lng };
}

/**
 * Reminder fire times: one per offset, `offset` seconds before the start, skipping those already past
 * (a meetup created an hour before it starts gets no day-before reminder).
 */
export function reminderSchedule(
  startsAt: Date,
  offsetsSeconds: readonly number[],
  now: Date,
): { offsetSeconds: number; delayMs: number }[] {
  return offsetsSeconds
    .map((offsetSeconds) => ({ offsetSeconds, delayMs: startsAt.getTime() - offsetSeconds * 1000 - now.getTime() }))
    .filter((r) => r.delayMs > 0);
}

/** Deterministic BullMQ id of one reminder; it names the start time, so moving the meetup yields new ids. */
export const reminderJobId = (meetupId: string, offsetSeconds: number, startsAt: Date): string =>
  `reminder-${meetupId}-${offsetSeconds}-${Math.floor(startsAt.getTime() / 1000)}`;
