import { sql, sqlOne, type Queryable } from '../database/sql.js';
import type { AvailabilityWindow, LearnerInput, MentorInput, TaxonomySkill } from './scoring/index.js';

/**
 * The SQL behind suggestion refreshes, as plain functions over any Queryable so the worker and the
 * benchmark run the very same statements.
 */

export interface CandidateRow {
  readonly id: string;
  /** Skill coverage as the scorer defines it, computed by the database (used to order and bound). */
  readonly coverage: number;
}

export interface CoverageRules {
  /** Credit by taxonomy distance (RELATION_CREDIT); its length - 1 is the farthest relation that counts. */
  readonly relationCredit: readonly number[];
  /** Ceiling of the credit for a mentor above the learner but below the target (PARTIAL_LEVEL_CREDIT). */
  readonly partialLevelCredit: number;
}

export type MentorDetails = MentorInput;

/** The eligibility rule, shared by retrieval and by the read-time filter: an open mentor who is not the learner. */
export const OPEN_MENTOR = (p: string, learner: string) => `
  ${p}.accepting_mentees AND ${p}.mentor_capacity > ${p}.active_mentees AND 'mentor' = ANY(${p}.roles)
    AND ${p}.id <> ${learner}
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ${learner} AND b.blocked_id = ${p}.id)
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ${p}.id AND b.blocked_id = ${learner})`;

export async function loadTaxonomy(db: Queryable): Promise<TaxonomySkill[]> {
  return sql<TaxonomySkill>(db, `SELECT slug, name, parents FROM skills`);
}

export async function loadLearner(
  db: Queryable,
  learnerId: string,
): Promise<(LearnerInput & { roles: string[] }) | null> {
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
            coalesce((SELECT jsonb_object_agg(ps.skill, ps.level) FROM profile_skills ps
              WHERE ps.profile_id = p.id), '{}') AS levels,
            coalesce((SELECT jsonb_agg(jsonb_build_object('skill', g.skill, 'targetLevel', g.target_level)
              ORDER BY g.created_at, g.id)
                        FROM goals g WHERE g.profile_id = p.id AND g.status = 'active'), '[]') AS goals
       FROM profiles p WHERE p.id = $1`,
    [learnerId],
  );
  return row ?? null;
}

export interface CoverageGoal {
  readonly skill: string;
  readonly targetLevel: number;
  /** The learner's level in the goal's skill. */
  readonly currentLevel: number;
}

/**
 * Open mentors the scorer gives some skill coverage (a skill within `relationCredit.length - 1` taxonomy steps
 * of an active goal, up or down, at a level above the learner's there), with that coverage, best first, a
 * page at a time (keyset after `after`). The database computes coverage exactly as the scorer does
 * (skill-coverage.ts: best credit per goal, mean over goals), for the very goals the worker prepared, so that
 * only candidates that can still reach the top are loaded and scored; the worker checks the two agree.
 * One aggregate pass: the best credit per goal is a FILTERed max, one per goal.
 */
export async function loadCandidatePage(
  db: Queryable,
  learnerId: string,
  goals: readonly CoverageGoal[],
  rules: CoverageRules,
  after: CandidateRow | null,
  limit: number | null,
): Promise<CandidateRow[]> {
  if (!goals.length) return [];
  const perGoal = goals.map((_, i) => `coalesce(max(credit) FILTER (WHERE gi = ${i + 1}), 0)`).join(' + ');
  return sql<CandidateRow>(
    db,
    `WITH goal AS (
       SELECT * FROM unnest($2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS g(skill, target, cur, gi)
     ), related AS (
       SELECT goal.gi, goal.target, goal.cur, sa.skill AS slug, sa.depth
         FROM goal JOIN skill_ancestors sa ON sa.ancestor = goal.skill AND sa.depth < cardinality($5::float8[])
       UNION ALL
       SELECT goal.gi, goal.target, goal.cur, sa.ancestor, sa.depth
         FROM goal JOIN skill_ancestors sa ON sa.skill = goal.skill AND sa.depth BETWEEN 1
           AND cardinality($5::float8[]) - 1
     ), open_mentor AS MATERIALIZED (
       SELECT p.id FROM profiles p WHERE ${OPEN_MENTOR('p', '$1')}
     ), row_credit AS (
       SELECT ps.profile_id, related.gi,
              CASE WHEN ps.level >= related.target THEN 1::float8
                   ELSE $6::float8 * (ps.level - related.cur) / (related.target - related.cur) END
              * ($5::float8[])[related.depth + 1] AS credit
         FROM related
         CROSS JOIN LATERAL (
           SELECT s.profile_id, s.level FROM profile_skills s WHERE s.skill = related.slug AND s.level > related.cur
         ) ps
         JOIN open_mentor m ON m.id = ps.profile_id
     ), coverage AS (
       SELECT profile_id AS id, (${perGoal}) / ${goals.length} AS coverage FROM row_credit GROUP BY profile_id
     )
     SELECT id, coverage FROM coverage
      WHERE $7::float8 IS NULL OR coverage < $7 OR (coverage = $7 AND id > $8::uuid)
      ORDER BY coverage DESC, id
      LIMIT $9`,
    [
      learnerId,
      goals.map((g) => g.skill),
      goals.map((g) => g.targetLevel),
      goals.map((g) => g.currentLevel),
      rules.relationCredit,
      rules.partialLevelCredit,
      after?.coverage ?? null,
      after?.id ?? null,
      limit,
    ],
  );
}

/**
 * Profile fields, skills and reputation of a batch of mentors in one statement: answer rate and median answer time
 * from their requests, ratings from what their mentees said in feedback.
 */
export async function loadMentorDetails(db: Queryable, ids: readonly string[]): Promise<Map<string, MentorDetails>> {
  const rows = await sql<{
    id: string;
    timezone: string;
    languages: string[];
    availability: AvailabilityWindow[];
    open_slots: number;
    skills: Record<string, number> | null;
    answered: number;
    expired: number;
    median_seconds: number | null;
    rating_count: number;
    rating_sum: number;
  }>(
    db,
    `SELECT p.id, p.timezone, p.languages, p.availability,
            greatest(p.mentor_capacity - p.active_mentees, 0) AS open_slots,
            (SELECT jsonb_object_agg(s.skill, s.level) FROM profile_skills s WHERE s.profile_id = p.id) AS skills,
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
      skills: r.skills ?? {},
      responsiveness: {
        answered: r.answered,
        expired: r.expired,
        medianAnswerSeconds: r.median_seconds === null ? null : Number(r.median_seconds),
      },
      ratings: { count: r.rating_count, sum: r.rating_sum },
    });
  }
  return out;
}
