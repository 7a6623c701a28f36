import type { IcsEvent } from './ical/render-calendar.js';
import type { MeetupFields, MeetupLevel, Venue } from './meetup-rules.js';
import type { RsvpStatus } from './dto/meetup.dto.js';
import type { MeetupView } from './dto/meetup.responses.js';

export interface MeetupRow {
  id: string;
  organizer_id: string | null;
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

/** A meetup's public face for link previews: no online link, no organizer-only counters. */
export interface MeetupPreview {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  timezone: string;
  online: boolean;
  venueName: string | null;
  venueCity: string | null;
  cancelled: boolean;
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

/** The viewer's own RSVP, joined to a meetup row by viewerRsvpJoin. */
export interface ViewerRsvpRow {
  my_status: RsvpStatus | null;
  my_waitlist_position: number | null;
}

export const VIEWER_RSVP_COLUMNS = `my.status AS my_status, my.waitlist_position AS my_waitlist_position`;

/**
 * The viewer's RSVP to meetup `m` with its live waitlist position, one indexed lookup per meetup row (no
 * round trip per row). An anonymous viewer passes NULL and gets no row.
 */
export const viewerRsvpJoin = (viewerParam: string): string => `LEFT JOIN LATERAL (
    SELECT r.status,
           CASE WHEN r.status = 'waitlisted' THEN (
             SELECT count(*)::int FROM meetup_rsvps w
              WHERE w.meetup_id = r.meetup_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)
           END AS waitlist_position
      FROM meetup_rsvps r
     WHERE r.meetup_id = m.id AND r.profile_id = ${viewerParam}::uuid) my ON true`;

/** Only the organizer and members going may see the link (anyone else could pass it on before they RSVP). */
export function seesOnlineUrl(r: Pick<MeetupRow, 'organizer_id'> & ViewerRsvpRow, viewerId: string | null): boolean {
  return viewerId !== null && (r.organizer_id === viewerId || r.my_status === 'going');
}

/** The meetup as `viewerId` (null: anonymous) may see it, with their own RSVP. */
export function toViewerMeetupView(r: MeetupRow & ViewerRsvpRow, viewerId: string | null): MeetupView {
  return {
    ...toMeetupView(r),
    onlineUrl: seesOnlineUrl(r, viewerId) ? r.online_url : null,
    myRsvp: r.my_status ? { status: r.my_status, waitlistPosition: r.my_waitlist_position } : null,
  };
}
