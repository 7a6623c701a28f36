// The RSVP and waitlist statements, run inside the caller's transaction. Shared by RsvpService, the
// organizer's capacity change and bench/meetups.bench.ts.
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { sql, sqlOne } from '../database/sql.js';
import type { Tx } from '../database/unit-of-work.js';
import type { EventsService } from '../queues/events.service.js';
import type { RsvpRequest, RsvpStatus } from './dto/meetup.dto.js';

export interface RsvpOutcome {
  status: RsvpStatus;
  waitlistPosition: number | null;
}

interface LockedMeetup {
  id: string;
  status: 'scheduled' | 'cancelled';
  capacity: number;
  going_count: number;
  waitlist_count: number;
  finished: boolean;
}

/**
 * Takes the meetup's row lock. Every statement that changes a meetup's RSVP statuses or counters runs
 * after this in the same transaction, so they are serialized per meetup across all API processes.
 */
export function lockMeetup(tx: Tx, meetupId: string): Promise<LockedMeetup | undefined> {
  return sqlOne<LockedMeetup>(
    tx,
    `SELECT id, status, capacity, going_count, waitlist_count, ends_at <= now() AS finished
       FROM meetups WHERE id = $1 FOR UPDATE`,
    [meetupId],
  );
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
 * Writes the member's RSVP and moves the counters in one statement: the meetup's lock is held until commit,
 * so every round trip saved under it is throughput for the whole meetup.
 */
async function write(
  tx: Tx,
  meetupId: string,
  profileId: string,
  status: RsvpStatus,
  goingDelta: number,
  waitlistDelta: number,
): Promise<void> {
  await sql(
    tx,
    `WITH rsvp AS (
       INSERT INTO meetup_rsvps (meetup_id, profile_id, status, waitlisted_at, waitlist_seq)
       VALUES ($1, $2, $3::text,
               CASE WHEN $3::text = 'waitlisted' THEN now() END,
               CASE WHEN $3::text = 'waitlisted' THEN nextval('meetup_waitlist_seq') END)
       ON CONFLICT (meetup_id, profile_id) DO UPDATE
          SET status = EXCLUDED.status, waitlisted_at = EXCLUDED.waitlisted_at,
              waitlist_seq = EXCLUDED.waitlist_seq, updated_at = now()
       RETURNING 1
     )
     UPDATE meetups SET going_count = going_count + $4, waitlist_count = waitlist_count + $5
      WHERE id = $1 AND EXISTS (SELECT 1 FROM rsvp)`,
    [meetupId, profileId, status, goingDelta, waitlistDelta],
  );
}

/**
 * Moves up to `seats` of the earliest waitlisted members to going (FIFO by waitlist_seq), keeps both
 * counters equal to the rows and writes one `meetup.promoted` event per promoted member. Call it with the
 * meetup locked.
 */
export async function promoteWaitlist(
  tx: Tx,
  events: EventsService,
  meetupId: string,
  seats: number,
): Promise<string[]> {
  if (seats <= 0) return [];
  const promoted = await sql<{ profile_id: string }>(
    tx,
    `UPDATE meetup_rsvps r
        SET status = 'going', waitlist_seq = NULL, waitlisted_at = NULL, updated_at = now()
       FROM (SELECT profile_id FROM meetup_rsvps
              WHERE meetup_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT $2) next
      WHERE r.meetup_id = $1 AND r.profile_id = next.profile_id
      RETURNING r.profile_id`,
    [meetupId, seats],
  );
  if (!promoted.length) return [];
  await sql(
    tx,
    `UPDATE meetups SET going_count = going_count + $2, waitlist_count = waitlist_count - $2 WHERE id = $1`,
    [meetupId, promoted.length],
  );
  await events.emitMany(
    tx,
    promoted.map((r) => ({ type: 'meetup.promoted' as const, payload: { meetupId, recipientIds: [r.profile_id] } })),
  );
  return promoted.map((r) => r.profile_id);
}

/**
 * One RSVP under the meetup's row lock: `going` takes a free seat or joins the end of the waitlist;
 * leaving `going` frees a seat that the earliest waitlisted member takes. Repeating the current answer
 * changes nothing (a waitlisted member asking for `going` keeps their place).
 */
export async function applyRsvp(
  tx: Tx,
  events: EventsService,
  meetupId: string,
  profileId: string,
  wanted: RsvpRequest,
): Promise<RsvpOutcome> {
  const meetup = await lockMeetup(tx, meetupId);
  if (!meetup) throw new NotFound('Meetup');
  if (meetup.status === 'cancelled') throw new Conflict('MEETUP_CANCELLED', 'This meetup was cancelled.');
  if (meetup.finished) throw new Conflict('MEETUP_FINISHED', 'This meetup has already ended.');

  const current = await sqlOne<{ status: RsvpStatus; waitlist_seq: string | null }>(
    tx,
    `SELECT status, waitlist_seq FROM meetup_rsvps WHERE meetup_id = $1 AND profile_id = $2`,
    [meetupId, profileId],
  );
  const from = current?.status ?? null;

  if (wanted === 'going') {
    if (from === 'going') return { status: 'going', waitlistPosition: null };
    if (from === 'waitlisted')
      return { status: 'waitlisted', waitlistPosition: await waitlistPosition(tx, meetupId, current!.waitlist_seq!) };
    if (meetup.going_count < meetup.capacity) {
      await write(tx, meetupId, profileId, 'going', 1, 0);
      return { status: 'going', waitlistPosition: null };
    }
    await write(tx, meetupId, profileId, 'waitlisted', 0, 1);
    // The counter equals the waitlisted rows (all written under this lock), so the newcomer is last.
    return { status: 'waitlisted', waitlistPosition: meetup.waitlist_count + 1 };
  }

  if (from === wanted) return { status: wanted, waitlistPosition: null };
  await write(tx, meetupId, profileId, wanted, from === 'going' ? -1 : 0, from === 'waitlisted' ? -1 : 0);
  if (from === 'going') await promoteWaitlist(tx, events, meetupId, meetup.capacity - (meetup.going_count - 1));
  return { status: wanted, waitlistPosition: null };
}
