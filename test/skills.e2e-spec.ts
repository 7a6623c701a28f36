import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness } from './support/harness.js';

describe('skill taxonomy (docs/api.md#profiles-skills-and-goals: GET /v1/skills)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  const slugs = (res: { body: { items: { slug: string }[] } }) => res.body.items.map((s) => s.slug);

  it('lists the whole taxonomy without a token, items of { slug, name, category, parents, aliases }', async () => {
    const res = await h.http().get('/v1/skills');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM skills`);
    expect(res.body.items).toHaveLength(n);
    const postgres = res.body.items.find((s: { slug: string }) => s.slug === 'postgresql');
    expect(postgres).toEqual({
      slug: 'postgresql',
      name: 'PostgreSQL',
      category: 'databases',
      parents: ['sql'],
      aliases: ['Postgres', 'psql', 'pg'],
    });
    for (const item of res.body.items)
      expect(Object.keys(item).sort()).toEqual(['aliases', 'category', 'name', 'parents', 'slug']);
  });

  it('also answers a signed-in caller', async () => {
    const u = await registerUser(h);
    const res = await h.http().get('/v1/skills?q=docker').set(u.auth);
    expect(res.status).toBe(200);
    expect(slugs(res)[0]).toBe('docker');
  });

  it.each([
    ['Postgres', 'postgresql'],
    ['POSTGRESQL', 'postgresql'],
    ['k8s', 'kubernetes'],
    ['golang', 'go'],
    ['node.js', 'nodejs'],
    ['ruby on rails', 'rails'],
  ])('matches names and aliases case-insensitively: %s → %s first', async (q, slug) => {
    const res = await h.http().get('/v1/skills').query({ q });
    expect(res.status).toBe(200);
    expect(slugs(res)[0]).toBe(slug);
  });

  it.each([
    ['postgrsql', 'postgresql'],
    ['kubernets', 'kubernetes'],
    ['pyton', 'python'],
    ['javscript', 'javascript'],
    ['grapql', 'graphql'],
  ])('forgives the typo %s → %s', async (q, slug) => {
    const res = await h.http().get('/v1/skills').query({ q });
    expect(res.status).toBe(200);
    expect(slugs(res)[0]).toBe(slug);
  });

  it('ranks the exact match first, then prefixes, then substrings, and leaves unrelated skills out', async () => {
    const res = await h.http().get('/v1/skills').query({ q: 'sql' });
    const found = slugs(res);
    expect(found[0]).toBe('sql');
    expect(found.indexOf('sqlite')).toBeLessThan(found.indexOf('postgresql'));
    expect(found).toEqual(expect.arrayContaining(['mysql', 'postgresql', 'mssql', 'nosql']));
    expect(found).not.toContain('docker');
  });

  it('prefix matches come before fuzzy ones', async () => {
    const found = slugs(await h.http().get('/v1/skills').query({ q: 'java' }));
    expect(found.slice(0, 2).sort()).toEqual(['java', 'javascript']);
    expect(found[0]).toBe('java');
  });

  it('treats LIKE wildcards in q literally', async () => {
    const res = await h.http().get('/v1/skills').query({ q: '%' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('finds nothing for gibberish', async () => {
    const res = await h.http().get('/v1/skills').query({ q: 'zzqxjw' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('filters by category, alone and with q', async () => {
    const res = await h.http().get('/v1/skills').query({ category: 'security' });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(5);
    for (const s of res.body.items) expect(s.category).toBe('security');
    const both = await h.http().get('/v1/skills').query({ category: 'databases', q: 'sql' });
    expect(both.body.items.length).toBeGreaterThan(0);
    for (const s of both.body.items) expect(s.category).toBe('databases');
    const none = await h.http().get('/v1/skills').query({ category: 'frontend', q: 'postgres' });
    expect(none.body.items).toEqual([]);
  });

  it('answers 400 for an unknown category, naming the known ones', async () => {
    const res = await h.http().get('/v1/skills').query({ category: 'alchemy' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'category', message: expect.stringContaining('databases') }]);
  });

  it('caps the answer with limit and rejects unknown query parameters', async () => {
    const res = await h.http().get('/v1/skills').query({ limit: 3 });
    expect(res.body.items).toHaveLength(3);
    expect(slugs(res)[0]).toBe('javascript');
    expectProblem(await h.http().get('/v1/skills').query({ limit: 0 }), 400, 'VALIDATION_FAILED');
    expectProblem(await h.http().get('/v1/skills').query({ sort: 'name' }), 400, 'VALIDATION_FAILED');
  });
});

describe('skill search structures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  it('a skill a later migration adds gets search terms from the trigger (in a rolled-back transaction)', async () => {
    const rollback = new Error('rollback');
    let terms: { term: string }[] = [];
    await expect(
      h.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO skills (slug, name, category, parents, aliases) VALUES ('zig', 'Zig', 'languages', '{}',
             '{"Ziglang", " ZIG "}')`,
        );
        terms = await tx.query(`SELECT term FROM skill_terms WHERE slug = 'zig' ORDER BY term`);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(terms.map((t) => t.term)).toEqual(['zig', 'ziglang']);
  });

  it('documents the endpoints in the OpenAPI document under their tags', async () => {
    const res = await h.http().get('/docs-json');
    const paths = res.body.paths as Record<string, Record<string, { tags?: string[] }>>;
    for (const [path, method] of [
      ['/v1/skills', 'get'],
      ['/v1/profiles/me', 'patch'],
      ['/v1/profiles/{id}', 'get'],
      ['/v1/profiles/me/skills', 'put'],
      ['/v1/profiles/{id}/skills', 'get'],
      ['/v1/profiles/me/goals', 'post'],
      ['/v1/profiles/me/goals/{id}', 'delete'],
      ['/v1/profiles/me/mentoring', 'put'],
      ['/v1/mentors', 'get'],
    ] as const) {
      expect(paths[path]?.[method]).toBeDefined();
    }
    expect(paths['/v1/skills'].get.tags).toEqual(['skills']);
    expect(paths['/v1/profiles/me'].patch.tags).toEqual(['profiles']);
    expect(paths['/v1/mentors'].get.tags).toEqual(['mentors']);
  });
});
