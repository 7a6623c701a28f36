/** A taxonomy row as the API shows it. */
export interface SkillView {
  slug: string;
  name: string;
  category: string;
  parents: string[];
  aliases: string[];
}

export interface SkillSearch {
  /** Free text: matches slugs, names and aliases case-insensitively, forgiving small typos. */
  q?: string;
  category?: string;
  limit?: number;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL behind GET /v1/skills. Matches rank in tiers (exact term, prefix, substring, trigram-similar) and
 * by trigram score within a tier, so typed-out names beat fuzzy neighbours; popularity breaks ties.
 * `term % q` and `q <% term` are served by the GIN trigram index on skill_terms (thresholds are pg_trgm's
 * defaults: similarity 0.3, word similarity 0.6).
 */
export function skillSearchQuery(search: SkillSearch): { text: string; values: unknown[] } {
  const q = search.q?.trim().toLowerCase() ?? '';
  const values: unknown[] = [];
  const param = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (search.category !== undefined) where.push(`s.category = ${param(search.category)}`);
  const limit = search.limit !== undefined ? `LIMIT ${param(search.limit)}` : '';
  if (q === '') {
    return {
      text: `SELECT s.slug, s.name, s.category, s.parents, s.aliases FROM skills s
              ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              ORDER BY s.popularity DESC, s.name, s.slug ${limit}`,
      values,
    };
  }
  const term = param(q);
  const like = param(likeEscape(q));
  return {
    text: `WITH hits AS (
             SELECT t.slug,
                    min(CASE WHEN t.term = ${term} THEN 0
                             WHEN t.term LIKE ${like} || '%' THEN 1
                             WHEN t.term LIKE '%' || ${like} || '%' THEN 2
                             ELSE 3 END) AS tier,
                    max(greatest(similarity(t.term, ${term}), word_similarity(${term}, t.term))) AS score
               FROM skill_terms t
              WHERE t.term LIKE '%' || ${like} || '%' OR t.term % ${term} OR ${term} <% t.term
              GROUP BY t.slug
           )
           SELECT s.slug, s.name, s.category, s.parents, s.aliases
             FROM hits h JOIN skills s ON s.slug = h.slug
            ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY h.tier, h.score DESC, s.popularity DESC, s.name, s.slug ${limit}`,
    values,
  };
}
