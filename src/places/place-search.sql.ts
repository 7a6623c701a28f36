import { likeLiteral, searchKey } from './search-key.js';

export interface PlaceSearch {
  q?: string;
  country?: string;
  limit: number;
}

export interface PlaceSearchQuery {
  text: string;
  values: unknown[];
  /** pg_trgm.word_similarity_threshold the query is meant to run under, when it matches by similarity. */
  wordSimilarityThreshold?: number;
}

// Below this many characters a word-beginning match would scan the table, and a trigram says little.
const WORD_PREFIX_MIN_LENGTH = 3;
const FUZZY_MIN_LENGTH = 4;
// pg_trgm's default (0.6) misses one-letter slips in short names ("Tokio" for Tokyo scores 0.5).
export const WORD_SIMILARITY_THRESHOLD = 0.5;

const COLUMNS = `id, name, country, admin1, lat, lng, timezone, population`;

/**
 * Ranks in tiers (the exact name, then names that begin with the query, then names with a word that does, then
 * close spellings by pg_trgm word similarity, coarsened to one decimal so size can decide among near-equals), and
 * by population within a tier: "Berln" finds Berlin, DE before Berlin, NH.
 */
export function placeSearchQuery(search: PlaceSearch): PlaceSearchQuery {
  const key = search.q === undefined ? '' : searchKey(search.q);
  const country = search.country ?? null;
  if (key === '') {
    return {
      text: `SELECT ${COLUMNS} FROM places WHERE ($1::text IS NULL OR country = $1)
              ORDER BY population DESC, id LIMIT $2`,
      values: [country, search.limit],
    };
  }
  const prefix = `${likeLiteral(key)}%`;
  if (key.length < WORD_PREFIX_MIN_LENGTH) {
    return {
      text: `
        SELECT ${COLUMNS} FROM places
         WHERE ($1::text IS NULL OR country = $1) AND search_name LIKE $3
         ORDER BY search_name = $2 DESC, population DESC, id
         LIMIT $4`,
      values: [country, key, prefix, search.limit],
    };
  }
  const wordPrefix = `% ${likeLiteral(key)}%`;
  const fuzzy = key.length >= FUZZY_MIN_LENGTH;
  return {
    text: `
      SELECT ${COLUMNS} FROM places
       WHERE ($1::text IS NULL OR country = $1)
         AND (search_name LIKE $3 OR search_name LIKE $4 ${fuzzy ? 'OR $2 <% search_name' : ''})
       ORDER BY CASE WHEN search_name = $2 THEN 0 WHEN search_name LIKE $3 THEN 1 WHEN search_name LIKE $4 THEN 2
                     ELSE 3 END,
                CASE WHEN search_name LIKE $3 OR search_name LIKE $4 THEN 1
                     ELSE round(word_similarity($2, search_name)::numeric, 1) END DESC,
                population DESC, id
       LIMIT $5`,
    values: [country, key, prefix, wordPrefix, search.limit],
    wordSimilarityThreshold: fuzzy ? WORD_SIMILARITY_THRESHOLD : undefined,
  };
}
