import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations between a learner and a mentor (one per pair), their messages and per-party read state;
 * mentorship sessions, with a per-person exclusion constraint so no one holds two overlapping live sessions.
 */
export class ConversationsAndSessions1700000016000 implements MigrationInterface {
  name = 'ConversationsAndSessions1700000016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        mentor_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        request_id uuid,
        mentorship_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversations_pair_key UNIQUE (learner_id, mentor_id),
        CHECK (learner_id <> mentor_id)
      )`);

    // One row per party: the list is read from here alone, by an index in "latest activity first" order.
    await q.query(`
      CREATE TABLE conversation_parties (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        other_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        last_read_at timestamptz,
        unread_count integer NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
        PRIMARY KEY (conversation_id, profile_id)
      )`);
    await q.query(
      `CREATE INDEX conversation_parties_inbox_idx
         ON conversation_parties (profile_id, last_activity_at DESC, conversation_id DESC)`,
    );

    await q.query(`
      CREATE TABLE conversation_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX conversation_messages_conversation_idx
         ON conversation_messages (conversation_id, created_at DESC, id DESC)`,
    );

    // One row per recipient and clock hour whose digest was sent: a re-run job sends nothing twice.
    await q.query(`
      CREATE TABLE message_email_digests (
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        hour_end timestamptz NOT NULL,
        messages integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (profile_id, hour_end)
      )`);

    await q.query(`
      CREATE TABLE mentorship_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        agenda text,
        meeting_url text CHECK (meeting_url IS NULL OR meeting_url ~* '^https?://'),
        notes text,
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'cancelled')),
        proposed_by uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        -- iCalendar SEQUENCE: grows with every change, so calendar apps replace their copy.
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(
      `CREATE INDEX mentorship_sessions_mentorship_idx ON mentorship_sessions (mentorship_id, starts_at, id)`,
    );

    // The no-double-booking rule lives here: one row per person and session, live rows may not overlap.
    await q.query(`
      CREATE TABLE session_participants (
        session_id uuid NOT NULL REFERENCES mentorship_sessions(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        period tstzrange NOT NULL,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (session_id, profile_id),
        CONSTRAINT session_participants_no_overlap EXCLUDE USING gist (profile_id WITH =, period WITH &&) WHERE (active)
      )`);

    await q.query(`
      CREATE TABLE session_reminders_sent (
        session_id uuid NOT NULL REFERENCES mentorship_sessions(id) ON DELETE CASCADE,
        offset_seconds integer NOT NULL,
        starts_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, offset_seconds, starts_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_reminders_sent`);
    await q.query(`DROP TABLE session_participants`);
    await q.query(`DROP TABLE mentorship_sessions`);
    await q.query(`DROP TABLE message_email_digests`);
    await q.query(`DROP TABLE conversation_messages`);
    await q.query(`DROP TABLE conversation_parties`);
    await q.query(`DROP TABLE conversations`);
  }
}
