import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { counts, createMeetup, inDays, outboxRows, rsvp } from './support/meetups.js';

async function registerMany(h: Harness, n: number): Promise<TestUser[]> {
  const users: TestUser[] = [];
  // Small batches: registration hashes passwords with argon2, which is deliberately expensive.
  for (let i = 0; i < n; i += 16)
    users.push(...(await Promise.all(Array.from({ length: Math.min(16, n - i) }, () => registerUser(h)))));
  return users;
}

describe('meetup RSVPs, waitlist, attendees and check-ins (docs/api.md#meetups)', () => {
  let h: Harness;
  let h2: Harness;
  let organizer: TestUser;

  beforeAll(async () => {
    // Two API processes' worth of app (separate pools) over one database: the lock must hold across them.
    [h, h2] = await Promise.all([startHarness({ worker: false }), startHarness({ worker: false })]);
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(async () => {
    await Promise.all([h?.close(), h2?.close()]);
  });

  describe('POST /v1/meetups/:id/rsvp', () => {
    it('going takes a seat; a full meetup waitlists at a 1-based position; repeats change nothing', async () => {
      const m = await createMeetup(h, organizer, { capacity: 2 });
      const [a, b, c, d] = await registerMany(h, 4);
      expect((await rsvp(h, a, m.id, 'going')).body).toEqual({ status: 'going', waitlistPosition: null });
      expect((await rsvp(h, b, m.id, 'going')).body).toEqual({ status: 'going', waitlistPosition: null });
      const third = await rsvp(h, c, m.id, 'going');
      expect(third.status).toBe(200);
      expect(third.body).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
      expect((await rsvp(h, d, m.id, 'going')).body).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
      // Asking again keeps one's seat or place in line.
      expect((await rsvp(h, a, m.id, 'going')).body).toEqual({ status: 'going', waitlistPosition: null });
      expect((await rsvp(h, d, m.id, 'going')).body).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
      expect(await counts(h, m.id)).toMatchObject({
        going_count: 2,
        going_rows: 2,
        waitlist_count: 2,
        waitlisted_rows: 2,
      });
      const view = await h.http().get(`/v1/meetups/${m.id}`).set(d.auth);
      expect(view.body).toMatchObject({
        goingCount: 2,
        waitlistCount: 2,
        myRsvp: { status: 'waitlisted', waitlistPosition: 2 },
      });
    });

    it('a going member leaving promotes the earliest waitlisted, who is notified; the line moves up', async () => {
      const m = await createMeetup(h, organizer, { capacity: 1 });
      const [a, b, c, d] = await registerMany(h, 4);
      for (const u of [a, b, c, d]) await rsvp(h, u, m.id, 'going');
      // A waitlisted member leaving frees no seat and notifies no one.
      expect((await rsvp(h, c, m.id, 'interested')).body).toEqual({ status: 'interested', waitlistPosition: null });
      expect(await outboxRows(h, 'meetup.promoted', m.id)).toHaveLength(0);
      expect((await h.http().get(`/v1/meetups/${m.id}`).set(d.auth)).body.myRsvp).toEqual({
        status: 'waitlisted',
        waitlistPosition: 2,
      });

      expect((await rsvp(h, a, m.id, 'not_going')).body).toEqual({ status: 'not_going', waitlistPosition: null });
      expect((await h.http().get(`/v1/meetups/${m.id}`).set(b.auth)).body.myRsvp).toEqual({
        status: 'going',
        waitlistPosition: null,
      });
      expect((await h.http().get(`/v1/meetups/${m.id}`).set(d.auth)).body.myRsvp).toEqual({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      const promoted = await outboxRows(h, 'meetup.promoted', m.id);
      expect(promoted.map((r) => r.payload)).toEqual([{ meetupId: m.id, recipientIds: [b.id] }]);

      // Coming back joins the end of the line.
      expect((await rsvp(h, a, m.id, 'going')).body).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
      expect(await counts(h, m.id)).toMatchObject({
        going_count: 1,
        going_rows: 1,
        waitlist_count: 2,
        waitlisted_rows: 2,
      });
    });

    it('answers 409 on a finished meetup, 404 on an unknown one, 400 on a bad status', async () => {
      const finished = await createMeetup(h, organizer, { startsAt: inDays(-2), endsAt: inDays(-2, 20) });
      const [u] = await registerMany(h, 1);
      expectProblem(await rsvp(h, u, finished.id, 'going'), 409, 'MEETUP_FINISHED');
      expectProblem(await rsvp(h, u, finished.id, 'not_going'), 409, 'MEETUP_FINISHED');
      expectProblem(await rsvp(h, u, '6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b', 'going'), 404);
      const m = await createMeetup(h, organizer);
      expectProblem(await rsvp(h, u, m.id, 'waitlisted'), 400, 'VALIDATION_FAILED');
      expectProblem(await rsvp(h, u, m.id, 'maybe'), 400, 'VALIDATION_FAILED');
      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/rsvp`).set(u.auth).send({ status: 'going', plusOne: true }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('64 parallel RSVPs, 10 seats, two API instances: 10 going, 54 waitlisted 1..54, counters = rows', async () => {
      const m = await createMeetup(h, organizer, { capacity: 10 });
      const users = await registerMany(h, 64);
      const results = await Promise.all(users.map((u, i) => rsvp(i % 2 ? h2 : h, u, m.id, 'going')));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const going = results.filter((r) => r.body.status === 'going');
      const waitlisted = results.filter((r) => r.body.status === 'waitlisted');
      expect(going).toHaveLength(10);
      expect(going.every((r) => r.body.waitlistPosition === null)).toBe(true);
      expect(waitlisted).toHaveLength(54);
      expect(waitlisted.map((r) => r.body.waitlistPosition).sort((x: number, y: number) => x - y)).toEqual(
        Array.from({ length: 54 }, (_, i) => i + 1),
      );
      expect(await counts(h, m.id)).toEqual({
        capacity: 10,
        going_count: 10,
        going_rows: 10,
        waitlist_count: 54,
        waitlisted_rows: 54,
      });

      // The answered positions are the real FIFO order of the rows.
      const order: { profile_id: string }[] = await h.db.query(
        `SELECT profile_id FROM meetup_rsvps WHERE meetup_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq`,
        [m.id],
      );
      const answered = new Map(users.map((u, i) => [u.id, results[i].body.waitlistPosition]));
      expect(order.map((r) => answered.get(r.profile_id))).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
    });

    it('a storm of joins and leaves never overbooks, and promotions keep the counters equal to the rows', async () => {
      const m = await createMeetup(h, organizer, { capacity: 5 });
      const users = await registerMany(h, 30);
      for (const u of users.slice(0, 12)) await rsvp(h, u, m.id, 'going');
      const storm = users.flatMap((u, i) => {
        const api = i % 2 ? h2 : h;
        if (i < 12) return [rsvp(api, u, m.id, i % 3 === 0 ? 'not_going' : 'going'), rsvp(api, u, m.id, 'going')];
        return [rsvp(api, u, m.id, 'going'), rsvp(api, u, m.id, i % 4 === 0 ? 'interested' : 'going')];
      });
      const results = await Promise.all(storm);
      expect(results.every((r) => r.status === 200)).toBe(true);
      const c = await counts(h, m.id);
      expect(c.going_count).toBe(5);
      expect(c.going_rows).toBe(5);
      expect(c.waitlist_count).toBe(c.waitlisted_rows);
      const [{ promoted }] = await h.db.query(
        `SELECT count(*)::int AS promoted FROM outbox WHERE type = 'meetup.promoted' AND payload->>'meetupId' = $1`,
        [m.id],
      );
      expect(promoted).toBeGreaterThan(0);
    });
  });

  describe('attendees and check-ins', () => {
    it('lists going, then the waitlist in order, then interested, to the organizer only, in cursor pages', async () => {
      const m = await createMeetup(h, organizer, { capacity: 2 });
      const users = await registerMany(h, 6);
      for (const u of users.slice(0, 4)) await rsvp(h, u, m.id, 'going');
      await rsvp(h, users[4], m.id, 'interested');
      await rsvp(h, users[5], m.id, 'not_going');

      expectProblem(
        await h.http().get(`/v1/meetups/${m.id}/attendees`).set(users[0].auth),
        403,
        'FORBIDDEN_NOT_ORGANIZER',
      );
      expectProblem(
        await h.http().get('/v1/meetups/6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b/attendees').set(organizer.auth),
        404,
      );

      const items: {
        profileId: string;
        status: string;
        waitlistPosition: number | null;
        displayName: string;
        checkedInAt: null;
      }[] = [];
      let cursor: string | undefined;
      do {
        const res = await h
          .http()
          .get(`/v1/meetups/${m.id}/attendees`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(organizer.auth);
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      const going = [users[0].id, users[1].id].sort();
      expect(items.map((i) => i.profileId)).toEqual([...going, users[2].id, users[3].id, users[4].id]);
      expect(items.map((i) => [i.status, i.waitlistPosition])).toEqual([
        ['going', null],
        ['going', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
        ['interested', null],
      ]);
      expect(items[0]).toEqual({
        profileId: going[0],
        displayName: expect.any(String),
        status: 'going',
        waitlistPosition: null,
        checkedInAt: null,
      });

      const notGoing = await h
        .http()
        .get(`/v1/meetups/${m.id}/attendees`)
        .query({ status: 'not_going' })
        .set(organizer.auth);
      expect(notGoing.body.items.map((i: { profileId: string }) => i.profileId)).toEqual([users[5].id]);
    });

    it('checks in a going member once; others are 404 or 409; only the organizer may', async () => {
      const m = await createMeetup(h, organizer, { capacity: 1 });
      const [goer, waiter, stranger] = await registerMany(h, 3);
      await rsvp(h, goer, m.id, 'going');
      await rsvp(h, waiter, m.id, 'going');

      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/check-ins`).set(goer.auth).send({ profileId: goer.id }),
        403,
        'FORBIDDEN_NOT_ORGANIZER',
      );
      const res = await h.http().post(`/v1/meetups/${m.id}/check-ins`).set(organizer.auth).send({ profileId: goer.id });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        profileId: goer.id,
        displayName: expect.any(String),
        status: 'going',
        waitlistPosition: null,
        checkedInAt: expect.any(String),
      });
      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/check-ins`).set(organizer.auth).send({ profileId: goer.id }),
        409,
        'ALREADY_CHECKED_IN',
      );
      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/check-ins`).set(organizer.auth).send({ profileId: waiter.id }),
        409,
        'NOT_GOING',
      );
      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/check-ins`).set(organizer.auth).send({ profileId: stranger.id }),
        404,
        'RSVP_NOT_FOUND',
      );
      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/check-ins`).set(organizer.auth).send({ profileId: 'nope' }),
        400,
        'VALIDATION_FAILED',
      );

      const list = await h.http().get(`/v1/meetups/${m.id}/attendees`).query({ status: 'going' }).set(organizer.auth);
      expect(list.body.items).toEqual([
        expect.objectContaining({ profileId: goer.id, checkedInAt: res.body.checkedInAt }),
      ]);
    });
  });
});
