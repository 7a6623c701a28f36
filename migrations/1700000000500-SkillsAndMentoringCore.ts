import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SKILL_TAXONOMY } from './data/skill-taxonomy.js';

/**
 * The skill taxonomy (seeded from frozen data), its ancestor closure, skill inventories, goals, blocks
 * and mentorships: the tables several modules read (profiles, matching, meetups, programs).
 */
export class SkillsAndMentoringCore1700000000500 implements MigrationInterface {
  name = 'SkillsAndMentoringCore1700000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skills (
        slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        category text NOT NULL,
        parents text[] NOT NULL DEFAULT '{}',
        aliases text[] NOT NULL DEFAULT '{}',
        popularity integer NOT NULL DEFAULT 50 CHECK (popularity BETWEEN 1 AND 100)
      )`);
    // (skill, ancestor, depth): depth 0 is the skill itself, 1 a parent, 2 a grandparent... (shortest path).
    await q.query(`
      CREATE TABLE skill_ancestors (
        skill text NOT NULL REFERENCES skills(slug) ON DELETE CASCADE,
        ancestor text NOT NULL REFERENCES skills(slug) ON DELETE CASCADE,
        depth smallint NOT NULL CHECK (depth >= 0),
        PRIMARY KEY (skill, ancestor)
      )`);
    await q.query(`CREATE INDEX skill_ancestors_ancestor_idx ON skill_ancestors (ancestor, skill, depth)`);

    await q.query(
      `INSERT INTO skills (slug, name, category, parents, aliases, popularity)
       SELECT slug, name, category, parents::text[], aliases::text[], popularity
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
         AS t(slug, name, category, parents, aliases, popularity)`,
      [
        SKILL_TAXONOMY.map((s) => s.slug),
        SKILL_TAXONOMY.map((s) => s.name),
        SKILL_TAXONOMY.map((s) => s.category),
        SKILL_TAXONOMY.map((s) => `{${s.parents.map(quote).join(',')}}`),
        SKILL_TAXONOMY.map((s) => `{${s.aliases.map(quote).join(',')}}`),
        SKILL_TAXONOMY.map((s) => s.popularity),
      ],
    );
    await q.query(`
      INSERT INTO skill_ancestors (skill, ancestor, depth)
      WITH RECURSIVE walk(skill, ancestor, depth) AS (
        SELECT slug, slug, 0 FROM skills
        UNION ALL
        SELECT w.skill, p.parent, w.depth + 1
          FROM walk w JOIN skills s ON s.slug = w.ancestor, unnest(s.parents) AS p(parent)
         WHERE w.depth < 10
      )
      SELECT skill, ancestor, min(depth) FROM walk GROUP BY skill, ancestor`);

    await q.query(`
      CREATE TABLE profile_skills (
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        skill text NOT NULL REFERENCES skills(slug),
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 5),
        years numeric(4,1) CHECK (years IS NULL OR years BETWEEN 0 AND 80),
        PRIMARY KEY (profile_id, skill)
      )`);
    // Mentor search and candidate retrieval: "who knows skill X at level >= N".
    await q.query(`CREATE INDEX profile_skills_skill_level_idx ON profile_skills (skill, level DESC, profile_id)`);

    await q.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        skill text NOT NULL REFERENCES skills(slug),
        target_level smallint NOT NULL CHECK (target_level BETWEEN 1 AND 5),
        target_date date,
        note text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','achieved','abandoned')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX goals_profile_idx ON goals (profile_id, status, created_at)`);

    await q.query(`
      CREATE TABLE blocks (
        blocker_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        blocked_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CHECK (blocker_id <> blocked_id)
      )`);
    await q.query(`CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id)`);

    await q.query(`
      CREATE TABLE mentorships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        mentor_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        request_id uuid,
        program_id uuid,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CHECK (learner_id <> mentor_id),
        CHECK ((status = 'completed') = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX mentorships_mentor_idx ON mentorships (mentor_id, status)`);
    await q.query(`CREATE INDEX mentorships_learner_idx ON mentorships (learner_id, status)`);
    // One active mentorship per pair at a time.
    await q.query(
      `CREATE UNIQUE INDEX mentorships_active_pair_key ON mentorships (learner_id, mentor_id) WHERE status = 'active'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['mentorships', 'blocks', 'goals', 'profile_skills', 'skill_ancestors', 'skills'])
      await q.query(`DROP TABLE ${t}`);
  }
}

/** Postgres array-literal quoting for one element. */
function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
