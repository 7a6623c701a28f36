import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { makeMentor, setSkills } from './support/matching-fixtures.js';

/** The learner summary on received requests: what a mentor sees to decide (docs/api.md#mentor-matching). */
describe('mentorship requests: the learner summary for the mentor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const BASE_KEYS = [
    'createdAt',
    'decidedAt',
    'declineNote',
    'declineReason',
    'expiresAt',
    'goalIds',
    'id',
    'learnerId',
    'learnerName',
    'mentorId',
    'mentorName',
    'message',
    'status',
  ];

  const goal = async (who: TestUser, body: Record<string, unknown>): Promise<string> => {
    const res = await h.http().post('/v1/profiles/me/goals').set(who.auth).send(body);
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const send = async (learner: TestUser, mentor: TestUser, goalIds: string[] = []): Promise<string> => {
    const res = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'Could you help me?', goalIds });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const list = async (who: TestUser, query = '') => {
    const res = await h.http().get(`/v1/mentorship-requests${query}`).set(who.auth);
    expect(res.status).toBe(200);
    return res.body.items as Record<string, unknown>[];
  };

  async function learnerWithGoals(name: string) {
    const learner = await registerUser(h, ['learner'], { displayName: name });
    await h.db.query(`UPDATE profiles SET headline = $2 WHERE id = $1`, [learner.id, `${name}, career changer`]);
    await setSkills(h, learner.id, { sql: 2, postgresql: 1, docker: 3 });
    const named = await goal(learner, {
      skill: 'postgresql',
      targetLevel: 4,
      targetDate: '2027-06-30',
      note: 'Read query plans without fear',
    });
    const unnamed = await goal(learner, { skill: 'docker', targetLevel: 4, note: 'Private plan' });
    return { learner, named, unnamed };
  }

  it('lists received requests with the learner’s name, headline, skills and only the goals named', async () => {
    const mentor = await makeMentor(h, { capacity: 5, headline: 'Mentor headline' });
    const a = await learnerWithGoals('Ada');
    const b = await learnerWithGoals('Bo');
    const ra = await send(a.learner, mentor, [a.named]);
    const rb = await send(b.learner, mentor);

    const items = await list(mentor, '?as=mentor');
    expect(items.map((r) => r.id)).toEqual([rb, ra]);
    expect(items[1].learner).toEqual({
      id: a.learner.id,
      displayName: 'Ada',
      headline: 'Ada, career changer',
      skills: [
        { slug: 'docker', name: 'Docker', level: 3 },
        { slug: 'sql', name: 'SQL', level: 2 },
        { slug: 'postgresql', name: 'PostgreSQL', level: 1 },
      ],
      goals: [
        {
          id: a.named,
          skill: 'postgresql',
          skillName: 'PostgreSQL',
          targetLevel: 4,
          targetDate: '2027-06-30',
          note: 'Read query plans without fear',
          status: 'active',
        },
      ],
    });
    // A request that names no goal shows none, not the learner's other goals.
    expect(items[0].learner).toMatchObject({ id: b.learner.id, displayName: 'Bo', goals: [] });
    expect(JSON.stringify(items)).not.toContain('Private plan');

    // The same summary on the single request, for its mentor.
    const one = await h.http().get(`/v1/mentorship-requests/${ra}`).set(mentor.auth);
    expect(one.body.learner).toEqual(items[1].learner);
  });

  it('gives the sender nothing new: no summary of either side, no mentor data, listed or alone', async () => {
    const mentor = await makeMentor(h, { headline: 'Private-ish mentor' });
    await h.db.query(`UPDATE profiles SET contact_url = 'https://example.test/secret' WHERE id = $1`, [mentor.id]);
    const { learner, named } = await learnerWithGoals('Cy');
    const id = await send(learner, mentor, [named]);

    for (const body of [
      (await list(learner, '?as=learner'))[0],
      (await list(learner))[0],
      (await h.http().get(`/v1/mentorship-requests/${id}`).set(learner.auth)).body,
    ]) {
      expect(Object.keys(body).sort()).toEqual(BASE_KEYS);
    }
  });

  it('a learner who is also a mentor sees summaries only on the requests received, not on those sent', async () => {
    const both = await makeMentor(h, {}, ['learner', 'mentor']);
    const other = await makeMentor(h);
    const { learner } = await learnerWithGoals('Di');
    const sent = await send(both, other);
    const received = await send(learner, both);

    const items = await list(both);
    const byId = new Map(items.map((r) => [r.id, r]));
    expect(byId.get(sent)).not.toHaveProperty('learner');
    expect(byId.get(received)?.learner).toMatchObject({ id: learner.id, displayName: 'Di' });
  });

  it('gives nothing to anyone else, and nothing new once either of the pair blocks the other', async () => {
    const mentor = await makeMentor(h);
    const stranger = await makeMentor(h, {}, ['learner', 'mentor']);
    const x = await learnerWithGoals('Ed');
    const y = await learnerWithGoals('Flo');
    const rx = await send(x.learner, mentor, [x.named]);
    const ry = await send(y.learner, mentor, [y.named]);

    expect(await list(stranger)).toEqual([]);
    expectProblem(await h.http().get(`/v1/mentorship-requests/${rx}`).set(stranger.auth), 404);

    // The learner blocks the mentor; the mentor blocks the other learner.
    expect((await h.http().post('/v1/blocks').set(x.learner.auth).send({ profileId: mentor.id })).status).toBe(201);
    expect((await h.http().post('/v1/blocks').set(mentor.auth).send({ profileId: y.learner.id })).status).toBe(201);

    const items = await list(mentor, '?as=mentor');
    expect(items.map((r) => r.id).sort()).toEqual([rx, ry].sort());
    for (const r of items) expect(Object.keys(r).sort()).toEqual(BASE_KEYS);
    for (const id of [rx, ry]) {
      const one = await h.http().get(`/v1/mentorship-requests/${id}`).set(mentor.auth);
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty('learner');
    }
  });
});
