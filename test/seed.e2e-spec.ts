import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DEMO_PASSWORD, SEED_EMAIL_DOMAIN, seedCommunity } from '../src/cli/seed/seed-community.js';
import { startHarness, type Harness } from './support/harness.js';

describe('seed', () => {
  let h: Harness;
  let pool: pg.Pool;
  const seed = 900000 + Math.floor(Math.random() * 99999);
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    pool = new pg.Pool({ connectionString: h.config.databaseUrl, max: 2 });
    await seedCommunity(pool, { learners: 60, mentors: 30, meetups: 40, organizers: 3, seed, reset: false, log: () => undefined });
  });
  afterAll(async () => {
    await pool.end();
    await h.close();
  });

  it('writes the requested community', async () => {
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE 'learner' = ANY(roles))::int AS learners, count(*) FILTER (WHERE 'mentor' = ANY(roles))::int AS mentors
         FROM users WHERE email LIKE $1`,
      [`%-s${seed}@${SEED_EMAIL_DOMAIN}`],
    );
    expect(rows[0]).toEqual({ learners: 60, mentors: 30 });
    const meetups = await pool.query(
      `SELECT count(*)::int AS n FROM meetups m JOIN users u ON u.id = m.organizer_id WHERE u.email LIKE $1`,
      [`%-s${seed}@${SEED_EMAIL_DOMAIN}`],
    );
    expect(meetups.rows[0].n).toBe(40);
  });

  it('seeded accounts log in with the documented demo password and have skills and goals', async () => {
    const login = await h.http().post('/v1/auth/login').send({ email: `learner-0-s${seed}@${SEED_EMAIL_DOMAIN}`, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM profile_skills WHERE profile_id = $1)::int AS skills, (SELECT count(*) FROM goals WHERE profile_id = $1)::int AS goals`,
      [login.body.user.id],
    );
    expect(rows[0].skills).toBeGreaterThan(0);
    expect(rows[0].goals).toBeGreaterThan(0);
  });
});
