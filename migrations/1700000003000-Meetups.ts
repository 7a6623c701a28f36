import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetups, their skills, RSVPs with a FIFO waitlist, sent-reminder markers and calendar-feed tokens.
 * going_count / waitlist_count are counters kept equal to the RSVP rows by the transaction that changes
 * them (under the meetup's row lock); the CHECKs are the last line of defence against overbooking.
 */
export class Meetups1700000003000 implements MigrationInterface {
  name = 'Meetups1700000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organizer_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        timezone text NOT NULL,
        online boolean NOT NULL,
        online_url text CHECK (online_url IS NULL OR online_url LIKE 'https://%'),
        venue_name text,
        venue_address text,
        venue_city text,
        venue_country text CHECK (venue_country IS NULL OR venue_country ~ '^[A-Z]{2}$'),
        lat double precision CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng IS NULL OR lng BETWEEN -180 AND 180),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        level text CHECK (level IS NULL OR level IN ('beginner','intermediate','advanced')),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
        going_count integer NOT NULL DEFAULT 0 CHECK (going_count >= 0),
        waitlist_count integer NOT NULL DEFAULT 0 CHECK (waitlist_count >= 0),
        sequence integer NOT NULL DEFAULT 0,
        -- MEETUP_REMINDER_OFFSETS_SECONDS as the creating API process had it: any worker schedules the same reminders.
        reminder_offsets integer[] NOT NULL DEFAULT '{}',
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
        ) STORED,
        -- Every skill of the meetup and all their ancestors (from skill_ancestors), written with meetup_skills:
        -- "a parent skill also finds its children" becomes one indexable containment test.
        skill_terms tsvector NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CONSTRAINT meetups_ends_after_starts CHECK (ends_at > starts_at),
        CONSTRAINT meetups_not_overbooked CHECK (going_count <= capacity),
        CONSTRAINT meetups_online_has_url CHECK (NOT online OR online_url IS NOT NULL),
        CONSTRAINT meetups_in_person_has_venue CHECK (online OR lat IS NOT NULL),
        CONSTRAINT meetups_venue_whole CHECK (
          (venue_name IS NULL) = (lat IS NULL) AND (venue_address IS NULL) = (lat IS NULL)
          AND (venue_city IS NULL) = (lat IS NULL) AND (venue_country IS NULL) = (lat IS NULL)
            AND (lng IS NULL) = (lat IS NULL)),
        CONSTRAINT meetups_cancelled_at CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    // Listing and every search are "scheduled, from a time on, soonest first" with a keyset on (starts_at, id).
    await q.query(`CREATE INDEX meetups_upcoming_idx ON meetups (starts_at, id) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX meetups_search_idx ON meetups USING gin (search)`);
    await q.query(`CREATE INDEX meetups_skill_terms_idx ON meetups USING gin (skill_terms)`);
    // Distance searches come with text, skill and time filters; one GiST over all four lets the index decide
    // them together, so the heap sees the few candidates that pass all of them rather than the whole area.
    await q.query(`
      CREATE INDEX meetups_geo_idx ON meetups USING gist (ll_to_earth(lat, lng), search, skill_terms, starts_at)
       WHERE lat IS NOT NULL AND status = 'scheduled'`);
    await q.query(`CREATE INDEX meetups_organizer_idx ON meetups (organizer_id, starts_at)`);

    await q.query(`
      CREATE TABLE meetup_skills (
        meetup_id uuid NOT NULL REFERENCES meetups(id) ON DELETE CASCADE,
        skill text NOT NULL REFERENCES skills(slug),
        position smallint NOT NULL,
        PRIMARY KEY (meetup_id, skill)
      )`);
    await q.query(`CREATE INDEX meetup_skills_skill_idx ON meetup_skills (skill, meetup_id)`);

    await q.query(`CREATE SEQUENCE meetup_waitlist_seq AS bigint`);
    await q.query(`
      CREATE TABLE meetup_rsvps (
        meetup_id uuid NOT NULL REFERENCES meetups(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('going','waitlisted','interested','not_going')),
        waitlisted_at timestamptz,
        -- FIFO order of the waitlist: a sequence, so two joins in the same microsecond still have an order.
        waitlist_seq bigint,
        checked_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meetup_id, profile_id),
        CONSTRAINT meetup_rsvps_waitlist_fields CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL
          AND waitlisted_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX meetup_rsvps_waitlist_idx ON meetup_rsvps (meetup_id, waitlist_seq)
       WHERE status = 'waitlisted'`,
    );
    await q.query(`CREATE INDEX meetup_rsvps_status_idx ON meetup_rsvps (meetup_id, status, profile_id)`);
    await q.query(`CREATE INDEX meetup_rsvps_profile_idx ON meetup_rsvps (profile_id, status, meetup_id)`);

    // One row per reminder sent, so a reminder job that runs twice (at-least-once) writes its events once.
    await q.query(`
      CREATE TABLE meetup_reminders_sent (
        meetup_id uuid NOT NULL REFERENCES meetups(id) ON DELETE CASCADE,
        offset_seconds integer NOT NULL,
        starts_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        recipients integer NOT NULL,
        PRIMARY KEY (meetup_id, offset_seconds, starts_at)
      )`);

    await q.query(`
      CREATE TABLE calendar_tokens (
        id text PRIMARY KEY,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_tokens_hash_key ON calendar_tokens (token_hash)`);
    await q.query(
      `CREATE UNIQUE INDEX calendar_tokens_active_key ON calendar_tokens (profile_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_tokens', 'meetup_reminders_sent', 'meetup_rsvps', 'meetup_skills', 'meetups'])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP SEQUENCE meetup_waitlist_seq`);
  }
}
