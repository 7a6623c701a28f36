import { sql, sqlOne, type Queryable } from '../database/sql.js';
import type { AvailabilityWindow, LearnerInput, MentorInput, TaxonomySkill } from './scoring/index.js';

/**
 * The SQL behind suggestion refreshes, as plain functions over any Queryable so the worker and the
 * benchmark run the very same statements.
 */

export interface CandidateRow {
  readonly id: string;
  /** The mentor's levels in skills related to the learner's goals, above the learner's level there. */
  readonly skills: Record<string, number>;
}

export type MentorDetails = Omit<MentorInput, 'skills'>;

/** The eligibility rule, shared by retrieval and by the read-time filter: an open mentor who is not the learner. */
export const OPEN_MENTOR = (p: string, learner: string) => `
  ${p}.accepting_mentees AND ${p}.mentor_capacity > ${p}.active_mentees AND 'mentor' = ANY(${p}.roles) AND ${p}.id <> ${learner}
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ${learner} AND b.blocked_id = ${p}.id)
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ${p}.id AND b.blocked_id = ${learner})`;

export async function loadTaxonomy(db: Queryable): Promise<TaxonomySkill[]> {
  return sql<TaxonomySkill>(db, `SELECT slug, name, parents FROM skills`);
}

export async function loadLearner(db: Queryable, learnerId: string): Promise<(LearnerInput & { roles: string[] }) | null> {
  const row = await sqlOne<{
    id: string;
    roles: string[];
    timezone: string;
    languages: string[];
    availability: AvailabilityWindow[];
    levels: Record<string, number>;
    goals: { skill: string; targetLevel: number }[];
  }>(
    db,
    `SELECT p.id, p.roles, p.timezone, p.languages, p.availability,
            coalesce((SELECT jsonb_object_agg(ps.skill, ps.level) FROM profile_skills ps WHERE ps.profile_id = p.id), '{}') AS levels,
            coalesce((SELECT jsonb_agg(jsonb_build_object('skill', g.skill, 'targetLevel', g.target_level) ORDER BY g.created_at, g.id)
                        FROM goals g WHERE g.profile_id = p.id AND g.status = 'active'), '[]') AS goals
       FROM profiles p WHERE p.id = $1`,
    [learnerId],
  );
  return row ?? null;
}

/**
 * Every open mentor with at least one skill within `maxDistance` taxonomy steps of an active goal (up or
 * down, as the scorer relates skills) at a level above the learner's in that goal: exactly the mentors the
 * scorer gives some skill coverage. Only those related levels come back; they are all coverage needs.
 */
export async function loadCandidates(db: Queryable, learnerId: string, maxDistance: number): Promise<CandidateRow[]> {
  const rows = await sql<{ id: string; skills: string[]; levels: number[] }>(
    db,
    `WITH goal AS (
       SELECT g.skill, coalesce(max(own.level), 0) AS cur
         FROM goals g LEFT JOIN profile_skills own ON own.profile_id = g.profile_id AND own.skill = g.skill
        WHERE g.profile_id = $1 AND g.status = 'active'
        GROUP BY g.skill
     ), related AS (
       SELECT slug, min(cur) AS cur FROM (
         SELECT sa.skill AS slug, goal.cur FROM goal JOIN skill_ancestors sa ON sa.ancestor = goal.skill AND sa.depth <= $2
         UNION ALL
         SELECT sa.ancestor, goal.cur FROM goal JOIN skill_ancestors sa ON sa.skill = goal.skill AND sa.depth BETWEEN 1 AND $2
       ) r GROUP BY slug
     )
     SELECT ps.profile_id AS id, array_agg(ps.skill) AS skills, array_agg(ps.level) AS levels
       FROM related
       JOIN profile_skills ps ON ps.skill = related.slug AND ps.level > related.cur
       JOIN profiles p ON p.id = ps.profile_id
      WHERE ${OPEN_MENTOR('p', '$1')}
      GROUP BY ps.profile_id`,
    [learnerId, maxDistance],
  );
  return rows.map((r) => {
    const skills: Record<string, number> = {};
    for (let i = 0; i < r.skills.length; i++) skills[r.skills[i]] = r.levels[i];
    return { id: r.id, skills };
  });
}

/**
 * Profile fields and reputation of a batch of mentors in one statement: answer rate and median answer time
 * from their requests, ratings from what their mentees said in feedback.
 */
export async function loadMentorDetails(db: Queryable, ids: readonly string[]): Promise<Map<string, MentorDetails>> {
  const rows = await sql<{
    id: string;
    timezone: string;
    languages: string[];
    availability: AvailabilityWindow[];
    open_slots: number;
    answered: number;
    expired: number;
    median_seconds: number | null;
    rating_count: number;
    rating_sum: number;
  }>(
    db,
    `SELECT p.id, p.timezone, p.languages, p.availability, greatest(p.mentor_capacity - p.active_mentees, 0) AS open_slots,
            rq.answered, rq.expired, rq.median_seconds, rt.rating_count, rt.rating_sum
       FROM profiles p
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE r.status IN ('accepted', 'declined'))::int AS answered,
                count(*) FILTER (WHERE r.status = 'expired')::int AS expired,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - r.created_at))
                  FILTER (WHERE r.status IN ('accepted', 'declined')) AS median_seconds
           FROM mentorship_requests r
          WHERE r.mentor_id = p.id AND r.status IN ('accepted', 'declined', 'expired')
       ) rq
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS rating_count, coalesce(sum(f.rating), 0)::int AS rating_sum
           FROM mentorship_feedback f WHERE f.subject_id = p.id AND f.subject_role = 'mentor'
       ) rt
      WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  const out = new Map<string, MentorDetails>();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      timezone: r.timezone,
      languages: r.languages,
      availability: r.availability,
      openSlots: r.open_slots,
      responsiveness: { answered: r.answered, expired: r.expired, medianAnswerSeconds: r.median_seconds === null ? null : Number(r.median_seconds) },
      ratings: { count: r.rating_count, sum: r.rating_sum },
    });
  }
  return out;
}
