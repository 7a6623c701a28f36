import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The other party's side of a matching row that survives a deleted account: the column goes NULL. */
const PARTY_COLUMNS: [table: string, column: string][] = [
  ['mentorship_requests', 'learner_id'],
  ['mentorship_requests', 'mentor_id'],
  ['mentorships', 'learner_id'],
  ['mentorships', 'mentor_id'],
  ['mentorship_tasks', 'created_by'],
  ['mentorship_feedback', 'author_id'],
  ['meetups', 'organizer_id'],
];

/**
 * The account lifecycle: link tokens (e-mail verification, password reset) stored only as SHA-256 hashes, the
 * e-mail changes whose notice goes to the old address, and deleted members in matching rows: requests,
 * mentorships, tasks and feedback given stay for the other party with the deleted side NULL.
 */
export class AccountLifecycle1700000017000 implements MigrationInterface {
  name = 'AccountLifecycle1700000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_link_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('email_verification','password_reset')),
        email text NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (octet_length(token_hash) = 32),
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX account_link_tokens_hash_key ON account_link_tokens (token_hash)`);
    await q.query(`CREATE INDEX account_link_tokens_user_idx ON account_link_tokens (user_id, purpose)`);
    await q.query(`
      CREATE TABLE account_email_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        old_email text NOT NULL,
        new_email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_email_changes_user_idx ON account_email_changes (user_id)`);

    for (const [table, column] of PARTY_COLUMNS) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey
           FOREIGN KEY (${column}) REFERENCES profiles(id) ON DELETE SET NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of PARTY_COLUMNS) {
      await q.query(`DELETE FROM ${table} WHERE ${column} IS NULL`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey
           FOREIGN KEY (${column}) REFERENCES profiles(id) ON DELETE CASCADE`,
      );
    }
    await q.query(`DROP TABLE account_email_changes`);
    await q.query(`DROP TABLE account_link_tokens`);
  }
}
