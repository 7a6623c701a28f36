import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search structures for profiles and skills:
 * - skill_terms: every lowercased slug, name and alias of a skill, trigram-indexed, so GET /v1/skills?q=
 *   forgives typos. Kept in step with `skills` by a trigger, so a later taxonomy migration only touches skills.
 * - mentor_skill_reach: for each mentor and each skill they can teach (a skill they hold or any ancestor of it),
 *   the best level among the matching skills they hold. "Searching sql finds postgresql mentors" then becomes
 *   one ordered range scan of (skill, level, profile_id) that stops after a page, instead of aggregating every
 *   holder of every child skill per request. Triggers keep it exact whoever writes profile_skills, profile roles
 *   or the ancestor closure.
 * - profile indexes for the mentor listing filters (mentor role, accepting with an open slot, language).
 */
export class ProfilesSearch1700000001000 implements MigrationInterface {
  name = 'ProfilesSearch1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE skill_terms (
        slug text NOT NULL REFERENCES skills(slug) ON DELETE CASCADE,
        term text NOT NULL CHECK (term = lower(term) AND term <> ''),
        PRIMARY KEY (slug, term)
      )`);
    await q.query(`CREATE INDEX skill_terms_trgm_idx ON skill_terms USING gin (term gin_trgm_ops)`);
    await q.query(`CREATE INDEX skill_terms_term_idx ON skill_terms (term text_pattern_ops)`);
    await q.query(`
      CREATE FUNCTION skill_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM skill_terms WHERE slug = NEW.slug;
        INSERT INTO skill_terms (slug, term)
        SELECT DISTINCT NEW.slug, lower(btrim(x)) FROM unnest(ARRAY[NEW.slug, NEW.name] || NEW.aliases) AS x
         WHERE btrim(x) <> '';
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER skill_terms_sync AFTER INSERT OR UPDATE OF slug, name, aliases ON skills
      FOR EACH ROW EXECUTE FUNCTION skill_terms_sync()`);
    await q.query(`
      INSERT INTO skill_terms (slug, term)
      SELECT DISTINCT s.slug, lower(btrim(x)) FROM skills s, unnest(ARRAY[s.slug, s.name] || s.aliases) AS x
       WHERE btrim(x) <> ''`);

    // Derived from profile_skills (whose foreign keys already hold) and rebuilt by the triggers below, so it
    // carries no foreign keys of its own: they doubled the cost of every refresh and could never fire.
    await q.query(`
      CREATE TABLE mentor_skill_reach (
        profile_id uuid NOT NULL,
        skill text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 5),
        PRIMARY KEY (profile_id, skill)
      )`);
    // Scanned backwards for ORDER BY level DESC, profile_id DESC with a row-comparison keyset.
    await q.query(`CREATE INDEX mentor_skill_reach_search_idx ON mentor_skill_reach (skill, level, profile_id)`);
    await q.query(`
      CREATE FUNCTION mentor_skill_reach_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM mentor_skill_reach WHERE profile_id = ANY(ids);
        INSERT INTO mentor_skill_reach (profile_id, skill, level)
        SELECT ps.profile_id, sa.ancestor, max(ps.level)
          FROM profile_skills ps
          JOIN profiles p ON p.id = ps.profile_id
          JOIN skill_ancestors sa ON sa.skill = ps.skill
         WHERE ps.profile_id = ANY(ids) AND 'mentor' = ANY(p.roles)
         GROUP BY ps.profile_id, sa.ancestor
        ON CONFLICT (profile_id, skill) DO UPDATE SET level = EXCLUDED.level;
      $$`);
    // plpgsql plans each statement on first use, so each branch only touches the transition table its event has.
    await q.query(`
      CREATE FUNCTION profile_skills_reach_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM mentor_skill_reach_refresh(ARRAY(SELECT DISTINCT profile_id FROM reach_new));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM mentor_skill_reach_refresh(ARRAY(SELECT DISTINCT profile_id FROM reach_old));
        ELSE
          PERFORM mentor_skill_reach_refresh(ARRAY(SELECT profile_id FROM reach_new UNION SELECT profile_id
            FROM reach_old));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER profile_skills_reach_ins AFTER INSERT ON profile_skills
      REFERENCING NEW TABLE AS reach_new FOR EACH STATEMENT EXECUTE FUNCTION profile_skills_reach_sync()`);
    await q.query(`
      CREATE TRIGGER profile_skills_reach_upd AFTER UPDATE ON profile_skills
      REFERENCING OLD TABLE AS reach_old NEW TABLE AS reach_new FOR EACH STATEMENT
        EXECUTE FUNCTION profile_skills_reach_sync()`);
    await q.query(`
      CREATE TRIGGER profile_skills_reach_del AFTER DELETE ON profile_skills
      REFERENCING OLD TABLE AS reach_old FOR EACH STATEMENT EXECUTE FUNCTION profile_skills_reach_sync()`);
    await q.query(`
      CREATE FUNCTION profiles_roles_reach_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mentor_skill_reach_refresh(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER profiles_roles_reach AFTER UPDATE OF roles ON profiles
      FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles) EXECUTE FUNCTION profiles_roles_reach_sync()`);
    await q.query(`
      CREATE FUNCTION skill_ancestors_reach_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mentor_skill_reach_refresh(ARRAY(SELECT DISTINCT profile_id FROM profile_skills));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER skill_ancestors_reach AFTER INSERT OR UPDATE OR DELETE ON skill_ancestors
      FOR EACH STATEMENT EXECUTE FUNCTION skill_ancestors_reach_sync()`);
    await q.query(`SELECT mentor_skill_reach_refresh(ARRAY(SELECT DISTINCT profile_id FROM profile_skills))`);

    await q.query(`CREATE INDEX profiles_mentors_idx ON profiles (id) WHERE 'mentor' = ANY(roles)`);
    await q.query(`
      CREATE INDEX profiles_mentors_open_idx ON profiles (id)
       WHERE 'mentor' = ANY(roles) AND accepting_mentees AND mentor_capacity > active_mentees`);
    await q.query(`CREATE INDEX profiles_languages_idx ON profiles USING gin (languages)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX profiles_languages_idx`);
    await q.query(`DROP INDEX profiles_mentors_open_idx`);
    await q.query(`DROP INDEX profiles_mentors_idx`);
    await q.query(`DROP TRIGGER skill_ancestors_reach ON skill_ancestors`);
    await q.query(`DROP FUNCTION skill_ancestors_reach_sync()`);
    await q.query(`DROP TRIGGER profiles_roles_reach ON profiles`);
    await q.query(`DROP FUNCTION profiles_roles_reach_sync()`);
    for (const t of ['profile_skills_reach_ins', 'profile_skills_reach_upd', 'profile_skills_reach_del']) {
      await q.query(`DROP TRIGGER ${t} ON profile_skills`);
    }
    await q.query(`DROP FUNCTION profile_skills_reach_sync()`);
    await q.query(`DROP FUNCTION mentor_skill_reach_refresh(uuid[])`);
    await q.query(`DROP TABLE mentor_skill_reach`);
    await q.query(`DROP TRIGGER skill_terms_sync ON skills`);
    await q.query(`DROP FUNCTION skill_terms_sync()`);
    await q.query(`DROP TABLE skill_terms`);
  }
}
