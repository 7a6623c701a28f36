import { CRLF, escapeText, foldLine, formatFloat, formatUtc, quoteParam, sanitizeUri } from './ics-text.js';

export interface IcsVenue {
  name: string;
  address: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
}

export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the meetup; times are written in UTC, which every client converts unambiguously. */
  timezone: string;
  /** 'tentative' for something not yet agreed (a proposed mentorship session). */
  status: 'scheduled' | 'cancelled' | 'tentative';
  online: boolean;
  onlineUrl: string | null;
  venue: IcsVenue | null;
  organizerName?: string;
  updatedAt: Date;
  sequence?: number;
}

export interface RenderCalendarOptions {
  prodId?: string;
  calendarName?: string;
  /** Right-hand side of every UID, so ids stay globally unique and stable across feeds. */
  uidDomain: string;
  /** DTSTAMP of every VEVENT: the moment this calendar object was generated. */
  now: Date;
}

const ICS_STATUS = { scheduled: 'CONFIRMED', cancelled: 'CANCELLED', tentative: 'TENTATIVE' } as const;

export const DEFAULT_PROD_ID = '-//Guildhall//Meetups//EN';

function locationOf(event: IcsEvent): string | null {
  if (event.venue) {
    const { name, address, city, country } = event.venue;
    return [name, address, city, country]
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(', ');
  }
  if (event.online && event.onlineUrl) return sanitizeUri(event.onlineUrl);
  return null;
}

function eventLines(event: IcsEvent, opts: RenderCalendarOptions): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${event.id}@${opts.uidDomain}`)}`,
    `DTSTAMP:${formatUtc(opts.now)}`,
    `DTSTART:${formatUtc(event.startsAt)}`,
    `DTEND:${formatUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
  ];
  const location = locationOf(event);
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (event.venue && Number.isFinite(event.venue.lat) && Number.isFinite(event.venue.lng)) {
    lines.push(`GEO:${formatFloat(event.venue.lat)};${formatFloat(event.venue.lng)}`);
  }
  if (event.online && event.onlineUrl) lines.push(`URL:${sanitizeUri(event.onlineUrl)}`);
  if (event.organizerName) {
    // ORGANIZER must be a cal-address; we hold no organizer e-mail, so a no-reply address of our domain stands in.
    lines.push(`ORGANIZER;CN=${quoteParam(event.organizerName)}:mailto:noreply@${sanitizeUri(opts.uidDomain)}`);
  }
  lines.push(
    `STATUS:${ICS_STATUS[event.status]}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence ?? 0))}`,
    `LAST-MODIFIED:${formatUtc(event.updatedAt)}`,
    'END:VEVENT',
  );
  return lines;
}

/** Renders an RFC 5545 VCALENDAR (METHOD:PUBLISH) with one VEVENT per event, CRLF-terminated and folded. */
export function renderCalendar(events: IcsEvent[], opts: RenderCalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId ?? DEFAULT_PROD_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (opts.calendarName) lines.push(`X-WR-CALNAME:${escapeText(opts.calendarName)}`);
  for (const event of events) lines.push(...eventLines(event, opts));
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
