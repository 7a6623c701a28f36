import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentoring programs (cohort matching): programs, their members with program capacity and stated
 * preferences, and match runs with their stored result. Published mentorships point back at their program.
 */
export class Programs1700000005000 implements MigrationInterface {
  name = 'Programs1700000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organizer_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (description IS NULL OR length(description) <= 5000),
        mode text NOT NULL CHECK (mode IN ('stable','optimal')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','published')),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX programs_organizer_idx ON programs (organizer_id, created_at)`);

    // One membership per profile and program: a profile takes one side. capacity is the mentor's seats in this
    // program (its own bound, independent of mentor_capacity); learners have none.
    await q.query(`
      CREATE TABLE program_members (
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        side text NOT NULL CHECK (side IN ('learner','mentor')),
        capacity smallint CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 20),
        preferences uuid[] NOT NULL DEFAULT '{}',
        joined_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, profile_id),
        CHECK ((side = 'mentor') = (capacity IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX program_members_profile_idx ON program_members (profile_id)`);

    await q.query(`
      CREATE TABLE match_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        mode text NOT NULL CHECK (mode IN ('stable','optimal')),
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','failed')),
        stats jsonb,
        pairs jsonb NOT NULL DEFAULT '[]',
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        published_at timestamptz,
        CHECK ((status = 'running') = (finished_at IS NULL)),
        CHECK (published_at IS NULL OR status = 'done')
      )`);
    await q.query(`CREATE INDEX match_runs_program_idx ON match_runs (program_id, created_at)`);
    // A program publishes once: at most one published run per program.
    await q.query(
      `CREATE UNIQUE INDEX match_runs_published_key ON match_runs (program_id) WHERE published_at IS NOT NULL`,
    );

    await q.query(`
      ALTER TABLE mentorships ADD CONSTRAINT mentorships_program_fk
        FOREIGN KEY (program_id) REFERENCES programs(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX mentorships_program_idx ON mentorships (program_id) WHERE program_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mentorships_program_idx`);
    await q.query(`ALTER TABLE mentorships DROP CONSTRAINT mentorships_program_fk`);
    for (const t of ['match_runs', 'program_members', 'programs']) await q.query(`DROP TABLE ${t}`);
  }
}
