import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Conflict, Forbidden, NotFound } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne, type Queryable } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { AttendeesQuery, RsvpRequest, RsvpStatus } from './dto/meetup.dto.js';
import type { AttendeeView } from './dto/meetup.responses.js';
import { applyRsvp, type RsvpOutcome } from './rsvp-transaction.js';

interface AttendeeRow {
  profile_id: string;
  display_name: string;
  status: RsvpStatus;
  checked_in_at: Date | null;
  rank: number;
  ord: string;
  position: number | null;
}

const toAttendee = (r: AttendeeRow): AttendeeView => ({
  profileId: r.profile_id,
  displayName: r.display_name,
  status: r.status,
  waitlistPosition: r.position,
  checkedInAt: r.checked_in_at ? r.checked_in_at.toISOString() : null,
});

/** (status rank, waitlist order, profile id): see attendees(). */
const ATTENDEES_CURSOR = cursorCodec(cursorField.int(0, 3), cursorField.bigint, cursorField.uuid);

@Injectable()
export class RsvpService {
  constructor(private readonly uow: UnitOfWork) {}

  rsvp(user: AuthUser, meetupId: string, status: RsvpRequest): Promise<RsvpOutcome> {
    return this.uow.statement((db) => applyRsvp(db, meetupId, user.id, status));
  }

  /**
   * The organizer's list: going first, then the waitlist in its order, then interested (not_going only
   * when asked for), keyset-paged on (status rank, waitlist order, profile id).
   */
  async attendees(user: AuthUser, meetupId: string, q: AttendeesQuery): Promise<Page<AttendeeView>> {
    await this.assertOrganizer(this.uow.db, user, meetupId);
    const limit = pageLimit(q);
    const after = ATTENDEES_CURSOR.decode(q.cursor);
    const rows = await sql<AttendeeRow>(
      this.uow.db,
      `SELECT * FROM (
         SELECT r.profile_id, p.display_name, r.status, r.checked_in_at,
                CASE r.status WHEN 'going' THEN 0 WHEN 'waitlisted' THEN 1 WHEN 'interested' THEN 2 ELSE 3 END AS rank,
                coalesce(r.waitlist_seq, 0)::text AS ord,
                CASE WHEN r.status = 'waitlisted' THEN
                  (SELECT count(*)::int FROM meetup_rsvps w
                    WHERE w.meetup_id = r.meetup_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)
                END AS position
           FROM meetup_rsvps r JOIN profiles p ON p.id = r.profile_id
          WHERE r.meetup_id = $1 AND ($2::text IS NULL AND r.status <> 'not_going' OR r.status = $2::text)
       ) a
       WHERE $3::int IS NULL OR (a.rank, a.ord::bigint, a.profile_id) > ($3::int, $4::bigint, $5::uuid)
       ORDER BY a.rank, a.ord::bigint, a.profile_id
       LIMIT $6`,
      [meetupId, q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
    );
    return ATTENDEES_CURSOR.page(rows, limit, toAttendee, (r) => [r.rank, r.ord, r.profile_id]);
  }

  /**
   * Records that a going member arrived. No RSVP at all: 404; an RSVP other than going: 409 NOT_GOING;
   * already checked in: 409 ALREADY_CHECKED_IN; a cancelled meetup: 409 MEETUP_CANCELLED.
   */
  async checkIn(user: AuthUser, meetupId: string, profileId: string): Promise<AttendeeView> {
    return this.uow.run(async (tx) => {
      const meetup = await this.assertOrganizer(tx, user, meetupId);
      if (meetup.status === 'cancelled') throw new Conflict('MEETUP_CANCELLED', 'This meetup was cancelled.');
      const rsvp = await sqlOne<{ status: RsvpStatus; checked_in_at: Date | null; display_name: string }>(
        tx,
        `SELECT r.status, r.checked_in_at, p.display_name
           FROM meetup_rsvps r JOIN profiles p ON p.id = r.profile_id
          WHERE r.meetup_id = $1 AND r.profile_id = $2 FOR UPDATE OF r`,
        [meetupId, profileId],
      );
      if (!rsvp) throw new NotFound('Attendee', 'RSVP_NOT_FOUND');
      if (rsvp.status !== 'going')
        throw new Conflict('NOT_GOING', `Only a going member can check in (this member is ${rsvp.status}).`);
      if (rsvp.checked_in_at) throw new Conflict('ALREADY_CHECKED_IN', 'This member has already checked in.');
      const [row] = await sql<{ checked_in_at: Date }>(
        tx,
        `UPDATE meetup_rsvps SET checked_in_at = now(), updated_at = now() WHERE meetup_id = $1 AND profile_id = $2
         RETURNING checked_in_at`,
        [meetupId, profileId],
      );
      return {
        profileId,
        displayName: rsvp.display_name,
        status: 'going',
        waitlistPosition: null,
        checkedInAt: row.checked_in_at.toISOString(),
      };
    });
  }

  /** The attendee list is the organizer's: others get 403 (the meetup itself is public, so 404 would hide nothing). */
  private async assertOrganizer(db: Queryable, user: AuthUser, meetupId: string): Promise<{ status: string }> {
    const meetup = await sqlOne<{ organizer_id: string; status: string }>(
      db,
      `SELECT organizer_id, status FROM meetups WHERE id = $1`,
      [meetupId],
    );
    if (!meetup) throw new NotFound('Meetup');
    if (meetup.organizer_id !== user.id)
      throw new Forbidden('FORBIDDEN_NOT_ORGANIZER', 'Only the organizer of this meetup may do this.');
    return meetup;
  }
}
