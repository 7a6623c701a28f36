import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { makeAdmin } from './support/matching-fixtures.js';
import { createMeetup } from './support/meetups.js';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const TIME = '2030-01-01T00:00:00.000000Z';

/** Tampered cursors every list must answer with 400 INVALID_CURSOR, never a 5xx. */
const TAMPERED: Record<string, string> = {
  'garbage base64': '!!!not*base64!!!',
  'base64 of no JSON': Buffer.from('{{{').toString('base64url'),
  'not an array': b64({ a: 1 }),
  'wrong arity': b64([TIME]),
  'too many fields': b64([TIME, NIL_UUID, NIL_UUID, 1]),
  'wrong types': b64(['not-a-time', 'not-a-uuid']),
  'numbers for strings': b64([1, 2, 3]),
  'huge length': b64(['x'.repeat(3000), NIL_UUID]),
};

describe('list cursors', () => {
  let h: Harness;
  let user: TestUser;
  let admin: TestUser;
  let organizer: TestUser;
  let meetupId: string;

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    user = await registerUser(h, ['learner', 'mentor']);
    admin = await makeAdmin(h, await registerUser(h, ['learner']));
    organizer = await registerUser(h, ['organizer']);
    meetupId = (await createMeetup(h, organizer)).id;
  });
  afterAll(() => h.close());

  /** Each list with a well-formed cursor of its own shape, which must be accepted. */
  const lists = (): { path: string; who: () => TestUser; valid: unknown[] }[] => [
    { path: '/v1/mentorship-requests', who: () => user, valid: [TIME, NIL_UUID] },
    { path: '/v1/mentorships', who: () => user, valid: [TIME, NIL_UUID] },
    { path: '/v1/blocks', who: () => user, valid: [TIME, NIL_UUID] },
    { path: '/v1/admin/reports', who: () => admin, valid: [TIME, NIL_UUID] },
    { path: '/v1/profiles/me/goals', who: () => user, valid: [TIME, NIL_UUID] },
    { path: '/v1/notifications', who: () => user, valid: [TIME, NIL_UUID] },
    { path: '/v1/meetups', who: () => user, valid: [TIME, NIL_UUID] },
    { path: '/v1/mentors', who: () => user, valid: [null, NIL_UUID] },
    { path: '/v1/mentors?skill=postgresql', who: () => user, valid: [3, NIL_UUID] },
    { path: `/v1/meetups/:meetup/attendees`, who: () => organizer, valid: [1, '42', NIL_UUID] },
  ];
  const url = (path: string, cursor: string): string =>
    `${path.replace(':meetup', meetupId)}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;

  it('every list answers a tampered cursor with 400 INVALID_CURSOR naming the field', async () => {
    for (const { path, who } of lists()) {
      for (const [what, cursor] of Object.entries(TAMPERED)) {
        const res = await h.http().get(url(path, cursor)).set(who().auth);
        try {
          expectProblem(res, 400, 'INVALID_CURSOR');
          expect(res.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
        } catch (e) {
          throw new Error(`${path} with ${what}: ${(e as Error).message}`, { cause: e });
        }
      }
    }
  });

  it('a cursor of the right shape but another list’s types is rejected too', async () => {
    // A timestamp where the attendee list expects its status rank, and a level out of 0..5 for mentors.
    const attendees = `/v1/meetups/${meetupId}/attendees?cursor=${b64([TIME, '1', NIL_UUID])}`;
    expectProblem(await h.http().get(attendees).set(organizer.auth), 400, 'INVALID_CURSOR');
    const mentors = `/v1/mentors?skill=postgresql&cursor=${b64([9, NIL_UUID])}`;
    expectProblem(await h.http().get(mentors).set(user.auth), 400, 'INVALID_CURSOR');
  });

  it('every list accepts a well-formed cursor of its own shape', async () => {
    for (const { path, who, valid } of lists()) {
      const res = await h
        .http()
        .get(url(path, b64(valid)))
        .set(who().auth);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
    }
  });
});
