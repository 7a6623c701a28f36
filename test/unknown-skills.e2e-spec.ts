import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { createMeetup, meetupBody } from './support/meetups.js';

/** Every endpoint that takes a skill slug answers an unknown one the same way: 400 UNKNOWN_SKILL naming the field. */
describe('unknown skills', () => {
  let h: Harness;
  let user: TestUser;
  let organizer: TestUser;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    user = await registerUser(h, ['learner', 'mentor']);
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(() => h.close());

  const expectUnknown = (res: Parameters<typeof expectProblem>[0], field: string): void => {
    expectProblem(res, 400, 'UNKNOWN_SKILL');
    expect(res.body.errors).toEqual([{ field, message: expect.stringContaining('basket-weaving') }]);
  };

  it('PUT /v1/profiles/me/skills', async () => {
    const res = await h
      .http()
      .put('/v1/profiles/me/skills')
      .set(user.auth)
      .send({
        skills: [
          { skill: 'go', level: 2 },
          { skill: 'basket-weaving', level: 3 },
        ],
      });
    expectUnknown(res, 'skills[1].skill');
  });

  it('POST /v1/profiles/me/goals', async () => {
    const res = await h
      .http()
      .post('/v1/profiles/me/goals')
      .set(user.auth)
      .send({ skill: 'basket-weaving', targetLevel: 3 });
    expectUnknown(res, 'skill');
  });

  it('POST and PATCH /v1/meetups, storing nothing', async () => {
    const created = await h
      .http()
      .post('/v1/meetups')
      .set(organizer.auth)
      .send(meetupBody({ skills: ['postgresql', 'basket-weaving'] }));
    expectUnknown(created, 'skills[1]');
    const meetup = await createMeetup(h, organizer);
    const patched = await h
      .http()
      .patch(`/v1/meetups/${meetup.id}`)
      .set(organizer.auth)
      .send({ skills: ['basket-weaving'] });
    expectUnknown(patched, 'skills[0]');
    expect((await h.http().get(`/v1/meetups/${meetup.id}`).set(organizer.auth)).body.skills).toEqual(['postgresql']);
  });

  it('GET /v1/meetups?skill= and GET /v1/mentors?skill=', async () => {
    expectUnknown(await h.http().get('/v1/meetups?skill=basket-weaving').set(user.auth), 'skill');
    expectUnknown(await h.http().get('/v1/mentors?skill=basket-weaving').set(user.auth), 'skill');
  });
});
