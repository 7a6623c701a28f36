import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions: accounts carry whether their e-mail address is verified, and a spent refresh token keeps
 * its successor sealed under its own secret for the reuse grace, so a second tab (or a retry) that presents
 * it again receives the same successor instead of forking the family or revoking it.
 */
export class BrowserSessions1700000006100 implements MigrationInterface {
  name = 'BrowserSessions1700000006100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN successor_sealed bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN successor_sealed`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified`);
  }
}
