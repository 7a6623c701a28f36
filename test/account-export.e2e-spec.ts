import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, PASSWORD, registerUser, startHarness, uniqueEmail, type Harness } from './support/harness.js';
import { makeMentor } from './support/matching-fixtures.js';
import { createMeetup, rsvp } from './support/meetups.js';

describe('GET /v1/me/export', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  it('streams one JSON document with a version and every section, as an attachment, without secrets', async () => {
    const learner = await registerUser(h, ['learner', 'organizer'], { displayName: 'Erin Export' });
    const mentor = await makeMentor(h, { capacity: 2 }, ['mentor', 'organizer']);
    await h
      .http()
      .put('/v1/profiles/me/skills')
      .set(learner.auth)
      .send({ skills: [{ skill: 'postgresql', level: 2 }] });
    const goal = await h
      .http()
      .post('/v1/profiles/me/goals')
      .set(learner.auth)
      .send({ skill: 'postgresql', targetLevel: 4 });
    expect(goal.status).toBe(201);
    const req = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'Teach me' });
    const acc = await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth);
    const mentorshipId = acc.body.mentorship.id as string;
    await h
      .http()
      .post(`/v1/mentorships/${mentorshipId}/tasks`)
      .set(mentor.auth)
      .send({ title: 'Read the EXPLAIN docs' });
    await h.http().post(`/v1/mentorships/${mentorshipId}/complete`).set(learner.auth);
    await h.http().post(`/v1/mentorships/${mentorshipId}/feedback`).set(learner.auth).send({ rating: 5 });
    await h
      .http()
      .post(`/v1/mentorships/${mentorshipId}/feedback`)
      .set(mentor.auth)
      .send({ rating: 4, comment: 'Keen' });
    const meetup = await createMeetup(h, learner);
    const other = await createMeetup(h, mentor);
    await rsvp(h, learner, other.id, 'going');
    const prefs = await h
      .http()
      .put('/v1/notification-preferences')
      .set(learner.auth)
      .send({ email: true, webhookUrl: null, mutedTypes: ['meetup.reminder'] });
    expect(prefs.status).toBe(200);
    // A webhook with its signing secret, as a saved one would be (the test network resolves no public host).
    const webhookSecret = 'whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr';
    await h.db.query(
      `UPDATE notification_preferences SET webhook_url = 'https://hooks.example.com/guildhall', webhook_secret = $2
        WHERE profile_id = $1`,
      [learner.id, webhookSecret],
    );
    const feed = await h.http().get('/v1/calendar/feed').set(learner.auth);
    const stranger = await registerUser(h);
    expect((await h.http().post('/v1/blocks').set(learner.auth).send({ profileId: stranger.id })).status).toBe(201);
    const report = await h
      .http()
      .post('/v1/reports')
      .set(learner.auth)
      .send({ profileId: stranger.id, reason: 'spam', details: 'Selling things' });
    expect(report.status).toBe(201);
    const oldAddress = learner.email;
    learner.email = uniqueEmail('moved');
    const moved = await h
      .http()
      .patch('/v1/me')
      .set(learner.auth)
      .send({ email: learner.email, currentPassword: PASSWORD });
    expect(moved.status).toBe(200);

    const res = await h
      .http()
      .get('/v1/me/export')
      .set(learner.auth)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="guildhall-export-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const raw = res.body as unknown as string;
    const doc = JSON.parse(raw);

    expect(doc.version).toBe(1);
    expect(Object.keys(doc)).toEqual([
      'version',
      'exportedAt',
      'account',
      'emailChanges',
      'profile',
      'skills',
      'goals',
      'mentoring',
      'requests',
      'mentorships',
      'feedbackGiven',
      'feedbackReceived',
      'rsvps',
      'organizedMeetups',
      'programs',
      'notifications',
      'notificationPreferences',
      'conversations',
      'sessions',
      'blocks',
      'reportsFiled',
    ]);
    expect(doc.account).toMatchObject({
      id: learner.id,
      email: learner.email,
      displayName: 'Erin Export',
      emailVerified: false,
    });
    expect(doc.profile.id).toBe(learner.id);
    expect(doc.skills).toEqual([{ skill: 'postgresql', name: expect.any(String), level: 2, years: null }]);
    expect(doc.goals).toEqual([expect.objectContaining({ id: goal.body.id, skill: 'postgresql', targetLevel: 4 })]);
    expect(doc.mentoring).toBeNull();
    expect(doc.requests).toEqual([expect.objectContaining({ id: req.body.id, status: 'accepted' })]);
    expect(doc.mentorships).toEqual([
      expect.objectContaining({
        id: mentorshipId,
        status: 'completed',
        tasks: [expect.objectContaining({ title: 'Read the EXPLAIN docs' })],
      }),
    ]);
    expect(doc.feedbackGiven).toEqual([expect.objectContaining({ authorId: learner.id, rating: 5 })]);
    expect(doc.feedbackReceived).toEqual([
      expect.objectContaining({ subjectId: learner.id, rating: 4, comment: 'Keen' }),
    ]);
    expect(doc.rsvps).toEqual([
      expect.objectContaining({ meetupId: other.id, status: 'going', waitlistPosition: null }),
    ]);
    expect(doc.organizedMeetups).toEqual([expect.objectContaining({ id: meetup.id, status: 'scheduled' })]);
    expect(doc.programs).toEqual([]);
    expect(doc.notificationPreferences).toEqual({
      email: true,
      webhookUrl: 'https://hooks.example.com/guildhall',
      mutedTypes: ['meetup.reminder'],
    });
    expect(doc.conversations).toEqual([expect.objectContaining({ withId: mentor.id, messages: expect.any(Array) })]);
    expect(Array.isArray(doc.notifications)).toBe(true);
    expect(doc.sessions).toEqual([]);
    expect(doc.emailChanges).toEqual([
      { oldEmail: oldAddress, newEmail: learner.email, changedAt: expect.any(String) },
    ]);
    expect(doc.blocks).toEqual([{ blockedId: stranger.id, createdAt: expect.any(String) }]);
    expect(doc.reportsFiled).toEqual([expect.objectContaining({ profileId: stranger.id, status: 'open' })]);

    // Never a password hash or any token.
    const [secrets] = await h.db.query(`SELECT password_hash FROM users WHERE id = $1`, [learner.id]);
    for (const secret of [
      secrets.password_hash,
      '$argon2',
      PASSWORD,
      learner.refreshToken,
      learner.refreshToken.split('.')[1],
      learner.accessToken,
      new URL(feed.body.url).pathname.split('/').pop()!.replace('.ics', ''),
      webhookSecret,
    ].filter(Boolean))
      expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/password|secret|token_hash/i);
  });

  it('needs a signed-in caller (401)', async () => {
    expectProblem(await h.http().get('/v1/me/export'), 401);
  });
});
