import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthService } from '../src/auth/auth.service.js';
import { registerUser, startHarness, type Harness } from './support/harness.js';
import { makeMentor } from './support/matching-fixtures.js';
import { createMeetup } from './support/meetups.js';

/**
 * Derived columns have one mechanism each (triggers, migration DerivedColumns): whichever path writes the
 * source rows, the derived column is right afterwards. The seed path is checked in seed.e2e-spec.ts.
 */
describe('derived data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  const one = async <T>(text: string, params: unknown[]): Promise<T> => (await h.db.query<T[]>(text, params))[0];

  describe('profiles.roles mirrors users.roles', () => {
    const roles = (id: string) =>
      one<{ user_roles: string[]; profile_roles: string[] }>(
        `SELECT u.roles AS user_roles, p.roles AS profile_roles
           FROM users u JOIN profiles p ON p.id = u.id WHERE u.id = $1`,
        [id],
      );

    it('after register, the admin CLI grant, and a direct change of users.roles', async () => {
      const u = await registerUser(h, ['learner', 'mentor']);
      expect(await roles(u.id)).toEqual({ user_roles: ['learner', 'mentor'], profile_roles: ['learner', 'mentor'] });

      expect(await h.api.get(AuthService).grantRole(u.email, 'admin')).toBe(true);
      expect((await roles(u.id)).profile_roles).toEqual(['learner', 'mentor', 'admin']);

      await h.db.query(`UPDATE users SET roles = '{organizer}' WHERE id = $1`, [u.id]);
      expect(await roles(u.id)).toEqual({ user_roles: ['organizer'], profile_roles: ['organizer'] });
    });

    it('a write to profiles.roles itself cannot make the mirror diverge', async () => {
      const u = await registerUser(h, ['learner']);
      await h.db.query(`UPDATE profiles SET roles = '{mentor,admin}' WHERE id = $1`, [u.id]);
      expect(await roles(u.id)).toEqual({ user_roles: ['learner'], profile_roles: ['learner'] });
    });
  });

  describe('profiles.active_mentees counts active mentorships', () => {
    const state = (mentorId: string) =>
      one<{ active_mentees: number; active: number }>(
        `SELECT p.active_mentees,
                (SELECT count(*)::int FROM mentorships m WHERE m.mentor_id = p.id AND m.status = 'active') AS active
           FROM profiles p WHERE p.id = $1`,
        [mentorId],
      );

    it('whatever statement inserts, completes, reopens or deletes them', async () => {
      const mentor = await makeMentor(h, { capacity: 5 });
      const learners = await Promise.all([1, 2, 3].map(() => registerUser(h, ['learner'])));
      await h.db.query(`INSERT INTO mentorships (learner_id, mentor_id) SELECT unnest($1::uuid[]), $2`, [
        learners.map((l) => l.id),
        mentor.id,
      ]);
      expect(await state(mentor.id)).toEqual({ active_mentees: 3, active: 3 });
      await h.db.query(
        `UPDATE mentorships SET status = 'completed', ended_at = now() WHERE mentor_id = $1 AND learner_id = $2`,
        [mentor.id, learners[0].id],
      );
      expect(await state(mentor.id)).toEqual({ active_mentees: 2, active: 2 });
      await h.db.query(`DELETE FROM mentorships WHERE mentor_id = $1 AND learner_id = $2`, [mentor.id, learners[1].id]);
      expect(await state(mentor.id)).toEqual({ active_mentees: 1, active: 1 });
      await h.db.query(`DELETE FROM mentorships WHERE mentor_id = $1`, [mentor.id]);
      expect(await state(mentor.id)).toEqual({ active_mentees: 0, active: 0 });
    });

    it('through the API: accept raises it, complete lowers it', async () => {
      const mentor = await makeMentor(h, { capacity: 2 });
      const learner = await registerUser(h, ['learner']);
      const req = await h
        .http()
        .post('/v1/mentorship-requests')
        .set(learner.auth)
        .send({ mentorId: mentor.id, message: 'hi' });
      const accepted = await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth);
      expect(accepted.status).toBe(200);
      expect(await state(mentor.id)).toEqual({ active_mentees: 1, active: 1 });
      const id = accepted.body.mentorship.id as string;
      expect((await h.http().post(`/v1/mentorships/${id}/complete`).set(learner.auth)).status).toBe(200);
      expect(await state(mentor.id)).toEqual({ active_mentees: 0, active: 0 });
    });
  });

  describe('meetups.skill_terms is the ancestor closure of meetup_skills', () => {
    const terms = (id: string) =>
      one<{ actual: string; expected: string }>(
        `SELECT m.skill_terms::text AS actual,
                coalesce((SELECT array_to_tsvector(array_agg(DISTINCT sa.ancestor))
                            FROM meetup_skills ms JOIN skill_ancestors sa ON sa.skill = ms.skill
                           WHERE ms.meetup_id = m.id), ''::tsvector)::text AS expected
           FROM meetups m WHERE m.id = $1`,
        [id],
      );

    it('after create, a skills update through the API, and direct writes to meetup_skills', async () => {
      const organizer = await registerUser(h, ['organizer']);
      const meetup = await createMeetup(h, organizer, { skills: ['postgresql'] });
      const created = await terms(meetup.id);
      expect(created.actual).toBe(created.expected);
      expect(created.actual).toContain("'postgresql'");

      const patched = await h
        .http()
        .patch(`/v1/meetups/${meetup.id}`)
        .set(organizer.auth)
        .send({ skills: ['redis'] });
      expect(patched.status).toBe(200);
      const afterPatch = await terms(meetup.id);
      expect(afterPatch.actual).toBe(afterPatch.expected);
      expect(afterPatch.actual).not.toContain("'postgresql'");

      await h.db.query(`DELETE FROM meetup_skills WHERE meetup_id = $1`, [meetup.id]);
      expect(await terms(meetup.id)).toEqual({ actual: '', expected: '' });
      await h.db.query(`INSERT INTO meetup_skills (meetup_id, skill, position) VALUES ($1, 'postgresql', 1)`, [
        meetup.id,
      ]);
      const direct = await terms(meetup.id);
      expect(direct.actual).toBe(direct.expected);
      expect(direct.actual).toContain("'postgresql'");
    });
  });
});
