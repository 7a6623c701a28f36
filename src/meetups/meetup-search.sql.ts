// The meetup search query, shared by the service and bench/meetups.bench.ts so the benchmark measures the real SQL.
import { cursorTimestamp } from '../common/pagination/cursor.js';
import { MEETUP_COLUMNS } from './meetup.view.js';

export const DEFAULT_RADIUS_KM = 50;

export interface MeetupSearchFilter {
  q?: string;
  /** a skill slug; meetups tagged with it or any descendant match */
  skill?: string;
  from: Date;
  to?: Date;
  near?: { lat: number; lng: number };
  radiusKm?: number;
  online?: boolean;
  /** keyset: the last (starts_key, id) of the previous page */
  after?: { startsAt: string; id: string };
  /** rows to fetch (a page plus one, to know whether there is a next page) */
  limit: number;
}

export interface SqlQuery {
  text: string;
  params: unknown[];
}

/**
 * Scheduled meetups starting in [from, to), soonest first, keyset-paged on (starts_at, id) so pages stay
 * stable under equal start times. Each filter is an indexable predicate: full text on the generated
 * tsvector (GIN), skills on skill_terms, the ancestor closure of the meetup's skills (GIN), distance as an
 * earth_box containment refined by the exact earth_distance. With near, one GiST over (place, text, skills,
 * start) checks all filters inside the index.
 */
export function buildMeetupSearch(f: MeetupSearchFilter): SqlQuery {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`m.status = 'scheduled'`, `m.starts_at >= ${p(f.from)}`];
  if (f.to) where.push(`m.starts_at < ${p(f.to)}`);
  if (f.q) where.push(`m.search @@ websearch_to_tsquery('english', ${p(f.q)})`);
  if (f.skill) {
    // skill_terms holds each meetup skill's ancestors (skill_ancestors, depth 0 included); format('%L') keeps a
    // slug such as ci-cd one lexeme.
    where.push(`m.skill_terms @@ format('%L', ${p(f.skill)}::text)::tsquery`);
  }
  if (f.near) {
    const origin = `ll_to_earth(${p(f.near.lat)}::float8, ${p(f.near.lng)}::float8)`;
    const radius = p((f.radiusKm ?? DEFAULT_RADIUS_KM) * 1000);
    where.push(
      `m.lat IS NOT NULL`,
      `earth_box(${origin}, ${radius}::float8) @> ll_to_earth(m.lat, m.lng)`,
      `earth_distance(${origin}, ll_to_earth(m.lat, m.lng)) <= ${radius}::float8`,
    );
  }
  if (f.online !== undefined) where.push(`m.online = ${p(f.online)}`);
  if (f.after) where.push(`(m.starts_at, m.id) > (${p(f.after.startsAt)}::timestamptz, ${p(f.after.id)}::uuid)`);
  const text = `SELECT ${MEETUP_COLUMNS}, ${cursorTimestamp('m.starts_at')} AS starts_key
    FROM meetups m
   WHERE ${where.join('\n     AND ')}
   ORDER BY m.starts_at, m.id
   LIMIT ${p(f.limit)}`;
  return { text, params };
}
