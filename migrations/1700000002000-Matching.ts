import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentor matching: mentorship requests and their lifecycle, mentorship tasks and feedback, stored match
 * suggestions, and user reports. Invariants live here: one pending request per learner→mentor pair, one
 * feedback per party and mentorship.
 */
export class Matching1700000002000 implements MigrationInterface {
  name = 'Matching1700000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentorship_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        mentor_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        message text NOT NULL,
        goal_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending','accepted','declined','cancelled','expired','withdrawn')),
        decline_reason text CHECK (decline_reason IN ('no_capacity','skills_mismatch','schedule_mismatch','other')),
        decline_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        decided_at timestamptz,
        CHECK (learner_id <> mentor_id),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX mentorship_requests_pending_pair_key ON mentorship_requests (learner_id, mentor_id)
       WHERE status = 'pending'`,
    );
    // INCLUDE decided_at: a mentor's answer times (suggestion scoring) come from the index alone.
    await q.query(
      `CREATE INDEX mentorship_requests_mentor_idx ON mentorship_requests (mentor_id, status, created_at)
       INCLUDE (decided_at)`,
    );
    await q.query(
      `CREATE INDEX mentorship_requests_learner_idx ON mentorship_requests (learner_id, status, created_at)`,
    );
    await q.query(
      `CREATE INDEX mentorship_requests_expiry_idx ON mentorship_requests (expires_at) WHERE status = 'pending'`,
    );

    await q.query(`CREATE INDEX mentorships_request_idx ON mentorships (request_id) WHERE request_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE mentorship_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        due_date date,
        done boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mentorship_tasks_mentorship_idx ON mentorship_tasks (mentorship_id, created_at, id)`);

    // subject_id is the rated party; subject_role says whether they were the mentor or the learner, so a
    // mentor's rating aggregates only what their mentees said.
    await q.query(`
      CREATE TABLE mentorship_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        subject_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        subject_role text NOT NULL CHECK (subject_role IN ('mentor','learner')),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (author_id <> subject_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX mentorship_feedback_author_key ON mentorship_feedback (mentorship_id, author_id)`,
    );
    await q.query(
      `CREATE INDEX mentorship_feedback_subject_idx ON mentorship_feedback (subject_id, subject_role) INCLUDE (rating)`,
    );

    await q.query(`
      CREATE TABLE match_suggestions (
        learner_id uuid PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending','ready')),
        requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        computed_at timestamptz,
        items jsonb NOT NULL DEFAULT '[]',
        -- Set by an explicit refresh: only those end in a suggestions.ready notification, not background recomputes.
        notify boolean NOT NULL DEFAULT false
      )`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reporter_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 100),
        details text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved','dismissed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (reporter_id <> profile_id)
      )`);
    await q.query(`CREATE INDEX reports_created_idx ON reports (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reports_profile_idx ON reports (profile_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mentorships_request_idx`);
    for (const t of ['reports', 'match_suggestions', 'mentorship_feedback', 'mentorship_tasks', 'mentorship_requests'])
      await q.query(`DROP TABLE ${t}`);
  }
}
