import { describe, it, expect } from '@jest/globals';
import {
  SKILL_CATEGORIES,
  SKILL_TAXONOMY,
  validateTaxonomy,
  type TaxonomySkill,
} from '../../migrations/data/skill-taxonomy.js';

const bySlug = new Map(SKILL_TAXONOMY.map((s) => [s.slug, s]));

function skill(slug: string): TaxonomySkill {
  const found = bySlug.get(slug);
  if (!found) throw new Error(`missing skill ${slug}`);
  return found;
}

// Mirrors the case-insensitive lookup the skills search does in SQL.
function resolve(term: string): string | undefined {
  const key = term.toLowerCase();
  return SKILL_TAXONOMY.find(
    (s) => s.slug === key || s.name.toLowerCase() === key || s.aliases.some((a) => a.toLowerCase() === key),
  )?.slug;
}

function ancestors(slug: string): Set<string> {
  const out = new Set<string>();
  const stack = [...skill(slug).parents];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...skill(next).parents);
  }
  return out;
}

const base = (slug: string, parents: string[] = [], aliases: string[] = []): TaxonomySkill => ({
  slug,
  name: slug.toUpperCase(),
  category: 'languages',
  parents,
  aliases,
  popularity: 50,
});

describe('skill taxonomy seed data', () => {
  it('is internally consistent', () => {
    expect(validateTaxonomy(SKILL_TAXONOMY)).toEqual([]);
  });

  it('has at least 70 skills in at least 10 categories, every category used', () => {
    expect(SKILL_TAXONOMY.length).toBeGreaterThanOrEqual(70);
    expect(SKILL_CATEGORIES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SKILL_CATEGORIES).size).toBe(SKILL_CATEGORIES.length);
    const used = new Set(SKILL_TAXONOMY.map((s) => s.category));
    expect([...used].sort()).toEqual([...SKILL_CATEGORIES].sort());
    for (const category of SKILL_CATEGORIES) expect(category).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('covers the backend roadmap', () => {
    const required = [
      'python',
      'java',
      'javascript',
      'typescript',
      'nodejs',
      'ruby',
      'php',
      'go',
      'csharp',
      'rust',
      'kotlin',
      'django',
      'flask',
      'fastapi',
      'spring',
      'express',
      'nestjs',
      'rails',
      'laravel',
      'aspnet-core',
      'sql',
      'postgresql',
      'mysql',
      'mariadb',
      'oracle',
      'mssql',
      'sqlite',
      'mongodb',
      'cassandra',
      'redis',
      'elasticsearch',
      'database-indexing',
      'transactions',
      'orms',
      'database-migrations',
      'nosql',
      'rest',
      'graphql',
      'grpc',
      'openapi',
      'websockets',
      'git',
      'github',
      'gitlab',
      'cloud',
      'aws',
      'gcp',
      'azure',
      'devops',
      'docker',
      'kubernetes',
      'ci-cd',
      'linux',
      'terraform',
      'monitoring',
      'security',
      'authentication',
      'oauth',
      'jwt',
      'tls',
      'encryption',
      'hashing',
      'owasp',
      'cors',
      'nginx',
      'apache',
      'caching',
      'load-balancing',
      'mvc',
      'microservices',
      'monolith',
      'message-brokers',
      'rabbitmq',
      'kafka',
      'event-driven',
      'design-patterns',
      'system-design',
      'scalability',
      'unit-testing',
      'integration-testing',
      'tdd',
      'debugging',
      'html',
      'css',
      'http',
      'problem-solving',
      'communication',
      'code-review',
      'technical-writing',
    ];
    expect(required.filter((slug) => !bySlug.has(slug))).toEqual([]);
  });

  it.each([
    [['postgresql', 'mysql', 'mariadb', 'oracle', 'mssql', 'sqlite'], 'sql'],
    [['mongodb', 'cassandra', 'redis'], 'nosql'],
    [['express', 'nestjs'], 'nodejs'],
    [['nodejs', 'typescript'], 'javascript'],
    [['nestjs'], 'typescript'],
    [['django', 'flask', 'fastapi'], 'python'],
    [['spring'], 'java'],
    [['rails'], 'ruby'],
    [['laravel'], 'php'],
    [['aspnet-core'], 'csharp'],
    [['jwt', 'oauth'], 'authentication'],
    [['authentication', 'tls', 'encryption', 'hashing', 'owasp', 'cors'], 'security'],
    [['docker', 'kubernetes', 'ci-cd', 'terraform'], 'devops'],
    [['kubernetes'], 'docker'],
    [['github', 'gitlab'], 'git'],
    [['rabbitmq', 'kafka'], 'message-brokers'],
    [['aws', 'gcp', 'azure'], 'cloud'],
  ])('%j have %s as a direct parent', (children, parent) => {
    for (const child of children) expect(skill(child).parents).toContain(parent);
  });

  it('gives partial credit transitively up the graph', () => {
    expect(ancestors('express')).toEqual(new Set(['nodejs', 'javascript']));
    expect(ancestors('nestjs')).toEqual(new Set(['nodejs', 'typescript', 'javascript']));
    expect(ancestors('jwt')).toEqual(new Set(['authentication', 'security']));
  });

  it.each([
    ['Postgres', 'postgresql'],
    ['psql', 'postgresql'],
    ['PG', 'postgresql'],
    ['node', 'nodejs'],
    ['Node.js', 'nodejs'],
    ['NODEJS', 'nodejs'],
    ['js', 'javascript'],
    ['ECMAScript', 'javascript'],
    ['TS', 'typescript'],
    ['k8s', 'kubernetes'],
    ['kube', 'kubernetes'],
    ['golang', 'go'],
    ['GCP', 'gcp'],
    ['Amazon Web Services', 'aws'],
    ['RoR', 'rails'],
    ['ruby on rails', 'rails'],
    ['Spring Boot', 'spring'],
    ['SSL', 'tls'],
    ['https', 'tls'],
    ['mongo', 'mongodb'],
    ['Nest', 'nestjs'],
    ['.net', 'aspnet-core'],
    ['CI', 'ci-cd'],
    ['cd', 'ci-cd'],
    ['Continuous Integration', 'ci-cd'],
  ])('alias %s resolves to %s', (alias, slug) => {
    expect(resolve(alias)).toBe(slug);
  });

  it('orders popularity like the roadmap', () => {
    const pop = (slug: string): number => skill(slug).popularity;
    const top = ['javascript', 'sql', 'git', 'python', 'postgresql', 'docker'];
    for (const slug of top) expect(pop(slug)).toBeGreaterThanOrEqual(85);
    for (const slug of ['cassandra', 'oracle']) {
      expect(pop(slug)).toBeLessThan(Math.min(...top.map(pop)));
      expect(pop(slug)).toBeLessThan(pop('mysql'));
    }
  });
});

describe('validateTaxonomy', () => {
  it('accepts a small consistent taxonomy', () => {
    expect(validateTaxonomy([base('a'), base('b', ['a']), base('c', ['a', 'b'])])).toEqual([]);
  });

  it('reports duplicate slugs', () => {
    expect(validateTaxonomy([base('a'), { ...base('a'), name: 'Other' }])).toEqual(['duplicate slug "a"']);
  });

  it('reports unknown parents and self parents', () => {
    expect(validateTaxonomy([base('a', ['ghost']), base('b', ['b'])])).toEqual([
      'skill "a" has unknown parent "ghost"',
      'skill "b" is its own parent',
    ]);
  });

  it('reports a cycle once, with its path', () => {
    const problems = validateTaxonomy([base('a', ['c']), base('b', ['a']), base('c', ['b']), base('d', ['a'])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^parent cycle: (a -> c -> b -> a|b -> a -> c -> b|c -> b -> a -> c)$/);
  });

  it('reports alias collisions across skills, case-insensitively, but not within one skill', () => {
    expect(validateTaxonomy([base('a', [], ['Foo', 'A']), base('b', [], ['foo'])])).toEqual([
      'alias collision: "foo" names both "a" and "b"',
    ]);
    expect(validateTaxonomy([base('a'), base('b', [], ['A'])])).toEqual([
      'alias collision: "a" names both "a" and "b"',
    ]);
  });

  it('reports bad slugs, categories and popularity', () => {
    const bad: TaxonomySkill = { ...base('Bad_Slug'), category: 'nope', popularity: 0 };
    expect(validateTaxonomy([bad])).toEqual([
      'slug "Bad_Slug" is not lowercase kebab-case',
      'skill "Bad_Slug" has unknown category "nope"',
      'skill "Bad_Slug" has popularity 0 outside 1..100',
    ]);
  });
});
