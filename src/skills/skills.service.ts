import { Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { sql, type Queryable } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { skillSearchQuery, type SkillSearch, type SkillView } from './skill-search.sql.js';

export interface RelatedSkill {
  slug: string;
  /** 1 = direct parent/child, 2 = grandparent/grandchild, ... (shortest path). */
  depth: number;
}

export interface AssertKnownOptions {
  /** Field path for the i-th slug in error entries; default `skills[i]`. */
  field?: (index: number) => string;
  /** Run inside this transaction (or any Queryable) instead of the pool. */
  db?: Queryable;
}

/**
 * The skill taxonomy, read-only at runtime (it changes by migration only). Other modules validate slugs
 * with `assertKnown` and walk the graph with `ancestorsOf` / `descendantsOf`.
 */
@Injectable()
export class SkillsService {
  constructor(private readonly uow: UnitOfWork) {}

  private db(db?: Queryable): Queryable {
    return db ?? this.uow.dataSource;
  }

  /** GET /v1/skills: an unknown category is a 400 naming the known ones (a typo should not look like "no skills"). */
  async search(search: SkillSearch): Promise<SkillView[]> {
    if (search.category !== undefined) {
      const categories = await this.categories();
      if (!categories.includes(search.category)) {
        throw ValidationFailed.field('category', `category must be one of ${categories.join(', ')}`);
      }
    }
    const { text, values } = skillSearchQuery(search);
    return sql<SkillView>(this.db(), text, values);
  }

  async categories(db?: Queryable): Promise<string[]> {
    const rows = await sql<{ category: string }>(this.db(db), `SELECT DISTINCT category FROM skills ORDER BY category`);
    return rows.map((r) => r.category);
  }

  async get(slug: string, db?: Queryable): Promise<SkillView | undefined> {
    const [row] = await sql<SkillView>(
      this.db(db),
      `SELECT slug, name, category, parents, aliases FROM skills WHERE slug = $1`,
      [slug],
    );
    return row;
  }

  /** The slugs (deduplicated, in input order) that name no skill. */
  async unknownOf(slugs: readonly string[], db?: Queryable): Promise<string[]> {
    const distinct = [...new Set(slugs)];
    if (!distinct.length) return [];
    const rows = await sql<{ slug: string }>(this.db(db), `SELECT slug FROM skills WHERE slug = ANY($1::text[])`, [
      distinct,
    ]);
    const known = new Set(rows.map((r) => r.slug));
    return distinct.filter((s) => !known.has(s));
  }

  /** Throws 400 with one field error per unknown slug (`skills[2]` by default). */
  async assertKnown(slugs: readonly string[], opts: AssertKnownOptions = {}): Promise<void> {
    const unknown = new Set(await this.unknownOf(slugs, opts.db));
    if (!unknown.size) return;
    const field = opts.field ?? ((i: number) => `skills[${i}]`);
    const errors: FieldError[] = [];
    slugs.forEach((slug, i) => {
      if (unknown.has(slug)) errors.push({ field: field(i), message: `unknown skill "${slug}"` });
    });
    throw new ValidationFailed(
      errors,
      errors.length === 1 ? errors[0].message : 'Some skills are unknown.',
      'UNKNOWN_SKILL',
    );
  }

  /** Broader skills a holder of `slug` gets partial credit for, nearest first (the skill itself excluded). */
  async ancestorsOf(slug: string, db?: Queryable): Promise<RelatedSkill[]> {
    return sql<RelatedSkill>(
      this.db(db),
      `SELECT ancestor AS slug, depth::int AS depth FROM skill_ancestors WHERE skill = $1 AND depth > 0 ORDER BY depth, ancestor`,
      [slug],
    );
  }

  /** More specific skills under `slug`, nearest first (the skill itself excluded). */
  async descendantsOf(slug: string, db?: Queryable): Promise<RelatedSkill[]> {
    return sql<RelatedSkill>(
      this.db(db),
      `SELECT skill AS slug, depth::int AS depth FROM skill_ancestors WHERE ancestor = $1 AND depth > 0 ORDER BY depth, skill`,
      [slug],
    );
  }

  /** The slug a slug, name or alias names exactly (case-insensitive), e.g. "Postgres" → "postgresql". */
  async resolve(term: string, db?: Queryable): Promise<string | undefined> {
    const [row] = await sql<{ slug: string }>(
      this.db(db),
      `SELECT slug FROM skill_terms WHERE term = lower(btrim($1))`,
      [term],
    );
    return row?.slug;
  }
}
