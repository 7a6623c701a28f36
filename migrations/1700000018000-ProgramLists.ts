import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /v1/programs?scope=open pages through open programs newest first: a partial index in that order lets it stop
 * after one page instead of sorting every open program. The organizer's own list keeps programs_organizer_idx.
 */
export class ProgramLists1700000018000 implements MigrationInterface {
  name = 'ProgramLists1700000018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX programs_open_idx ON programs (created_at DESC, id DESC) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX programs_open_idx`);
  }
}
