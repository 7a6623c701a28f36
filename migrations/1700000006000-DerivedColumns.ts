import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Derived columns get one mechanism each, a trigger on the table they derive from, so no writer (service,
 * seed, benchmark, admin CLI) has to remember to keep them right:
 * - profiles.roles mirrors users.roles (search and matching filter on it without a join);
 * - profiles.active_mentees counts the mentor's active mentorships, changed by the same statement that
 *   changes them, so it is exact whichever path creates or ends a mentorship;
 * - meetups.skill_terms is the ancestor closure of meetup_skills (the meetup search skill filter).
 */
export class DerivedColumns1700000006000 implements MigrationInterface {
  name = 'DerivedColumns1700000006000';

  async up(q: QueryRunner): Promise<void> {
    // profiles.roles: whatever a writer puts there, the row takes users.roles.
    await q.query(`
      CREATE FUNCTION profiles_roles_from_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.roles := (SELECT u.roles FROM users u WHERE u.id = NEW.id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER profiles_roles_from_user BEFORE INSERT OR UPDATE OF roles ON profiles
      FOR EACH ROW EXECUTE FUNCTION profiles_roles_from_user()`);
    await q.query(`
      CREATE FUNCTION users_roles_to_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE profiles SET roles = NEW.roles WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_roles_to_profile AFTER UPDATE OF roles ON users
      FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles) EXECUTE FUNCTION users_roles_to_profile()`);
    await q.query(`UPDATE profiles p SET roles = u.roles FROM users u WHERE u.id = p.id AND p.roles <> u.roles`);

    // profiles.active_mentees: applied as a delta, so it composes with the row lock on the profile whatever
    // other transaction changed it first.
    // plpgsql plans each statement on first use, so each branch only touches the transition table its event has.
    await q.query(`
      CREATE FUNCTION mentorships_active_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE profiles p SET active_mentees = p.active_mentees + d.n
            FROM (SELECT mentor_id, count(*)::int AS n FROM ms_new WHERE status = 'active' GROUP BY mentor_id) d
           WHERE p.id = d.mentor_id;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE profiles p SET active_mentees = p.active_mentees - d.n
            FROM (SELECT mentor_id, count(*)::int AS n FROM ms_old WHERE status = 'active' GROUP BY mentor_id) d
           WHERE p.id = d.mentor_id;
        ELSE
          UPDATE profiles p SET active_mentees = p.active_mentees + d.n
            FROM (SELECT mentor_id, sum(s)::int AS n
                    FROM (SELECT mentor_id, 1 AS s FROM ms_new WHERE status = 'active'
                          UNION ALL SELECT mentor_id, -1 FROM ms_old WHERE status = 'active') c
                   GROUP BY mentor_id HAVING sum(s) <> 0) d
           WHERE p.id = d.mentor_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER mentorships_active_ins AFTER INSERT ON mentorships
      REFERENCING NEW TABLE AS ms_new FOR EACH STATEMENT EXECUTE FUNCTION mentorships_active_sync()`);
    await q.query(`
      CREATE TRIGGER mentorships_active_upd AFTER UPDATE ON mentorships
      REFERENCING OLD TABLE AS ms_old NEW TABLE AS ms_new FOR EACH STATEMENT
        EXECUTE FUNCTION mentorships_active_sync()`);
    await q.query(`
      CREATE TRIGGER mentorships_active_del AFTER DELETE ON mentorships
      REFERENCING OLD TABLE AS ms_old FOR EACH STATEMENT EXECUTE FUNCTION mentorships_active_sync()`);
    await q.query(`
      UPDATE profiles p SET active_mentees = coalesce(
        (SELECT count(*)::int FROM mentorships m WHERE m.mentor_id = p.id AND m.status = 'active'), 0)`);

    // meetups.skill_terms from meetup_skills and skill_ancestors.
    await q.query(`
      CREATE FUNCTION meetup_skill_terms_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE meetups m SET skill_terms = coalesce(
            (SELECT array_to_tsvector(array_agg(DISTINCT sa.ancestor))
               FROM meetup_skills ms JOIN skill_ancestors sa ON sa.skill = ms.skill WHERE ms.meetup_id = m.id),
            ''::tsvector)
         WHERE m.id = ANY(ids);
      $$`);
    await q.query(`
      CREATE FUNCTION meetup_skills_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM meetup_skill_terms_refresh(ARRAY(SELECT DISTINCT meetup_id FROM mst_new));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM meetup_skill_terms_refresh(ARRAY(SELECT DISTINCT meetup_id FROM mst_old));
        ELSE
          PERFORM meetup_skill_terms_refresh(ARRAY(SELECT meetup_id FROM mst_new UNION SELECT meetup_id FROM mst_old));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER meetup_skills_terms_ins AFTER INSERT ON meetup_skills
      REFERENCING NEW TABLE AS mst_new FOR EACH STATEMENT EXECUTE FUNCTION meetup_skills_terms_sync()`);
    await q.query(`
      CREATE TRIGGER meetup_skills_terms_upd AFTER UPDATE ON meetup_skills
      REFERENCING OLD TABLE AS mst_old NEW TABLE AS mst_new FOR EACH STATEMENT
        EXECUTE FUNCTION meetup_skills_terms_sync()`);
    await q.query(`
      CREATE TRIGGER meetup_skills_terms_del AFTER DELETE ON meetup_skills
      REFERENCING OLD TABLE AS mst_old FOR EACH STATEMENT EXECUTE FUNCTION meetup_skills_terms_sync()`);
    await q.query(`
      CREATE FUNCTION skill_ancestors_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM meetup_skill_terms_refresh(ARRAY(SELECT DISTINCT meetup_id FROM meetup_skills));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER skill_ancestors_terms AFTER INSERT OR UPDATE OR DELETE ON skill_ancestors
      FOR EACH STATEMENT EXECUTE FUNCTION skill_ancestors_terms_sync()`);
    await q.query(`SELECT meetup_skill_terms_refresh(ARRAY(SELECT id FROM meetups))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER skill_ancestors_terms ON skill_ancestors`);
    await q.query(`DROP FUNCTION skill_ancestors_terms_sync()`);
    for (const t of ['meetup_skills_terms_ins', 'meetup_skills_terms_upd', 'meetup_skills_terms_del'])
      await q.query(`DROP TRIGGER ${t} ON meetup_skills`);
    await q.query(`DROP FUNCTION meetup_skills_terms_sync()`);
    await q.query(`DROP FUNCTION meetup_skill_terms_refresh(uuid[])`);
    for (const t of ['mentorships_active_ins', 'mentorships_active_upd', 'mentorships_active_del'])
      await q.query(`DROP TRIGGER ${t} ON mentorships`);
    await q.query(`DROP FUNCTION mentorships_active_sync()`);
    await q.query(`DROP TRIGGER users_roles_to_profile ON users`);
    await q.query(`DROP FUNCTION users_roles_to_profile()`);
    await q.query(`DROP TRIGGER profiles_roles_from_user ON profiles`);
    await q.query(`DROP FUNCTION profiles_roles_from_user()`);
  }
}
