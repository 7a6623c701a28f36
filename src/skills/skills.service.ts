import { Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { sql, type Queryable } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { skillSearchQuery, type SkillSearch, type SkillView } from './skill-search.sql.js';

export interface AssertKnownOptions {
  /** Field path for the i-th slug in error entries; default `skills[i]`. */
  field?: (index: number) => string;
  /** Run inside this transaction (or any Queryable) instead of the pool. */
  db?: Queryable;
}

/**
 * The skill taxonomy, read-only at runtime (it changes by migration only). Every module validates slugs
 * with `assertKnown`, so an unknown skill is one error everywhere: 400 UNKNOWN_SKILL naming the field.
 */
@Injectable()
export class SkillsService {
  constructor(private readonly uow: UnitOfWork) {}

  private db(db?: Queryable): Queryable {
    return db ?? this.uow.db;
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

  private async categories(): Promise<string[]> {
    const rows = await sql<{ category: string }>(this.db(), `SELECT DISTINCT category FROM skills ORDER BY category`);
    return rows.map((r) => r.category);
  }

  /** The slugs (deduplicated, in input order) that name no skill. */
  private async unknownOf(slugs: readonly string[], db?: Queryable): Promise<string[]> {
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
}
