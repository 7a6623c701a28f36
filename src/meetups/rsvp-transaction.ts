// The RSVP and waitlist statements (server-side functions since migration 1700000020000). Shared by
// RsvpService, the organizer's capacity change and bench/meetups.bench.ts.
import { Conflict, NotFound, type DomainError } from '../common/errors/domain-error.js';
import { sql, sqlOne, type Queryable } from '../database/sql.js';
import type { Tx } from '../database/unit-of-work.js';
import type { RsvpRequest, RsvpStatus } from './dto/meetup.dto.js';

export interface RsvpOutcome {
  status: RsvpStatus;
  waitlistPosition: number | null;
}

export async function waitlistPosition(tx: Tx, meetupId: string, seq: string): Promise<number> {
  const row = await sqlOne<{ n: number }>(
    tx,
    `SELECT count(*)::int AS n FROM meetup_rsvps WHERE meetup_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
    [meetupId, seq],
  );
  return row?.n ?? 0;
}

/**
 * Moves up to `seats` of the earliest waitlisted members to going (FIFO by waitlist_seq), keeps both
 * counters equal to the rows and writes one `meetup.promoted` event per promoted member, all in
 * meetup_promote_waitlist (the RSVP function shares it). Call it with the meetup locked.
 */
export async function promoteWaitlist(tx: Tx, meetupId: string, seats: number): Promise<string[]> {
  if (seats <= 0) return [];
  const rows = await sql<{ id: string }>(tx, `SELECT meetup_promote_waitlist($1, $2) AS id`, [meetupId, seats]);
  return rows.map((r) => r.id);
}

const REFUSALS: Record<string, () => DomainError> = {
  NOT_FOUND: () => new NotFound('Meetup'),
  MEETUP_CANCELLED: () => new Conflict('MEETUP_CANCELLED', 'This meetup was cancelled.'),
  MEETUP_FINISHED: () => new Conflict('MEETUP_FINISHED', 'This meetup has already ended.'),
};

/**
 * One RSVP under the meetup's row lock, as one statement (the meetup_rsvp function): `going` takes a free
 * seat or joins the end of the waitlist; leaving `going` frees a seat that the earliest waitlisted member
 * takes. Repeating the current answer changes nothing (a waitlisted member asking for `going` keeps their
 * place). Run outside a transaction it commits on its own, so the lock is held for one round trip only.
 */
export async function applyRsvp(
  db: Queryable,
  meetupId: string,
  profileId: string,
  wanted: RsvpRequest,
): Promise<RsvpOutcome> {
  const row = await sqlOne<{
    rsvp_status: RsvpStatus | null;
    waitlist_position: number | null;
    problem: string | null;
  }>(db, `SELECT rsvp_status, waitlist_position, problem FROM meetup_rsvp($1, $2, $3)`, [meetupId, profileId, wanted]);
  if (!row) throw new Error('meetup_rsvp returned no row');
  if (row.problem) throw (REFUSALS[row.problem] ?? (() => new Error(`meetup_rsvp: ${row.problem}`)))();
  return { status: row.rsvp_status!, waitlistPosition: row.waitlist_position };
}

/**
 * Account deletion: the member's going and waitlisted RSVPs are removed with the counters kept equal to the
 * rows, and a freed seat of a meetup still ahead goes to the waitlist (notified as promoted). Meetups are
 * locked in id order, the same on every path that locks several.
 */
export async function removeMemberRsvps(tx: Tx, profileId: string): Promise<void> {
  const held = await sql<{ meetup_id: string }>(
    tx,
    `SELECT meetup_id FROM meetup_rsvps WHERE profile_id = $1 AND status IN ('going', 'waitlisted')
      ORDER BY meetup_id`,
    [profileId],
  );
  for (const { meetup_id: meetupId } of held) {
    const meetup = await sqlOne<{ status: string; capacity: number; going_count: number; finished: boolean }>(
      tx,
      `SELECT status, capacity, going_count, ends_at <= now() AS finished FROM meetups WHERE id = $1 FOR UPDATE`,
      [meetupId],
    );
    if (!meetup) continue;
    const [gone] = await sql<{ status: RsvpStatus }>(
      tx,
      `DELETE FROM meetup_rsvps WHERE meetup_id = $1 AND profile_id = $2 AND status IN ('going', 'waitlisted')
       RETURNING status`,
      [meetupId, profileId],
    );
    if (!gone) continue;
    const going = gone.status === 'going' ? 1 : 0;
    await sql(
      tx,
      `UPDATE meetups SET going_count = going_count - $2, waitlist_count = waitlist_count - $3 WHERE id = $1`,
      [meetupId, going, 1 - going],
    );
    if (going && meetup.status === 'scheduled' && !meetup.finished)
      await promoteWaitlist(tx, meetupId, meetup.capacity - (meetup.going_count - 1));
  }
}
