import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';

interface Item {
  id: string;
  matchedLevel: number | null;
  [k: string]: unknown;
}

describe('mentor search (docs/api.md#profiles-skills-and-goals: GET /v1/mentors)', () => {
  let h: Harness;
  let caller: TestUser;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    caller = await registerUser(h, ['learner']);
  });
  afterAll(() => h.close());

  async function mentor(
    skills: { skill: string; level: number }[],
    opts: { languages?: string[]; accepting?: boolean; capacity?: number; roles?: string[] } = {},
  ): Promise<TestUser> {
    const u = await registerUser(h, opts.roles ?? ['mentor'], {
      displayName: `M ${Math.random().toString(36).slice(2, 7)}`,
    });
    await h.http().put('/v1/profiles/me/skills').set(u.auth).send({ skills }).expect(200);
    await h
      .http()
      .patch('/v1/profiles/me')
      .set(u.auth)
      .send({ headline: 'mentor', timezone: 'Europe/Berlin', languages: opts.languages ?? ['en'] })
      .expect(200);
    if ((opts.roles ?? ['mentor']).includes('mentor')) {
      await h
        .http()
        .put('/v1/profiles/me/mentoring')
        .set(u.auth)
        .send({ acceptingMentees: opts.accepting ?? false, capacity: opts.capacity ?? 0 })
        .expect(200);
    }
    return u;
  }

  /** Every page of a search, following nextCursor. */
  async function all(query: Record<string, string | number | boolean>, limit = 100): Promise<Item[]> {
    const out: Item[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const res: { status: number; body: { items: Item[]; nextCursor: string | null } } = await h
        .http()
        .get('/v1/mentors')
        .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
        .set(caller.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      out.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return out;
    }
    throw new Error('too many pages');
  }
  const ids = (items: Item[]) => items.map((i) => i.id);

  it('items carry id, displayName, headline, timezone, languages, skills, acceptingMentees, openSlots', async () => {
    const m = await mentor(
      [
        { skill: 'kafka', level: 4 },
        { skill: 'java', level: 5 },
      ],
      { accepting: true, capacity: 2, languages: ['en', 'de'] },
    );
    const found = (await all({ skill: 'kafka' })).find((i) => i.id === m.id);
    const [{ display_name }] = await h.db.query(`SELECT display_name FROM profiles WHERE id = $1`, [m.id]);
    expect(found).toEqual({
      id: m.id,
      displayName: display_name,
      headline: 'mentor',
      timezone: 'Europe/Berlin',
      languages: ['en', 'de'],
      skills: [
        { skill: 'java', level: 5 },
        { skill: 'kafka', level: 4 },
      ],
      acceptingMentees: true,
      openSlots: 2,
      matchedLevel: 4,
    });
    expect(JSON.stringify(found)).not.toContain(m.email);
  });

  it('a parent skill also finds mentors of its children, ranked by their best matching level', async () => {
    const pg = await mentor([{ skill: 'postgresql', level: 5 }]);
    const both = await mentor([
      { skill: 'mysql', level: 2 },
      { skill: 'sqlite', level: 3 },
    ]);
    const plain = await mentor([{ skill: 'sql', level: 4 }]);
    const unrelated = await mentor([{ skill: 'mongodb', level: 5 }]);
    const sql = await all({ skill: 'sql' });
    const byId = new Map(sql.map((i) => [i.id, i]));
    expect(byId.get(pg.id)?.matchedLevel).toBe(5);
    expect(byId.get(both.id)?.matchedLevel).toBe(3);
    expect(byId.get(plain.id)?.matchedLevel).toBe(4);
    expect(byId.has(unrelated.id)).toBe(false);
    expect(new Set(ids(sql)).size).toBe(sql.length);
    const mine = ids(sql).filter((id) => [pg.id, both.id, plain.id].includes(id));
    expect(mine).toEqual([pg.id, plain.id, both.id]);
    // A child never finds its parent's or sibling's mentors.
    const postgres = ids(await all({ skill: 'postgresql' }));
    expect(postgres).toContain(pg.id);
    expect(postgres).not.toContain(plain.id);
    expect(postgres).not.toContain(both.id);
    // Transitive: nestjs → nodejs → javascript.
    const nest = await mentor([{ skill: 'nestjs', level: 4 }]);
    expect(ids(await all({ skill: 'javascript' }))).toContain(nest.id);
    expect(ids(await all({ skill: 'typescript' }))).toContain(nest.id);
  });

  it('minLevel applies to the matched skill, and level 0 entries are not teaching', async () => {
    const three = await mentor([
      { skill: 'redis', level: 3 },
      { skill: 'go', level: 5 },
    ]);
    const zero = await mentor([{ skill: 'redis', level: 0 }]);
    expect(ids(await all({ skill: 'redis', minLevel: 3 }))).toContain(three.id);
    expect(ids(await all({ skill: 'redis', minLevel: 4 }))).not.toContain(three.id);
    expect(ids(await all({ skill: 'nosql', minLevel: 4 }))).not.toContain(three.id);
    expect(ids(await all({ skill: 'redis' }))).not.toContain(zero.id);
    expect(ids(await all({ skill: 'redis', minLevel: 0 }))).toContain(zero.id);
    for (const i of await all({ skill: 'redis', minLevel: 2 })) expect(i.matchedLevel).toBeGreaterThanOrEqual(2);
  });

  it('filters by language', async () => {
    const kl = await mentor([{ skill: 'rust', level: 4 }], { languages: ['kl', 'en'] });
    const en = await mentor([{ skill: 'rust', level: 4 }], { languages: ['en'] });
    const greenlandic = await all({ skill: 'rust', language: 'kl' });
    expect(ids(greenlandic)).toContain(kl.id);
    expect(ids(greenlandic)).not.toContain(en.id);
    for (const i of greenlandic) expect(i.languages).toContain('kl');
    expect(ids(await all({ language: 'kl' }))).toContain(kl.id);
  });

  it('acceptingOnly=true keeps mentors accepting with an open slot', async () => {
    const open = await mentor([{ skill: 'terraform', level: 4 }], { accepting: true, capacity: 2 });
    const full = await mentor([{ skill: 'terraform', level: 4 }], { accepting: true, capacity: 1 });
    const closed = await mentor([{ skill: 'terraform', level: 4 }], { accepting: false, capacity: 3 });
    await h.db.query(`UPDATE profiles SET active_mentees = 1 WHERE id = $1`, [full.id]);
    const accepting = await all({ skill: 'terraform', acceptingOnly: true });
    expect(ids(accepting)).toContain(open.id);
    expect(ids(accepting)).not.toContain(full.id);
    expect(ids(accepting)).not.toContain(closed.id);
    for (const i of accepting) {
      expect(i.acceptingMentees).toBe(true);
      expect(i.openSlots).toBeGreaterThan(0);
    }
    const everyone = await all({ skill: 'terraform', acceptingOnly: false });
    expect(ids(everyone)).toEqual(expect.arrayContaining([open.id, full.id, closed.id]));
    expect(everyone.find((i) => i.id === full.id)?.openSlots).toBe(0);
    expect(ids(await all({ acceptingOnly: true }))).toContain(open.id);
  });

  it('lists only profiles with the mentor role, and follows role changes', async () => {
    const learner = await mentor([{ skill: 'laravel', level: 5 }], { roles: ['learner'] });
    expect(ids(await all({ skill: 'laravel' }))).not.toContain(learner.id);
    expect(ids(await all({}))).not.toContain(learner.id);
    // users.roles is the source; profiles.roles follows by trigger.
    await h.db.query(`UPDATE users SET roles = array_append(roles, 'mentor') WHERE id = $1`, [learner.id]);
    expect(ids(await all({ skill: 'laravel' }))).toContain(learner.id);
    expect(ids(await all({ skill: 'php' }))).toContain(learner.id);
    await h.db.query(`UPDATE users SET roles = ARRAY['learner'] WHERE id = $1`, [learner.id]);
    expect(ids(await all({ skill: 'laravel' }))).not.toContain(learner.id);
  });

  it('pages without duplicates or gaps, in a stable (matched level desc, id) order', async () => {
    const made: TestUser[] = [];
    for (const level of [5, 4, 4, 3, 3, 3, 2]) made.push(await mentor([{ skill: 'cassandra', level }]));
    const whole = await all({ skill: 'cassandra' }, 100);
    const paged = await all({ skill: 'cassandra' }, 2);
    expect(ids(paged)).toEqual(ids(whole));
    expect(new Set(ids(paged)).size).toBe(paged.length);
    for (const u of made) expect(ids(paged)).toContain(u.id);
    for (let i = 1; i < paged.length; i++) {
      const [a, b] = [paged[i - 1], paged[i]];
      expect(a.matchedLevel! > b.matchedLevel! || (a.matchedLevel === b.matchedLevel && a.id > b.id)).toBe(true);
    }
    const wholeList = await all({ language: 'en' }, 100);
    const pagedList = await all({ language: 'en' }, 3);
    expect(ids(pagedList)).toEqual(ids(wholeList));
    expect(new Set(ids(pagedList)).size).toBe(pagedList.length);
  });

  it('a profile whose skills change moves in the results', async () => {
    const m = await mentor([{ skill: 'graphql', level: 2 }]);
    expect((await all({ skill: 'graphql' })).find((i) => i.id === m.id)?.matchedLevel).toBe(2);
    await h
      .http()
      .put('/v1/profiles/me/skills')
      .set(m.auth)
      .send({ skills: [{ skill: 'graphql', level: 5 }] })
      .expect(200);
    expect((await all({ skill: 'graphql' })).find((i) => i.id === m.id)?.matchedLevel).toBe(5);
    await h.http().put('/v1/profiles/me/skills').set(m.auth).send({ skills: [] }).expect(200);
    expect(ids(await all({ skill: 'graphql' }))).not.toContain(m.id);
  });

  it.each([
    ['an unknown skill slug', { skill: 'cobol' }, 'skill'],
    ['minLevel 6', { skill: 'sql', minLevel: 6 }, 'minLevel'],
    ['a non-numeric minLevel', { skill: 'sql', minLevel: 'high' }, 'minLevel'],
    ['minLevel without skill', { minLevel: 3 }, 'minLevel'],
    ['an unknown language', { language: 'xx' }, 'language'],
    ['acceptingOnly that is not a boolean', { acceptingOnly: 'maybe' }, 'acceptingOnly'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['an unknown parameter', { sort: 'name' }, 'sort'],
    ['a garbage cursor', { cursor: 'nope' }, 'cursor'],
    ['a forged cursor', { cursor: Buffer.from(JSON.stringify([9, 'x'])).toString('base64url') }, 'cursor'],
  ])('answers 400 for %s', async (_label, query, field) => {
    const res = await h.http().get('/v1/mentors').query(query).set(caller.auth);
    expectProblem(res, 400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('needs a token', async () => {
    expectProblem(await h.http().get('/v1/mentors'), 401);
  });
});
