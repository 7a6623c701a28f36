import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DEMO_PASSWORD, demoAccounts, SEED_EMAIL_DOMAIN, seedCommunity } from '../src/cli/seed/seed-community.js';
import { startHarness, type Harness } from './support/harness.js';

describe('seed', () => {
  let h: Harness;
  let pool: pg.Pool;
  // The file's database starts empty, so every row counted below is the seed's.
  const seed = 1;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    pool = new pg.Pool({ connectionString: h.config.databaseUrl, max: 2 });
    await seedCommunity(pool, {
      learners: 60,
      mentors: 30,
      meetups: 40,
      organizers: 3,
      seed,
      reset: false,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await pool.end();
    await h.close();
  });

  it('writes the requested community', async () => {
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE 'learner' = ANY(roles))::int AS learners,
              count(*) FILTER (WHERE 'mentor' = ANY(roles))::int AS mentors
         FROM users`,
    );
    expect(rows[0]).toEqual({ learners: 60, mentors: 30 });
    const meetups = await pool.query(`SELECT count(*)::int AS n FROM meetups`);
    expect(meetups.rows[0].n).toBe(40);
    // profiles.roles is derived from users.roles by trigger, so the seed does not write it.
    const mirrored = await pool.query(
      `SELECT count(*) FILTER (WHERE p.roles IS DISTINCT FROM u.roles)::int AS wrong
         FROM users u JOIN profiles p ON p.id = u.id WHERE u.email LIKE $1`,
      [`%-s${seed}@${SEED_EMAIL_DOMAIN}`],
    );
    expect(mirrored.rows[0]).toEqual({ wrong: 0 });
  });

  it('writes each meetup the skill closure that search filters on, as the service would', async () => {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE m.skill_terms IS DISTINCT FROM coalesce(
                (SELECT array_to_tsvector(array_agg(DISTINCT sa.ancestor))
                   FROM meetup_skills ms JOIN skill_ancestors sa ON sa.skill = ms.skill WHERE ms.meetup_id = m.id),
                   ''::tsvector))::int AS wrong
         FROM meetups m`,
    );
    expect(rows[0]).toEqual({ n: 40, wrong: 0 });
    // And through the API: a seeded meetup is found by the parent of one of its skills.
    const pick = await pool.query(
      `SELECT m.id, m.title, m.starts_at, sa.ancestor FROM meetups m
         JOIN meetup_skills ms ON ms.meetup_id = m.id JOIN skill_ancestors sa ON sa.skill = ms.skill AND sa.depth > 0
        WHERE m.status = 'scheduled' AND m.starts_at > now() ORDER BY m.id LIMIT 1`,
    );
    expect(pick.rows).toHaveLength(1);
    const { id, starts_at: startsAt, ancestor } = pick.rows[0];
    const login = await h
      .http()
      .post('/v1/auth/login')
      .send({ email: `learner-1-s${seed}@${SEED_EMAIL_DOMAIN}`, password: DEMO_PASSWORD });
    const res = await h
      .http()
      .get('/v1/meetups')
      .query({
        skill: ancestor,
        from: startsAt.toISOString(),
        to: new Date(startsAt.getTime() + 1000).toISOString(),
        limit: 100,
      })
      .set({ authorization: `Bearer ${login.body.accessToken}` });
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { id: string }) => m.id)).toContain(id);
  });

  it('seeded accounts log in with the documented demo password and have skills and goals', async () => {
    const login = await h
      .http()
      .post('/v1/auth/login')
      .send({ email: `learner-0-s${seed}@${SEED_EMAIL_DOMAIN}`, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM profile_skills WHERE profile_id = $1)::int AS skills, (SELECT count(*) FROM
         goals WHERE profile_id = $1)::int AS goals`,
      [login.body.user.id],
    );
    expect(rows[0].skills).toBeGreaterThan(0);
    expect(rows[0].goals).toBeGreaterThan(0);
  });

  it('gives the demo learner, mentor and organizer complete profiles, located at gazetteer places', async () => {
    const demo = demoAccounts(seed);
    for (const [kind, email] of Object.entries(demo)) {
      const login = await h.http().post('/v1/auth/login').send({ email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const auth = { Authorization: `Bearer ${login.body.accessToken}` };
      const profile = await h.http().get('/v1/profiles/me').set(auth);
      expect(profile.body.availability.length).toBeGreaterThan(0);
      expect(profile.body.location).toMatchObject({ city: expect.any(String), country: expect.any(String) });
      const places = await h
        .http()
        .get('/v1/places')
        .query({ q: profile.body.location.city, country: profile.body.location.country, limit: 1 });
      expect(places.body.items[0]).toMatchObject({
        name: profile.body.location.city,
        timezone: profile.body.timezone,
      });
      expect((await h.http().get('/v1/profiles/me/skills').set(auth)).body.skills.length).toBeGreaterThan(0);
      if (kind === 'learner') {
        expect((await h.http().get('/v1/profiles/me/goals').set(auth)).body.items.length).toBeGreaterThan(0);
      }
      if (kind === 'mentor') {
        const mentoring = await h.http().get('/v1/profiles/me/mentoring').set(auth);
        expect(mentoring.body).toMatchObject({ acceptingMentees: true });
        expect(mentoring.body.openSlots).toBeGreaterThan(0);
      }
    }
  });

  it('places every seeded city in the gazetteer', async () => {
    const { rows } = await pool.query(
      `SELECT DISTINCT p.location->>'city' AS city, p.location->>'country' AS country
         FROM profiles p JOIN users u ON u.id = p.id
        WHERE u.email LIKE $1
          AND NOT EXISTS (SELECT 1 FROM places pl
                           WHERE pl.name = p.location->>'city' AND pl.country = p.location->>'country')`,
      [`%-s${seed}@${SEED_EMAIL_DOMAIN}`],
    );
    expect(rows).toEqual([]);
  });
});
