import type { IcsEvent } from '../meetups/ical/render-calendar.js';
import type { SessionStatus, SessionView } from './dto/session.dto.js';

export interface SessionRow {
  id: string;
  mentorship_id: string;
  starts_at: Date;
  ends_at: Date;
  agenda: string | null;
  meeting_url: string | null;
  notes: string | null;
  status: SessionStatus;
  proposed_by: string;
  sequence: number;
  updated_at: Date;
}

export const SESSION_COLUMNS = `s.id, s.mentorship_id, s.starts_at, s.ends_at, s.agenda, s.meeting_url, s.notes,
  s.status, s.proposed_by, s.sequence, s.updated_at`;

export const sessionView = (r: SessionRow): SessionView => ({
  id: r.id,
  mentorshipId: r.mentorship_id,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  durationMinutes: Math.round((r.ends_at.getTime() - r.starts_at.getTime()) / 60000),
  agenda: r.agenda,
  meetingUrl: r.meeting_url,
  notes: r.notes,
  status: r.status,
  proposedBy: r.proposed_by,
  sequence: r.sequence,
  updatedAt: r.updated_at.toISOString(),
});

/** A session as a calendar event; the UID is stable because it is the session id, under its own prefix. */
export function sessionIcsEvent(r: SessionRow, otherName: string): IcsEvent {
  return {
    id: `session-${r.id}`,
    title: `Mentorship session with ${otherName}`,
    description: r.agenda ?? '',
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timezone: 'UTC',
    status: r.status === 'cancelled' ? 'cancelled' : r.status === 'proposed' ? 'tentative' : 'scheduled',
    online: r.meeting_url !== null,
    onlineUrl: r.meeting_url,
    venue: null,
    updatedAt: r.updated_at,
    sequence: r.sequence,
  };
}
