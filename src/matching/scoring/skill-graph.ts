import type { SkillGraph, SkillRelation } from './types.js';

export interface TaxonomySkill {
  readonly slug: string;
  readonly name?: string;
  readonly parents: readonly string[];
}

/** An in-memory SkillGraph from taxonomy rows as GET /v1/skills returns them. */
export function createSkillGraph(skills: readonly TaxonomySkill[]): SkillGraph {
  const parents = new Map<string, readonly string[]>();
  const children = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const skill of skills) {
    parents.set(skill.slug, skill.parents);
    if (skill.name !== undefined) names.set(skill.slug, skill.name);
    for (const parent of skill.parents) {
      const list = children.get(parent);
      if (list === undefined) children.set(parent, [skill.slug]);
      else list.push(skill.slug);
    }
  }
  return {
    parentsOf: (slug) => parents.get(slug) ?? [],
    childrenOf: (slug) => children.get(slug) ?? [],
    nameOf: (slug) => names.get(slug) ?? slug,
  };
}

export interface RelatedSkill {
  readonly slug: string;
  readonly relation: SkillRelation;
  readonly distance: number;
}

function walk(
  start: string,
  next: (slug: string) => readonly string[],
  relation: SkillRelation,
  maxDistance: number,
  found: Map<string, RelatedSkill>,
): void {
  let frontier = [start];
  const seen = new Set([start]);
  for (let distance = 1; distance <= maxDistance && frontier.length > 0; distance++) {
    const following: string[] = [];
    for (const slug of frontier) {
      for (const related of next(slug)) {
        if (seen.has(related)) continue;
        seen.add(related);
        following.push(related);
        const known = found.get(related);
        if (known === undefined || known.distance > distance) found.set(related, { slug: related, relation, distance });
      }
    }
    frontier = following;
  }
}

/**
 * The skill itself, its ancestors and its descendants up to `maxDistance` steps, nearest first.
 * Siblings (e.g. MySQL for a PostgreSQL goal) are deliberately not related: sharing a parent says less about
 * teaching ability than being the parent or a specialisation.
 */
export function relatedSkills(graph: SkillGraph, slug: string, maxDistance: number): RelatedSkill[] {
  const found = new Map<string, RelatedSkill>();
  walk(slug, (s) => graph.parentsOf(s), 'ancestor', maxDistance, found);
  walk(slug, (s) => graph.childrenOf(s), 'descendant', maxDistance, found);
  found.delete(slug);
  const related = [...found.values()].sort((a, b) => a.distance - b.distance);
  return [{ slug, relation: 'exact', distance: 0 }, ...related];
}
