import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RSVP as one server-side function, so a member's RSVP is one round trip and the meetup's row lock is
 * held only while the function runs and commits (it was held across four round trips before). Each statement
 * in a PL/pgSQL function takes a fresh snapshot under READ COMMITTED, so the RSVP read after the lock sees
 * every RSVP committed by the transactions that held the lock before us.
 *
 * meetup_promote_waitlist is the one definition of promotion, shared with the organizer's capacity change.
 */
export class RsvpFunction1700000020000 implements MigrationInterface {
  name = 'RsvpFunction1700000020000';

  async up(q: QueryRunner): Promise<void> {
    // Moves up to p_seats of the earliest waitlisted members to going (FIFO), keeps both counters equal to the
    // rows and writes one meetup.promoted event per promoted member. Call it with the meetup locked.
    await q.query(`
      CREATE FUNCTION meetup_promote_waitlist(p_meetup uuid, p_seats integer) RETURNS SETOF uuid
      LANGUAGE plpgsql AS $$
      DECLARE
        promoted uuid[];
      BEGIN
        IF p_seats <= 0 THEN RETURN; END IF;
        WITH next AS (
          SELECT w.profile_id, w.waitlist_seq FROM meetup_rsvps w
           WHERE w.meetup_id = p_meetup AND w.status = 'waitlisted' ORDER BY w.waitlist_seq LIMIT p_seats
        ), moved AS (
          UPDATE meetup_rsvps r
             SET status = 'going', waitlist_seq = NULL, waitlisted_at = NULL, updated_at = now()
            FROM next
           WHERE r.meetup_id = p_meetup AND r.profile_id = next.profile_id
          RETURNING r.profile_id, next.waitlist_seq
        )
        SELECT array_agg(profile_id ORDER BY waitlist_seq) INTO promoted FROM moved;
        IF promoted IS NULL THEN RETURN; END IF;
        UPDATE meetups SET going_count = going_count + cardinality(promoted),
                           waitlist_count = waitlist_count - cardinality(promoted)
         WHERE id = p_meetup;
        INSERT INTO outbox (type, payload)
        SELECT 'meetup.promoted', jsonb_build_object('meetupId', p_meetup, 'recipientIds', jsonb_build_array(p))
          FROM unnest(promoted) WITH ORDINALITY AS u(p, n) ORDER BY n;
        RETURN QUERY SELECT unnest(promoted);
      END $$`);

    // One RSVP under the meetup's row lock: going takes a free seat or joins the end of the waitlist; leaving
    // going frees a seat that the earliest waitlisted member takes; repeating the current answer changes
    // nothing (a waitlisted member asking for going keeps their place). A refusal is returned in problem
    // (NOT_FOUND, MEETUP_CANCELLED, MEETUP_FINISHED) with nothing written.
    await q.query(`
      CREATE FUNCTION meetup_rsvp(p_meetup uuid, p_profile uuid, p_wanted text,
                                  OUT rsvp_status text, OUT waitlist_position integer, OUT problem text)
      LANGUAGE plpgsql AS $$
      DECLARE
        m record;
        from_status text;
        from_seq bigint;
      BEGIN
        SELECT mt.status, mt.capacity, mt.going_count, mt.waitlist_count, mt.ends_at <= now() AS finished
          INTO m FROM meetups mt WHERE mt.id = p_meetup FOR UPDATE;
        IF NOT FOUND THEN problem := 'NOT_FOUND'; RETURN; END IF;
        IF m.status = 'cancelled' THEN problem := 'MEETUP_CANCELLED'; RETURN; END IF;
        IF m.finished THEN problem := 'MEETUP_FINISHED'; RETURN; END IF;

        SELECT r.status, r.waitlist_seq INTO from_status, from_seq
          FROM meetup_rsvps r WHERE r.meetup_id = p_meetup AND r.profile_id = p_profile;

        IF p_wanted = 'going' THEN
          IF from_status = 'going' THEN rsvp_status := 'going'; RETURN; END IF;
          IF from_status = 'waitlisted' THEN
            rsvp_status := 'waitlisted';
            SELECT count(*)::int INTO waitlist_position FROM meetup_rsvps w
             WHERE w.meetup_id = p_meetup AND w.status = 'waitlisted' AND w.waitlist_seq <= from_seq;
            RETURN;
          END IF;
          rsvp_status := CASE WHEN m.going_count < m.capacity THEN 'going' ELSE 'waitlisted' END;
        ELSE
          rsvp_status := p_wanted;
          IF from_status = p_wanted THEN RETURN; END IF;
        END IF;

        INSERT INTO meetup_rsvps (meetup_id, profile_id, status, waitlisted_at, waitlist_seq)
        VALUES (p_meetup, p_profile, rsvp_status,
                CASE WHEN rsvp_status = 'waitlisted' THEN now() END,
                CASE WHEN rsvp_status = 'waitlisted' THEN nextval('meetup_waitlist_seq') END)
        ON CONFLICT (meetup_id, profile_id) DO UPDATE
           SET status = EXCLUDED.status, waitlisted_at = EXCLUDED.waitlisted_at,
               waitlist_seq = EXCLUDED.waitlist_seq, updated_at = now();
        UPDATE meetups
           SET going_count = going_count + (rsvp_status = 'going')::int
                             - (from_status IS NOT DISTINCT FROM 'going')::int,
               waitlist_count = waitlist_count + (rsvp_status = 'waitlisted')::int
                                - (from_status IS NOT DISTINCT FROM 'waitlisted')::int
         WHERE id = p_meetup;

        -- The counter equals the waitlisted rows (all written under this lock), so a newcomer is last.
        IF rsvp_status = 'waitlisted' THEN waitlist_position := m.waitlist_count + 1; END IF;
        IF from_status = 'going' THEN
          PERFORM meetup_promote_waitlist(p_meetup, m.capacity - (m.going_count - 1));
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION meetup_rsvp(uuid, uuid, text)`);
    await q.query(`DROP FUNCTION meetup_promote_waitlist(uuid, integer)`);
  }
}
