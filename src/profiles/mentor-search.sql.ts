// The mentor search SQL, shared by MentorSearchService and bench/mentor-search.bench.ts so the benchmark
// always measures the query the API runs. No Nest or TypeORM here.

export interface MentorSearchFilter {
  /** A known taxonomy slug; mentors holding it or any descendant match. */
  skill?: string;
  /** Applies to the matched level (only with `skill`). */
  minLevel: number;
  /** ISO 639-1 code. */
  language?: string;
  /** Accepting mentees with an open slot. */
  acceptingOnly: boolean;
  /** Keyset position: the last row of the previous page (level is null without `skill`). */
  after?: { level: number | null; id: string };
  /** Rows to fetch: page size + 1, so the caller knows whether another page exists. */
  rows: number;
}

export interface MentorSearchRow {
  id: string;
  display_name: string;
  headline: string;
  timezone: string;
  languages: string[];
  accepting_mentees: boolean;
  open_slots: number;
  match_level: number | null;
}

const PROFILE_COLUMNS = `p.id, p.display_name, p.headline, p.timezone, p.languages, p.accepting_mentees,
       greatest(0, p.mentor_capacity - p.active_mentees)::int AS open_slots`;

/**
 * With a skill: one backward range scan of mentor_skill_reach (skill, level, profile_id), which holds each
 * mentor's best level over the skill and its descendants, joined to profiles by primary key for the filters;
 * ordered by (level DESC, id DESC) with a row-comparison keyset the index can seek to, so every page costs
 * about the same. Without a skill: the mentors' partial index on profiles, by id DESC.
 * The predicates repeat the partial indexes' WHERE clauses verbatim so the planner can use them.
 */
export function mentorSearchQuery(f: MentorSearchFilter): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (v: unknown, cast = ''): string => {
    values.push(v);
    return `$${values.length}${cast}`;
  };
  const where: string[] = [`'mentor' = ANY(p.roles)`];
  if (f.language !== undefined) where.push(`p.languages @> ARRAY[${param(f.language)}]::text[]`);
  if (f.acceptingOnly) where.push(`p.accepting_mentees AND p.mentor_capacity > p.active_mentees`);

  if (f.skill !== undefined) {
    const conds = [`r.skill = ${param(f.skill)}`, `r.level >= ${param(f.minLevel, '::smallint')}`];
    if (f.after)
      conds.push(
        `(r.level, r.profile_id) < (${param(f.after.level ?? 0, '::smallint')}, ${param(f.after.id, '::uuid')})`,
      );
    return {
      text: `SELECT ${PROFILE_COLUMNS}, r.level::int AS match_level
               FROM mentor_skill_reach r
               JOIN profiles p ON p.id = r.profile_id
              WHERE ${[...conds, ...where].join('\n                AND ')}
              ORDER BY r.level DESC, r.profile_id DESC
              LIMIT ${param(f.rows, '::int')}`,
      values,
    };
  }
  if (f.after) where.push(`p.id < ${param(f.after.id, '::uuid')}`);
  return {
    text: `SELECT ${PROFILE_COLUMNS}, NULL::int AS match_level
             FROM profiles p
            WHERE ${where.join('\n              AND ')}
            ORDER BY p.id DESC
            LIMIT ${param(f.rows, '::int')}`,
    values,
  };
}

/** Every skill of the page's mentors in one query (no N+1), highest level first per mentor. */
export function mentorSkillsQuery(profileIds: readonly string[]): { text: string; values: unknown[] } {
  return {
    text: `SELECT profile_id, skill, level::int AS level FROM profile_skills
            WHERE profile_id = ANY($1::uuid[]) ORDER BY profile_id, level DESC, skill`,
    values: [profileIds],
  };
}
