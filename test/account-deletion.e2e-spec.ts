import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  eventually,
  expectProblem,
  PASSWORD,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { RevokedFamilies } from '../src/common/auth/revoked-families.js';
import { makeMentor } from './support/matching-fixtures.js';
import { counts, createMeetup, rsvp } from './support/meetups.js';

interface Notification {
  type: string;
  data: Record<string, unknown>;
}

describe('DELETE /v1/me (account deletion)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ env: { MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '3' } });
  });

  afterAll(async () => {
    await h.close();
  });

  const inbox = async (u: TestUser): Promise<Notification[]> =>
    (await h.http().get('/v1/notifications').set(u.auth)).body.items as Notification[];
  const notified = (u: TestUser, type: string, key: string, value: string) =>
    eventually(async () => (await inbox(u)).find((n) => n.type === type && n.data[key] === value), 15000);

  async function request(learner: TestUser, mentor: TestUser): Promise<string> {
    const res = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'Hi!' });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  async function mentorship(learner: TestUser, mentor: TestUser): Promise<string> {
    const id = await request(learner, mentor);
    const acc = await h.http().post(`/v1/mentorship-requests/${id}/accept`).set(mentor.auth);
    expect(acc.status).toBe(200);
    return acc.body.mentorship.id;
  }
  const deleteMe = (u: TestUser, password = PASSWORD) => h.http().delete('/v1/me').set(u.auth).send({ password });

  it('a wrong or missing password is 400 and changes nothing', async () => {
    const u = await registerUser(h);
    const wrong = await deleteMe(u, 'not my password at all');
    expectProblem(wrong, 400, 'WRONG_PASSWORD');
    expect(wrong.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    expectProblem(await h.http().delete('/v1/me').set(u.auth).send({}), 400);
    expectProblem(await h.http().delete('/v1/me').send({ password: PASSWORD }), 401);
    expect((await h.http().get('/v1/me').set(u.auth)).status).toBe(200);
    expect((await h.http().get(`/v1/profiles/${u.id}`).set(u.auth)).status).toBe(200);
  });

  describe('a member with mentorships, requests, meetups, a program, a feed and suggestions', () => {
    let d: TestUser; // deleted: learner, mentor and organizer
    let mentorOfD: TestUser;
    let pastMentor: TestUser;
    let pendingLearner: TestUser;
    let menteeOfD: TestUser;
    let organizer: TestUser;
    let waiting: TestUser;
    let member: TestUser;
    let programLearner: TestUser;
    const ids: Record<string, string> = {};
    let feedUrl: string;

    beforeAll(async () => {
      d = await makeMentor(h, { capacity: 3, skills: { postgresql: 5 }, displayName: 'Dana Deleted' }, [
        'learner',
        'mentor',
        'organizer',
      ]);
      mentorOfD = await makeMentor(h, { capacity: 2, skills: { postgresql: 4 } });
      pastMentor = await makeMentor(h, { capacity: 2 });
      pendingLearner = await registerUser(h, ['learner']);
      menteeOfD = await registerUser(h, ['learner']);
      organizer = await registerUser(h, ['organizer', 'learner']);
      waiting = await registerUser(h, ['learner']);
      member = await registerUser(h, ['learner']);
      programLearner = await registerUser(h, ['learner']);

      // Feedback given and received on a completed mentorship.
      ids.pastMentorship = await mentorship(d, pastMentor);
      expect((await h.http().post(`/v1/mentorships/${ids.pastMentorship}/complete`).set(d.auth)).status).toBe(200);
      const given = await h
        .http()
        .post(`/v1/mentorships/${ids.pastMentorship}/feedback`)
        .set(d.auth)
        .send({ rating: 5, comment: 'Great' });
      expect(given.status).toBe(201);
      ids.feedbackGiven = given.body.id;
      const got = await h
        .http()
        .post(`/v1/mentorships/${ids.pastMentorship}/feedback`)
        .set(pastMentor.auth)
        .send({ rating: 4 });
      expect(got.status).toBe(201);
      ids.feedbackReceived = got.body.id;

      ids.asLearner = await mentorship(d, mentorOfD);
      ids.asMentor = await mentorship(menteeOfD, d);
      ids.pending = await request(pendingLearner, d);
      const session = await h
        .http()
        .post(`/v1/mentorships/${ids.asMentor}/sessions`)
        .set(menteeOfD.auth)
        .send({ startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(), durationMinutes: 60 });
      expect(session.status).toBe(201);
      ids.session = session.body.id;
      expect(
        (await h.http().post(`/v1/mentorships/${ids.asMentor}/sessions/${ids.session}/confirm`).set(d.auth)).status,
      ).toBe(200);

      ids.full = (await createMeetup(h, organizer, { capacity: 1 })).id;
      expect((await rsvp(h, d, ids.full, 'going')).body.status).toBe('going');
      expect((await rsvp(h, waiting, ids.full, 'going')).body.status).toBe('waitlisted');
      ids.own = (await createMeetup(h, d, { title: 'Dana’s query planning night' })).id;
      expect((await rsvp(h, member, ids.own, 'going')).body.status).toBe('going');

      const program = await h
        .http()
        .post('/v1/programs')
        .set(organizer.auth)
        .send({ name: 'Spring cohort', mode: 'stable' });
      expect(program.status).toBe(201);
      ids.program = program.body.id;
      expect(
        (await h.http().post(`/v1/programs/${ids.program}/join`).set(d.auth).send({ as: 'mentor', capacity: 1 }))
          .status,
      ).toBe(201);
      const joined = await h
        .http()
        .post(`/v1/programs/${ids.program}/join`)
        .set(programLearner.auth)
        .send({ as: 'learner', preferences: [d.id] });
      expect(joined.status).toBe(201);

      feedUrl = (await h.http().get('/v1/calendar/feed').set(d.auth)).body.url;
      expect((await h.http().get(new URL(feedUrl).pathname)).status).toBe(200);
      await h.db.query(
        `INSERT INTO match_suggestions (learner_id, status, computed_at, items)
         VALUES ($1, 'ready', now(), $2::jsonb)
         ON CONFLICT (learner_id) DO UPDATE SET items = EXCLUDED.items`,
        [
          pendingLearner.id,
          JSON.stringify([
            { mentorId: d.id, score: 0.9 },
            { mentorId: mentorOfD.id, score: 0.8 },
          ]),
        ],
      );
      await h
        .http()
        .put('/v1/notification-preferences')
        .set(d.auth)
        .send({ email: false, webhookUrl: null, mutedTypes: [] });

      const mentors = await h.http().get('/v1/mentors?skill=postgresql&limit=100').set(member.auth);
      expect(mentors.body.items.map((m: { id: string }) => m.id)).toContain(d.id);
      expect((await h.http().get('/v1/profiles/me/mentoring').set(mentorOfD.auth)).body.activeMentees).toBe(1);

      expect((await deleteMe(d)).status).toBe(204);
    });

    it('the id answers 404 everywhere, and the sessions are over', async () => {
      expectProblem(await h.http().get(`/v1/profiles/${d.id}`).set(member.auth), 404);
      expectProblem(await h.http().get(`/v1/profiles/${d.id}/skills`).set(member.auth), 404);
      const req = await h
        .http()
        .post('/v1/mentorship-requests')
        .set(member.auth)
        .send({ mentorId: d.id, message: 'Hi' });
      expect([404, 400]).toContain(req.status);
      expectProblem(await h.http().get('/v1/me').set(d.auth), 401);
      expectProblem(await h.http().post('/v1/auth/refresh').send({ refreshToken: d.refreshToken }), 401);
      expectProblem(await h.http().post('/v1/auth/login').send({ email: d.email, password: PASSWORD }), 401);
      const mentors = await h.http().get('/v1/mentors?skill=postgresql&limit=100').set(member.auth);
      expect(mentors.status).toBe(200);
      expect(mentors.body.items.map((m: { id: string }) => m.id)).not.toContain(d.id);
    });

    it('their access tokens stay refused when the Redis copy of revocations is not trusted (outage)', async () => {
      const revoked = h.api.get(RevokedFamilies, { strict: false });
      const { fid } = JSON.parse(Buffer.from(d.accessToken.split('.')[1], 'base64url').toString()) as { fid: string };
      const state = revoked as unknown as { redisComplete: boolean };
      state.redisComplete = false;
      try {
        expect(await revoked.isRevoked(fid)).toBe(true);
        expect(
          await revoked.isRevoked(
            (JSON.parse(Buffer.from(member.accessToken.split('.')[1], 'base64url').toString()) as { fid: string }).fid,
          ),
        ).toBe(false);
      } finally {
        state.redisComplete = true;
      }
    });

    it('the pending request is cancelled; the other party is told and their lists still answer', async () => {
      await notified(pendingLearner, 'mentorship.cancelled', 'requestId', ids.pending);
      const list = await h.http().get('/v1/mentorship-requests').set(pendingLearner.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: ids.pending, status: 'cancelled', mentorId: null }),
      ]);
      const one = await h.http().get(`/v1/mentorship-requests/${ids.pending}`).set(pendingLearner.auth);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ learnerId: pendingLearner.id, mentorId: null });
      const conversations = await h.http().get('/v1/conversations').set(pendingLearner.auth);
      expect(conversations.status).toBe(200);
      expect(conversations.body.items).toEqual([]);
    });

    it('active mentorships are completed on both sides, the other party is told, counters follow', async () => {
      await notified(mentorOfD, 'mentorship.completed', 'mentorshipId', ids.asLearner);
      await notified(menteeOfD, 'mentorship.completed', 'mentorshipId', ids.asMentor);
      const mine = await h.http().get('/v1/mentorships').set(mentorOfD.auth);
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({ id: ids.asLearner, status: 'completed', learnerId: null, learnerName: null }),
      ]);
      const theirs = await h.http().get(`/v1/mentorships/${ids.asMentor}`).set(menteeOfD.auth);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toMatchObject({
        status: 'completed',
        mentorId: null,
        mentorName: null,
        learnerId: menteeOfD.id,
      });
      expect((await h.http().get('/v1/profiles/me/mentoring').set(mentorOfD.auth)).body).toMatchObject({
        activeMentees: 0,
        openSlots: 2,
      });
      // menteeOfD is free to start again.
      expect(await request(menteeOfD, mentorOfD)).toEqual(expect.any(String));
    });

    it('their sessions still ahead are cancelled: the other party is told and their time is free again', async () => {
      await notified(menteeOfD, 'session.cancelled', 'sessionId', ids.session);
      const list = await h.http().get(`/v1/mentorships/${ids.asMentor}/sessions`).set(menteeOfD.auth);
      expect(list.status).toBe(200);
      const [row] = await h.db.query(
        `SELECT s.status,
                (SELECT count(*)::int FROM session_participants p WHERE p.session_id = s.id AND p.active) AS held
           FROM mentorship_sessions s WHERE s.id = $1`,
        [ids.session],
      );
      expect(row).toEqual({ status: 'cancelled', held: 0 });
    });

    it('feedback they gave stays without their name; feedback about them is gone', async () => {
      const rows: { id: string; author_id: string | null }[] = await h.db.query(
        `SELECT id, author_id FROM mentorship_feedback WHERE id = ANY($1::uuid[])`,
        [[ids.feedbackGiven, ids.feedbackReceived]],
      );
      expect(rows).toEqual([{ id: ids.feedbackGiven, author_id: null }]);
      const m = await h.http().get(`/v1/mentorships/${ids.pastMentorship}`).set(pastMentor.auth);
      expect(m.status).toBe(200);
      expect(m.body.learnerId).toBeNull();
    });

    it('their seat goes to the waitlist (notified) and the counters equal the rows', async () => {
      await notified(waiting, 'meetup.promoted', 'meetupId', ids.full);
      expect(await counts(h, ids.full)).toMatchObject({
        going_count: 1,
        going_rows: 1,
        waitlist_count: 0,
        waitlisted_rows: 0,
      });
      const m = await h.http().get(`/v1/meetups/${ids.full}`).set(waiting.auth);
      expect(m.body).toMatchObject({ goingCount: 1, waitlistCount: 0, myRsvp: { status: 'going' } });
    });

    it('their upcoming meetup is cancelled and its members are told; it stays without an organizer', async () => {
      const n = await notified(member, 'meetup.cancelled', 'meetupId', ids.own);
      expect(n.data.title).toBe('Dana’s query planning night');
      const m = await h.http().get(`/v1/meetups/${ids.own}`).set(member.auth);
      expect(m.status).toBe(200);
      expect(m.body).toMatchObject({ status: 'cancelled', organizerId: null });
    });

    it('program memberships go, and nobody’s preferences name them', async () => {
      const [row] = await h.db.query(`SELECT count(*)::int AS n FROM program_members WHERE profile_id = $1`, [d.id]);
      expect(row.n).toBe(0);
      const mine = await h.http().get(`/v1/programs/${ids.program}/members/me`).set(programLearner.auth);
      expect(mine.status).toBe(200);
      expect(mine.body.preferences).toEqual([]);
    });

    it('derived data: feed token, suggestions, search rows; their own rows are gone', async () => {
      expect((await h.http().get(new URL(feedUrl).pathname)).status).toBe(404);
      const [s] = await h.db.query(`SELECT items FROM match_suggestions WHERE learner_id = $1`, [pendingLearner.id]);
      expect(s.items).toEqual([{ mentorId: mentorOfD.id, score: 0.8 }]);
      const leftovers = await h.db.query(
        `SELECT 'users' AS t FROM users WHERE id = $1
         UNION ALL SELECT 'profiles' FROM profiles WHERE id = $1
         UNION ALL SELECT 'mentor_skill_reach' FROM mentor_skill_reach WHERE profile_id = $1
         UNION ALL SELECT 'notifications' FROM notifications WHERE recipient_id = $1
         UNION ALL SELECT 'notification_preferences' FROM notification_preferences WHERE profile_id = $1
         UNION ALL SELECT 'refresh_tokens' FROM refresh_tokens WHERE user_id = $1
         UNION ALL SELECT 'account_link_tokens' FROM account_link_tokens WHERE user_id = $1
         UNION ALL SELECT 'calendar_tokens' FROM calendar_tokens WHERE profile_id = $1
         UNION ALL SELECT 'meetup_rsvps' FROM meetup_rsvps WHERE profile_id = $1
         UNION ALL SELECT 'goals' FROM goals WHERE profile_id = $1
         UNION ALL SELECT 'profile_skills' FROM profile_skills WHERE profile_id = $1`,
        [d.id],
      );
      expect(leftovers).toEqual([]);
    });

    it('the address can register again, as a new account', async () => {
      const res = await h
        .http()
        .post('/v1/auth/register')
        .send({ email: d.email, password: PASSWORD, displayName: 'Dana Again', roles: ['learner'] });
      expect(res.status).toBe(201);
      expect(res.body.user.id).not.toBe(d.id);
    });
  });

  it('an organizer’s programs go with them; their pairs’ mentorships go on, no longer tied to a program', async () => {
    const organizer = await registerUser(h, ['organizer']);
    const [learner, mentor] = await Promise.all([registerUser(h, ['learner']), makeMentor(h)]);
    const program = await h
      .http()
      .post('/v1/programs')
      .set(organizer.auth)
      .send({ name: 'Autumn cohort', mode: 'stable' });
    expect(program.status).toBe(201);
    const id = await mentorship(learner, mentor);
    // As if published from the program (the programs module writes program_id when it opens a pair's mentorship).
    await h.db.query(`UPDATE mentorships SET program_id = $2 WHERE id = $1`, [id, program.body.id]);
    expect((await h.http().get(`/v1/mentorships/${id}`).set(learner.auth)).body.programId).toBe(program.body.id);

    expect((await deleteMe(organizer)).status).toBe(204);
    expect((await h.http().get(`/v1/programs/${program.body.id}`).set(learner.auth)).status).toBe(404);
    const after = await h.http().get(`/v1/mentorships/${id}`).set(learner.auth);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'active', programId: null });
  });

  it('two deletions at once delete once; the loser is refused', async () => {
    const u = await registerUser(h);
    const [a, b] = await Promise.all([deleteMe(u), deleteMe(u)]);
    expect([a.status, b.status].sort()).toEqual([204, expect.any(Number)]);
    expect([401, 404]).toContain([a.status, b.status].sort()[1]);
  });
});
