import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';

describe('profiles, skills, goals, mentoring settings (docs/api.md#profiles-skills-and-goals)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  const berlin = { city: 'Berlin', country: 'DE', lat: 52.52, lng: 13.405 };

  async function matchingEvents(profileId: string): Promise<string[][]> {
    const rows: { payload: { reasons: string[] } }[] = await h.db.query(
      `SELECT payload FROM outbox WHERE type = 'profile.matching_changed' AND payload->>'profileId' = $1 ORDER BY seq`,
      [profileId],
    );
    return rows.map((r) => r.payload.reasons);
  }

  const patchMe = (u: TestUser, body: unknown) =>
    h
      .http()
      .patch('/v1/profiles/me')
      .set(u.auth)
      .send(body as object);
  const putSkills = (u: TestUser, skills: unknown[]) =>
    h.http().put('/v1/profiles/me/skills').set(u.auth).send({ skills });

  describe('GET/PATCH /v1/profiles/me', () => {
    it('starts with defaults and requires a token', async () => {
      const u = await registerUser(h, ['learner'], { displayName: 'Grace' });
      const res = await h.http().get('/v1/profiles/me').set(u.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: u.id,
        displayName: 'Grace',
        headline: '',
        bio: '',
        roles: ['learner'],
        timezone: 'UTC',
        languages: [],
        location: null,
        contactUrl: null,
        availability: [],
      });
      expectProblem(await h.http().get('/v1/profiles/me'), 401);
    });

    it('updates every field, merges overlapping availability, dedupes languages, keeps /v1/me in step', async () => {
      const u = await registerUser(h);
      const res = await patchMe(u, {
        displayName: '  Ada Lovelace ',
        headline: 'Backend learner',
        bio: 'Learning Postgres',
        timezone: 'Europe/Berlin',
        languages: ['en', 'de', 'en'],
        location: berlin,
        contactUrl: 'https://ada.example/contact',
        availability: [
          { day: 'tue', start: '18:00', end: '20:00' },
          { day: 'mon', start: '10:00', end: '12:00' },
          { day: 'mon', start: '09:00', end: '10:30' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        displayName: 'Ada Lovelace',
        headline: 'Backend learner',
        bio: 'Learning Postgres',
        timezone: 'Europe/Berlin',
        languages: ['en', 'de'],
        location: berlin,
        contactUrl: 'https://ada.example/contact',
        availability: [
          { day: 'mon', start: '09:00', end: '12:00' },
          { day: 'tue', start: '18:00', end: '20:00' },
        ],
      });
      expect((await h.http().get('/v1/profiles/me').set(u.auth)).body).toEqual(res.body);
      const me = await h.http().get('/v1/me').set(u.auth);
      expect(me.body.displayName).toBe('Ada Lovelace');
      expect(me.body.profile.displayName).toBe('Ada Lovelace');
    });

    it('leaves absent fields alone and clears location and contactUrl with null', async () => {
      const u = await registerUser(h);
      await patchMe(u, { headline: 'h1', location: berlin, contactUrl: 'http://x.example' }).expect(200);
      const res = await patchMe(u, { location: null, contactUrl: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ headline: 'h1', location: null, contactUrl: null });
      expect((await patchMe(u, {})).body.headline).toBe('h1');
    });

    it.each([
      ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['a lowercased time zone', { timezone: 'europe/berlin' }, 'timezone'],
      ['an unknown language', { languages: ['en', 'xx'] }, 'languages[1]'],
      ['an uppercase language', { languages: ['EN'] }, 'languages[0]'],
      [
        'more than 10 languages',
        { languages: ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'fi'] },
        'languages',
      ],
      ['an unknown country', { location: { ...berlin, country: 'XK' } }, 'location.country'],
      ['a lowercase country', { location: { ...berlin, country: 'de' } }, 'location.country'],
      ['lat out of range', { location: { ...berlin, lat: 91 } }, 'location.lat'],
      ['lng out of range', { location: { ...berlin, lng: -180.5 } }, 'location.lng'],
      ['a location without city', { location: { country: 'DE', lat: 1, lng: 1 } }, 'location.city'],
      ['an unknown location field', { location: { ...berlin, zip: '10115' } }, 'location.zip'],
      [
        'availability end before start',
        { availability: [{ day: 'mon', start: '10:00', end: '09:00' }] },
        'availability[0].end',
      ],
      [
        'availability end equal to start',
        { availability: [{ day: 'mon', start: '10:00', end: '10:00' }] },
        'availability[0].end',
      ],
      ['an unknown day', { availability: [{ day: 'monday', start: '10:00', end: '11:00' }] }, 'availability[0].day'],
      [
        'more than 28 windows',
        { availability: Array.from({ length: 29 }, () => ({ day: 'mon', start: '10:00', end: '11:00' })) },
        'availability',
      ],
      ['availability that is not an array', { availability: { day: 'mon' } }, 'availability'],
      ['an ftp contact URL', { contactUrl: 'ftp://files.example' }, 'contactUrl'],
      ['a contact URL without scheme', { contactUrl: 'ada.example' }, 'contactUrl'],
      ['an empty displayName', { displayName: '   ' }, 'displayName'],
      ['a null displayName', { displayName: null }, 'displayName'],
      ['a null timezone', { timezone: null }, 'timezone'],
      ['an unknown field', { email: 'x@example.test' }, 'email'],
      ['an attempt to change roles', { roles: ['admin'] }, 'roles'],
    ])('answers 400 for %s and changes nothing', async (_label, body, field) => {
      const u = await registerUser(h);
      const res = await patchMe(u, { headline: 'changed', ...body });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
      );
      const after = await h.http().get('/v1/profiles/me').set(u.auth);
      expect(after.body.headline).toBe('');
      expect(await matchingEvents(u.id)).toEqual([]);
    });

    it('reports every bad field at once', async () => {
      const u = await registerUser(h);
      const res = await patchMe(u, { timezone: 'Nowhere/City', languages: ['zz'], location: { ...berlin, lat: 100 } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'languages[0]',
        'location.lat',
        'timezone',
      ]);
    });

    it('emits profile.matching_changed in the same transaction only when matching inputs change', async () => {
      const u = await registerUser(h);
      await patchMe(u, { headline: 'no matching impact', bio: 'x', displayName: 'Y' }).expect(200);
      expect(await matchingEvents(u.id)).toEqual([]);
      await patchMe(u, {
        timezone: 'Asia/Tokyo',
        languages: ['ja'],
        availability: [{ day: 'sat', start: '08:00', end: '09:00' }],
      }).expect(200);
      expect(await matchingEvents(u.id)).toEqual([['timezone', 'languages', 'availability']]);
      // The same values again change nothing, so no new event.
      await patchMe(u, {
        timezone: 'Asia/Tokyo',
        languages: ['ja'],
        availability: [
          { day: 'sat', start: '08:00', end: '08:30' },
          { day: 'sat', start: '08:30', end: '09:00' },
        ],
      }).expect(200);
      expect(await matchingEvents(u.id)).toHaveLength(1);
    });
  });

  describe('GET /v1/profiles/:id (public view)', () => {
    it('never shows email, coordinates or the contact URL to a stranger', async () => {
      const owner = await registerUser(h, ['mentor']);
      const stranger = await registerUser(h);
      await patchMe(owner, {
        headline: 'Postgres expert',
        location: berlin,
        contactUrl: 'https://owner.example',
        languages: ['en'],
      }).expect(200);
      const res = await h.http().get(`/v1/profiles/${owner.id}`).set(stranger.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: owner.id,
        displayName: 'Test mentor',
        headline: 'Postgres expert',
        bio: '',
        roles: ['mentor'],
        timezone: 'UTC',
        languages: ['en'],
        location: { city: 'Berlin', country: 'DE' },
        availability: [],
        mentoring: { acceptingMentees: false, openSlots: 0 },
      });
      const text = JSON.stringify(res.body);
      for (const secret of [owner.email, '52.52', '13.405', 'owner.example', 'contactUrl', 'email'])
        expect(text).not.toContain(secret);
    });

    it('shows the contact URL to the other party of an active or completed mentorship only', async () => {
      const mentor = await registerUser(h, ['mentor']);
      const learner = await registerUser(h, ['learner']);
      const other = await registerUser(h, ['learner']);
      await patchMe(mentor, { contactUrl: 'https://mentor.example/cal' }).expect(200);
      await patchMe(learner, { contactUrl: 'https://learner.example' }).expect(200);
      const view = (viewer: TestUser, id: string) => h.http().get(`/v1/profiles/${id}`).set(viewer.auth);

      expect((await view(learner, mentor.id)).body).not.toHaveProperty('contactUrl');
      const [m] = await h.db.query(`INSERT INTO mentorships (learner_id, mentor_id) VALUES ($1, $2) RETURNING id`, [
        learner.id,
        mentor.id,
      ]);
      expect((await view(learner, mentor.id)).body.contactUrl).toBe('https://mentor.example/cal');
      expect((await view(mentor, learner.id)).body.contactUrl).toBe('https://learner.example');
      expect((await view(other, mentor.id)).body).not.toHaveProperty('contactUrl');
      expect((await view(mentor, mentor.id)).body).not.toHaveProperty('contactUrl');

      await h.db.query(`UPDATE mentorships SET status = 'completed', ended_at = now() WHERE id = $1`, [m.id]);
      expect((await view(learner, mentor.id)).body.contactUrl).toBe('https://mentor.example/cal');
    });

    it('answers 404 for an unknown or malformed id, and 401 without a token', async () => {
      const u = await registerUser(h);
      expectProblem(await h.http().get(`/v1/profiles/${randomUUID()}`).set(u.auth), 404);
      expectProblem(await h.http().get('/v1/profiles/not-a-uuid').set(u.auth), 404);
      expectProblem(await h.http().get(`/v1/profiles/${u.id}`), 401);
    });
  });

  describe('PUT /v1/profiles/me/skills, GET /v1/profiles/:id/skills', () => {
    it('replaces the whole inventory and answers it with names, highest level first', async () => {
      const u = await registerUser(h);
      const first = await putSkills(u, [
        { skill: 'python', level: 2 },
        { skill: 'postgresql', level: 4, years: 3.5 },
      ]);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        skills: [
          { skill: 'postgresql', name: 'PostgreSQL', level: 4, years: 3.5 },
          { skill: 'python', name: 'Python', level: 2, years: null },
        ],
      });
      const second = await putSkills(u, [{ skill: 'docker', level: 3, years: 1 }]);
      expect(second.body).toEqual({ skills: [{ skill: 'docker', name: 'Docker', level: 3, years: 1 }] });
      const other = await registerUser(h);
      const res = await h.http().get(`/v1/profiles/${u.id}/skills`).set(other.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(second.body);
      expect((await h.http().get('/v1/profiles/me/skills').set(u.auth)).body).toEqual(second.body);
      expect((await putSkills(u, [])).body).toEqual({ skills: [] });
    });

    it('answers 400 naming skills[i].skill for an unknown slug, and changes nothing', async () => {
      const u = await registerUser(h);
      await putSkills(u, [{ skill: 'go', level: 3 }]).expect(200);
      const res = await putSkills(u, [
        { skill: 'rust', level: 2 },
        { skill: 'cobol', level: 5 },
      ]);
      expectProblem(res, 400, 'UNKNOWN_SKILL');
      expect(res.body.errors).toEqual([{ field: 'skills[1].skill', message: expect.stringContaining('cobol') }]);
      const rows = await h.db.query(`SELECT skill, level FROM profile_skills WHERE profile_id = $1`, [u.id]);
      expect(rows).toEqual([{ skill: 'go', level: 3 }]);
      expect(await matchingEvents(u.id)).toEqual([['skills']]);
    });

    it.each([
      [
        'a duplicate slug',
        [
          { skill: 'go', level: 3 },
          { skill: 'go', level: 4 },
        ],
        'skills[1].skill',
        'DUPLICATE_SKILL',
      ],
      ['level 6', [{ skill: 'go', level: 6 }], 'skills[0].level', 'VALIDATION_FAILED'],
      ['level -1', [{ skill: 'go', level: -1 }], 'skills[0].level', 'VALIDATION_FAILED'],
      ['a fractional level', [{ skill: 'go', level: 2.5 }], 'skills[0].level', 'VALIDATION_FAILED'],
      ['negative years', [{ skill: 'go', level: 2, years: -1 }], 'skills[0].years', 'VALIDATION_FAILED'],
      ['an unknown entry field', [{ skill: 'go', level: 2, since: 2019 }], 'skills[0].since', 'VALIDATION_FAILED'],
      ['a missing skill', [{ level: 2 }], 'skills[0].skill', 'VALIDATION_FAILED'],
    ])('answers 400 for %s', async (_label, skills, field, code) => {
      const u = await registerUser(h);
      const res = await putSkills(u, skills);
      expectProblem(res, 400, code);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM profile_skills WHERE profile_id = $1`, [u.id]);
      expect(n).toBe(0);
    });

    it('rejects an unknown top-level field', async () => {
      const u = await registerUser(h);
      const res = await h.http().put('/v1/profiles/me/skills').set(u.auth).send({ skills: [], replace: true });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'replace' })]);
    });

    it('parallel replacements leave exactly one of the submitted inventories', async () => {
      const u = await registerUser(h);
      const inventories = Array.from({ length: 8 }, (_, i) => [
        { skill: 'python', level: (i % 5) + 1 },
        { skill: i % 2 ? 'django' : 'flask', level: 3 },
        ...(i % 3 === 0 ? [{ skill: 'sql', level: 2 }] : []),
      ]);
      const results = await Promise.all(inventories.map((inv) => putSkills(u, inv)));
      for (const r of results) expect(r.status).toBe(200);
      const rows: { skill: string; level: number }[] = await h.db.query(
        `SELECT skill, level FROM profile_skills WHERE profile_id = $1 ORDER BY skill`,
        [u.id],
      );
      const key = (inv: { skill: string; level: number }[]) =>
        JSON.stringify(
          [...inv].sort((a, b) => a.skill.localeCompare(b.skill)).map(({ skill, level }) => ({ skill, level })),
        );
      expect(inventories.map(key)).toContain(key(rows));
    });

    it('emits profile.matching_changed when the inventory changes, not when it is resubmitted unchanged', async () => {
      const u = await registerUser(h);
      await putSkills(u, [{ skill: 'java', level: 2 }]).expect(200);
      await putSkills(u, [{ skill: 'java', level: 2, years: 4 }]).expect(200);
      await putSkills(u, [{ skill: 'java', level: 3 }]).expect(200);
      expect(await matchingEvents(u.id)).toEqual([['skills'], ['skills']]);
    });

    it('answers 404 for the skills of an unknown or malformed profile id', async () => {
      const u = await registerUser(h);
      expectProblem(await h.http().get(`/v1/profiles/${randomUUID()}/skills`).set(u.auth), 404);
      expectProblem(await h.http().get('/v1/profiles/12345/skills').set(u.auth), 404);
    });
  });

  describe('goals', () => {
    const goals = (u: TestUser) => ({
      create: (body: unknown) =>
        h
          .http()
          .post('/v1/profiles/me/goals')
          .set(u.auth)
          .send(body as object),
      list: (query: Record<string, string | number> = {}) =>
        h.http().get('/v1/profiles/me/goals').query(query).set(u.auth),
      patch: (id: string, body: unknown) =>
        h
          .http()
          .patch(`/v1/profiles/me/goals/${id}`)
          .set(u.auth)
          .send(body as object),
      remove: (id: string) => h.http().delete(`/v1/profiles/me/goals/${id}`).set(u.auth),
    });

    it('creates (201), lists, updates and deletes (204) a goal', async () => {
      const u = await registerUser(h);
      const g = goals(u);
      const created = await g.create({
        skill: 'postgresql',
        targetLevel: 4,
        targetDate: '2030-02-28',
        note: 'indexes',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        skill: 'postgresql',
        targetLevel: 4,
        targetDate: '2030-02-28',
        note: 'indexes',
        status: 'active',
      });
      const bare = await g.create({ skill: 'docker', targetLevel: 2 });
      expect(bare.body).toMatchObject({
        skill: 'docker',
        targetLevel: 2,
        targetDate: null,
        note: null,
        status: 'active',
      });

      const list = await g.list();
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [created.body, bare.body], nextCursor: null });

      const patched = await g.patch(created.body.id, {
        targetLevel: 5,
        status: 'achieved',
        targetDate: null,
        note: 'done',
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        id: created.body.id,
        skill: 'postgresql',
        targetLevel: 5,
        targetDate: null,
        note: 'done',
        status: 'achieved',
      });
      expect((await g.list({ status: 'active' })).body.items.map((x: { id: string }) => x.id)).toEqual([bare.body.id]);

      expect((await g.remove(bare.body.id)).status).toBe(204);
      expect((await g.list()).body.items.map((x: { id: string }) => x.id)).toEqual([created.body.id]);
      expect(await matchingEvents(u.id)).toEqual([['goals'], ['goals'], ['goals'], ['goals']]);
    });

    it('pages with limit and cursor, without gaps or duplicates', async () => {
      const u = await registerUser(h);
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) ids.push((await goals(u).create({ skill: 'go', targetLevel: (i % 5) + 1 })).body.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await goals(u).list(cursor ? { limit: 2, cursor } : { limit: 2 });
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((x: { id: string }) => x.id));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(ids);
      expectProblem(await goals(u).list({ cursor: 'garbage' }), 400, 'INVALID_CURSOR');
      const forged = Buffer.from(JSON.stringify(['yesterday', ids[0]])).toString('base64url');
      expectProblem(await goals(u).list({ cursor: forged }), 400, 'INVALID_CURSOR');
    });

    it("404 for another profile's goal, an unknown id and a malformed id; the goal stays as it was", async () => {
      const owner = await registerUser(h);
      const intruder = await registerUser(h);
      const goal = (await goals(owner).create({ skill: 'go', targetLevel: 3 })).body;
      expectProblem(await goals(intruder).patch(goal.id, { status: 'abandoned' }), 404);
      expectProblem(await goals(intruder).remove(goal.id), 404);
      expectProblem(await goals(owner).patch(randomUUID(), { status: 'abandoned' }), 404);
      expectProblem(await goals(owner).remove('not-a-uuid'), 404);
      expect((await goals(intruder).list()).body.items).toEqual([]);
      expect((await goals(owner).list()).body.items).toEqual([goal]);
    });

    it.each([
      ['an unknown skill', { skill: 'cobol', targetLevel: 3 }, 'skill'],
      ['targetLevel 0', { skill: 'go', targetLevel: 0 }, 'targetLevel'],
      ['targetLevel 6', { skill: 'go', targetLevel: 6 }, 'targetLevel'],
      ['a datetime targetDate', { skill: 'go', targetLevel: 3, targetDate: '2030-01-01T00:00:00Z' }, 'targetDate'],
      ['an impossible date', { skill: 'go', targetLevel: 3, targetDate: '2030-02-30' }, 'targetDate'],
      ['a status on create', { skill: 'go', targetLevel: 3, status: 'achieved' }, 'status'],
      ['a missing skill', { targetLevel: 3 }, 'skill'],
    ])('answers 400 on create for %s', async (_label, body, field) => {
      const u = await registerUser(h);
      const res = await goals(u).create(body);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await goals(u).list()).body.items).toEqual([]);
    });

    it.each([
      ['an unknown status', { status: 'paused' }, 'status'],
      ['a null status', { status: null }, 'status'],
      ['changing the skill', { skill: 'rust' }, 'skill'],
      ['targetLevel 9', { targetLevel: 9 }, 'targetLevel'],
    ])('answers 400 on update for %s', async (_label, body, field) => {
      const u = await registerUser(h);
      const goal = (await goals(u).create({ skill: 'go', targetLevel: 3 })).body;
      const res = await goals(u).patch(goal.id, body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('GET/PUT /v1/profiles/me/mentoring', () => {
    const put = (u: TestUser, body: unknown) =>
      h
        .http()
        .put('/v1/profiles/me/mentoring')
        .set(u.auth)
        .send(body as object);

    it('is for mentors only (403 otherwise)', async () => {
      const learner = await registerUser(h, ['learner', 'organizer']);
      expectProblem(await h.http().get('/v1/profiles/me/mentoring').set(learner.auth), 403, 'ROLE_REQUIRED');
      expectProblem(await put(learner, { acceptingMentees: true, capacity: 2 }), 403, 'ROLE_REQUIRED');
      const [row] = await h.db.query(`SELECT accepting_mentees, mentor_capacity FROM profiles WHERE id = $1`, [
        learner.id,
      ]);
      expect(row).toEqual({ accepting_mentees: false, mentor_capacity: 0 });
    });

    it('starts opted out with capacity 0, and PUT answers the settings with openSlots', async () => {
      const m = await registerUser(h, ['mentor']);
      const initial = await h.http().get('/v1/profiles/me/mentoring').set(m.auth);
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({ acceptingMentees: false, capacity: 0, activeMentees: 0, openSlots: 0 });
      const res = await put(m, { acceptingMentees: true, capacity: 3 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ acceptingMentees: true, capacity: 3, activeMentees: 0, openSlots: 3 });
      expect((await h.http().get('/v1/profiles/me/mentoring').set(m.auth)).body).toEqual(res.body);
      await put(m, { acceptingMentees: true, capacity: 3 }).expect(200);
      expect(await matchingEvents(m.id)).toEqual([['mentoring']]);
    });

    it('allows a capacity below the active mentees: openSlots is 0, not negative', async () => {
      const m = await registerUser(h, ['mentor']);
      await put(m, { acceptingMentees: true, capacity: 3 }).expect(200);
      await h.db.query(`UPDATE profiles SET active_mentees = 2 WHERE id = $1`, [m.id]);
      const res = await put(m, { acceptingMentees: true, capacity: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ acceptingMentees: true, capacity: 1, activeMentees: 2, openSlots: 0 });
    });

    it.each([
      ['capacity 21', { acceptingMentees: true, capacity: 21 }, 'capacity'],
      ['capacity -1', { acceptingMentees: true, capacity: -1 }, 'capacity'],
      ['a missing capacity', { acceptingMentees: true }, 'capacity'],
      ['a string flag', { acceptingMentees: 'yes', capacity: 1 }, 'acceptingMentees'],
      ['an unknown field', { acceptingMentees: true, capacity: 1, activeMentees: 0 }, 'activeMentees'],
    ])('answers 400 for %s', async (_label, body, field) => {
      const m = await registerUser(h, ['mentor']);
      const res = await put(m, body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
});
