import type { IcsEvent } from './ical/render-calendar.js';
import type { MeetupFields, MeetupLevel, Venue } from './meetup-rules.js';
import type { MeetupView } from './dto/meetup.responses.js';

export interface MeetupRow {
  id: string;
  organizer_id: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  online: boolean;
  online_url: string | null;
  venue_name: string | null;
  venue_address: string | null;
  venue_city: string | null;
  venue_country: string | null;
  lat: number | null;
  lng: number | null;
  capacity: number;
  level: MeetupLevel | null;
  status: 'scheduled' | 'cancelled';
  going_count: number;
  waitlist_count: number;
  sequence: number;
  updated_at: Date;
  skills: string[];
}

/** The select list every meetup read shares (alias `m`); skills keep the order the organizer gave. */
export const MEETUP_COLUMNS = `m.id, m.organizer_id, m.title, m.description, m.starts_at, m.ends_at, m.timezone,
  m.online, m.online_url,
  m.venue_name, m.venue_address, m.venue_city, m.venue_country, m.lat, m.lng, m.capacity, m.level, m.status,
  m.going_count, m.waitlist_count, m.sequence, m.updated_at,
  ARRAY(SELECT ms.skill FROM meetup_skills ms WHERE ms.meetup_id = m.id ORDER BY ms.position) AS skills`;

export function venueOf(r: MeetupRow): Venue | null {
  if (r.lat === null || r.lng === null) return null;
  return {
    name: r.venue_name ?? '',
    address: r.venue_address ?? '',
    city: r.venue_city ?? '',
    country: r.venue_country ?? '',
    lat: r.lat,
    lng: r.lng,
  };
}

export function toMeetupView(r: MeetupRow): MeetupView {
  return {
    id: r.id,
    organizerId: r.organizer_id,
    ...fieldsOf(r),
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
    goingCount: r.going_count,
    waitlistCount: r.waitlist_count,
  };
}

export function fieldsOf(r: MeetupRow): MeetupFields {
  return {
    title: r.title,
    description: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timezone: r.timezone,
    online: r.online,
    onlineUrl: r.online_url,
    venue: venueOf(r),
    capacity: r.capacity,
    skills: r.skills,
    level: r.level,
  };
}

export function toIcsEvent(r: MeetupRow, organizerName?: string): IcsEvent {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timezone: r.timezone,
    status: r.status,
    online: r.online,
    onlineUrl: r.online_url,
    venue: venueOf(r),
    organizerName,
    updatedAt: r.updated_at,
    sequence: r.sequence,
  };
}
