import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { createMeetup, inDays, meetupBody, outboxRows, plusHours, rsvp, uniqueWord } from './support/meetups.js';

describe('meetups (docs/api.md#meetups): create, edit, cancel, read, search', () => {
  let h: Harness;
  let organizer: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    organizer = await registerUser(h, ['organizer'], { displayName: 'Olga Organizer' });
    learner = await registerUser(h, ['learner']);
  });
  afterAll(() => h.close());

  describe('POST /v1/meetups', () => {
    it('creates an in-person meetup and answers the meetup shape', async () => {
      const body = meetupBody({ skills: ['postgresql', 'sql'] });
      const res = await h.http().post('/v1/meetups').set(organizer.auth).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        organizerId: organizer.id,
        title: body.title,
        description: body.description,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        timezone: 'Europe/Berlin',
        online: false,
        onlineUrl: null,
        venue: body.venue,
        capacity: 50,
        skills: ['postgresql', 'sql'],
        level: 'intermediate',
        status: 'scheduled',
        goingCount: 0,
        waitlistCount: 0,
      });
      const created = await outboxRows(h, 'meetup.created', res.body.id);
      expect(created).toHaveLength(1);
    });

    it('creates an online meetup (no venue) and a hybrid one (both), normalising the offset to UTC', async () => {
      const online = await createMeetup(h, organizer, {
        online: true,
        onlineUrl: 'https://meet.example.org/pg',
        venue: undefined,
        startsAt: '2031-05-01T20:00:00+02:00',
        endsAt: '2031-05-01T22:00:00+02:00',
        level: undefined,
      });
      expect(online).toMatchObject({
        online: true,
        onlineUrl: 'https://meet.example.org/pg',
        venue: null,
        level: null,
        startsAt: '2031-05-01T18:00:00.000Z',
      });
      const hybrid = await createMeetup(h, organizer, { online: true, onlineUrl: 'https://meet.example.org/h' });
      expect(hybrid).toMatchObject({ online: true, venue: expect.objectContaining({ city: 'Berlin' }) });
    });

    it('is for organizers only: 403 for a learner, 401 without a token', async () => {
      expectProblem(await h.http().post('/v1/meetups').set(learner.auth).send(meetupBody()), 403, 'ROLE_REQUIRED');
      expectProblem(await h.http().post('/v1/meetups').send(meetupBody()), 401);
    });

    it.each([
      ['endsAt equal to startsAt', { startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T10:00:00Z' }, 'endsAt'],
      ['endsAt before startsAt', { startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T09:00:00Z' }, 'endsAt'],
      ['a time without offset', { startsAt: '2031-01-01T10:00:00' }, 'startsAt'],
      ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['a lower-case time zone', { timezone: 'europe/berlin' }, 'timezone'],
      ['capacity 0', { capacity: 0 }, 'capacity'],
      ['capacity 10001', { capacity: 10001 }, 'capacity'],
      ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
      ['online without a link', { online: true, venue: undefined }, 'onlineUrl'],
      ['online with an http link', { online: true, onlineUrl: 'http://meet.example.org/x' }, 'onlineUrl'],
      ['in person without a venue', { venue: undefined }, 'venue'],
      ['in person with a link', { onlineUrl: 'https://meet.example.org/x' }, 'onlineUrl'],
      [
        'a venue latitude out of range',
        { venue: { name: 'x', address: 'y', city: 'z', country: 'DE', lat: 91, lng: 0 } },
        'venue.lat',
      ],
      [
        'a venue longitude out of range',
        { venue: { name: 'x', address: 'y', city: 'z', country: 'DE', lat: 0, lng: -181 } },
        'venue.lng',
      ],
      [
        'a lower-case country',
        { venue: { name: 'x', address: 'y', city: 'z', country: 'de', lat: 0, lng: 0 } },
        'venue.country',
      ],
      [
        'an unknown country',
        { venue: { name: 'x', address: 'y', city: 'z', country: 'XX', lat: 0, lng: 0 } },
        'venue.country',
      ],
      ['a venue field missing', { venue: { name: 'x', city: 'z', country: 'DE', lat: 0, lng: 0 } }, 'venue.address'],
      [
        'an unknown venue field',
        { venue: { name: 'x', address: 'y', city: 'z', country: 'DE', lat: 0, lng: 0, floor: 3 } },
        'venue.floor',
      ],
      ['a skills string', { skills: 'postgresql' }, 'skills'],
      ['an unknown level', { level: 'expert' }, 'level'],
      ['an unknown field', { price: 10 }, 'price'],
      ['an empty title', { title: '   ' }, 'title'],
    ])('answers 400 for %s and stores nothing', async (_name, patch, field) => {
      const title = uniqueWord();
      const res = await h
        .http()
        .post('/v1/meetups')
        .set(organizer.auth)
        .send(meetupBody({ title, ...patch }));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
      );
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM meetups WHERE title = $1`, [title]);
      expect(n).toBe(0);
    });
  });

  describe('GET /v1/meetups/:id', () => {
    it('shows any meetup to any signed-in member, with their own RSVP', async () => {
      const m = await createMeetup(h, organizer);
      const res = await h.http().get(`/v1/meetups/${m.id}`).set(learner.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: m.id, title: m.title, myRsvp: null });
      await rsvp(h, learner, m.id, 'interested');
      const again = await h.http().get(`/v1/meetups/${m.id}`).set(learner.auth);
      expect(again.body.myRsvp).toEqual({ status: 'interested', waitlistPosition: null });
    });

    it('answers 404 for an unknown or malformed id; no token is needed, but a bad one is 401', async () => {
      expectProblem(await h.http().get('/v1/meetups/6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b').set(learner.auth), 404);
      expectProblem(await h.http().get('/v1/meetups/not-a-uuid').set(learner.auth), 404);
      expectProblem(await h.http().get('/v1/meetups/6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b'), 404);
      const m = await createMeetup(h, organizer);
      const anonymous = await h.http().get(`/v1/meetups/${m.id}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ id: m.id, myRsvp: null });
      expectProblem(await h.http().get(`/v1/meetups/${m.id}`).set('Authorization', 'Bearer not.a.token'), 401);
    });
  });

  describe('PATCH /v1/meetups/:id', () => {
    it('lets the organizer edit, validating the merged result', async () => {
      const m = await createMeetup(h, organizer);
      const res = await h
        .http()
        .patch(`/v1/meetups/${m.id}`)
        .set(organizer.auth)
        .send({ title: 'Renamed', skills: ['sql'], level: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Renamed', skills: ['sql'], level: null, venue: m.venue });

      // Going online needs a link; switching to online with one and clearing the venue is fine.
      expectProblem(
        await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ online: true }),
        400,
        'VALIDATION_FAILED',
      );
      const online = await h
        .http()
        .patch(`/v1/meetups/${m.id}`)
        .set(organizer.auth)
        .send({ online: true, onlineUrl: 'https://x.example/r', venue: null });
      expect(online.status).toBe(200);
      expect(online.body).toMatchObject({ online: true, onlineUrl: 'https://x.example/r', venue: null });
      // The end must stay after the start even when only one of them is sent.
      const tooEarly = await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ endsAt: m.startsAt });
      expectProblem(tooEarly, 400, 'VALIDATION_FAILED');
      expect(tooEarly.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);
    });

    it('refuses null for a field that cannot be cleared, and unknown fields', async () => {
      const m = await createMeetup(h, organizer);
      expectProblem(
        await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ capacity: null }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ status: 'cancelled' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await h
          .http()
          .patch(`/v1/meetups/${m.id}`)
          .set(organizer.auth)
          .send({ skills: ['nope-nope'] }),
        400,
        'UNKNOWN_SKILL',
      );
    });

    it('answers 403 to anyone but its organizer (meetups are public), 404 for an unknown id', async () => {
      const m = await createMeetup(h, organizer);
      const otherOrganizer = await registerUser(h, ['organizer']);
      expectProblem(
        await h.http().patch(`/v1/meetups/${m.id}`).set(otherOrganizer.auth).send({ title: 'Mine now' }),
        403,
        'FORBIDDEN_NOT_ORGANIZER',
      );
      expectProblem(
        await h.http().patch(`/v1/meetups/${m.id}`).set(learner.auth).send({ title: 'Mine now' }),
        403,
        'FORBIDDEN_NOT_ORGANIZER',
      );
      expectProblem(
        await h
          .http()
          .patch('/v1/meetups/6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b')
          .set(organizer.auth)
          .send({ title: 'x' }),
        404,
      );
      const after = await h.http().get(`/v1/meetups/${m.id}`).set(learner.auth);
      expect(after.body.title).toBe(m.title);
    });

    it('lowering capacity below goingCount is 409; down to goingCount is fine', async () => {
      const m = await createMeetup(h, organizer, { capacity: 5 });
      const members = await Promise.all([1, 2, 3].map(() => registerUser(h)));
      for (const u of members) await rsvp(h, u, m.id, 'going');
      const res = await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ capacity: 2 });
      expectProblem(res, 409, 'CAPACITY_BELOW_GOING');
      const ok = await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ capacity: 3 });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ capacity: 3, goingCount: 3 });
    });

    it('a change of time, place or link notifies everyone going or waitlisted, once, with the changes', async () => {
      const m = await createMeetup(h, organizer, { capacity: 1 });
      const [going, waitlisted, interested] = await Promise.all([1, 2, 3].map(() => registerUser(h)));
      await rsvp(h, going, m.id, 'going');
      await rsvp(h, waitlisted, m.id, 'going');
      await rsvp(h, interested, m.id, 'interested');

      await h
        .http()
        .patch(`/v1/meetups/${m.id}`)
        .set(organizer.auth)
        .send({ title: 'Only the title', description: 'and text' })
        .expect(200);
      expect(await outboxRows(h, 'meetup.updated', m.id)).toHaveLength(0);

      const newStart = plusHours(m.startsAt as string, 24);
      await h
        .http()
        .patch(`/v1/meetups/${m.id}`)
        .set(organizer.auth)
        .send({ startsAt: newStart, endsAt: plusHours(newStart, 2) })
        .expect(200);
      const rows = await outboxRows(h, 'meetup.updated', m.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toMatchObject({
        meetupId: m.id,
        changes: ['startsAt', 'endsAt'],
        startsAt: newStart,
        previousStartsAt: m.startsAt,
      });
      expect([...(rows[0].payload.recipientIds as string[])].sort()).toEqual([going.id, waitlisted.id].sort());

      const venue = { name: 'New place', address: 'Elsewhere 2', city: 'Berlin', country: 'DE', lat: 52.5, lng: 13.39 };
      await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ venue }).expect(200);
      const more = await outboxRows(h, 'meetup.updated', m.id);
      expect(more).toHaveLength(2);
      expect(more[1].payload.changes).toEqual(['venue']);
    });

    it('raising capacity promotes the waitlist in order and notifies each promoted member', async () => {
      const m = await createMeetup(h, organizer, { capacity: 1 });
      const users = await Promise.all([1, 2, 3, 4].map(() => registerUser(h)));
      for (const u of users) await rsvp(h, u, m.id, 'going');
      const res = await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ capacity: 3 });
      expect(res.body).toMatchObject({ capacity: 3, goingCount: 3, waitlistCount: 1 });
      const promoted = await outboxRows(h, 'meetup.promoted', m.id);
      expect(promoted.map((r) => r.payload.recipientIds)).toEqual([[users[1].id], [users[2].id]]);
      const last = await rsvp(h, users[3], m.id, 'going');
      expect(last.body).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    });
  });

  describe('POST /v1/meetups/:id/cancel', () => {
    it('cancels, notifies everyone going or waitlisted, and blocks RSVPs and edits', async () => {
      const m = await createMeetup(h, organizer, { capacity: 1 });
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => registerUser(h)));
      await rsvp(h, a, m.id, 'going');
      await rsvp(h, b, m.id, 'going');
      await rsvp(h, c, m.id, 'not_going');

      expectProblem(
        await h.http().post(`/v1/meetups/${m.id}/cancel`).set(learner.auth),
        403,
        'FORBIDDEN_NOT_ORGANIZER',
      );
      const res = await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: m.id, status: 'cancelled' });

      const rows = await outboxRows(h, 'meetup.cancelled', m.id);
      expect(rows).toHaveLength(1);
      expect([...(rows[0].payload.recipientIds as string[])].sort()).toEqual([a.id, b.id].sort());

      expectProblem(await rsvp(h, c, m.id, 'going'), 409, 'MEETUP_CANCELLED');
      expectProblem(await rsvp(h, a, m.id, 'not_going'), 409, 'MEETUP_CANCELLED');
      expectProblem(
        await h.http().patch(`/v1/meetups/${m.id}`).set(organizer.auth).send({ title: 'x' }),
        409,
        'MEETUP_CANCELLED',
      );
      expectProblem(await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth), 409, 'MEETUP_CANCELLED');
      const view = await h.http().get(`/v1/meetups/${m.id}`).set(learner.auth);
      expect(view.body.status).toBe('cancelled');
    });

    it('splits a large audience into events of at most 1000 recipients', async () => {
      const m = await createMeetup(h, organizer, { capacity: 1500 });
      // Seed 2,100 RSVP rows directly: registering that many accounts over HTTP would only test argon2.
      await h.db.query(
        `WITH u AS (
           INSERT INTO users (email, password_hash, roles)
           SELECT 'bulk-' || $2 || '-' || g || '@example.test', 'x', '{learner}' FROM generate_series(1, 2100) g
           RETURNING id
         ), p AS (INSERT INTO profiles (id, display_name, roles) SELECT id, 'Bulk', '{learner}' FROM u RETURNING id)
         INSERT INTO meetup_rsvps (meetup_id, profile_id, status, waitlisted_at, waitlist_seq)
         SELECT $1, id, CASE WHEN n <= 1500 THEN 'going' ELSE 'waitlisted' END,
                CASE WHEN n > 1500 THEN now() END, CASE WHEN n > 1500 THEN nextval('meetup_waitlist_seq') END
           FROM (SELECT id, row_number() OVER () AS n FROM p) x`,
        [m.id, uniqueWord()],
      );
      await h.db.query(`UPDATE meetups SET going_count = 1500, waitlist_count = 600 WHERE id = $1`, [m.id]);
      await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth).expect(200);
      const rows = await outboxRows(h, 'meetup.cancelled', m.id);
      expect(rows.map((r) => (r.payload.recipientIds as string[]).length)).toEqual([1000, 1000, 100]);
      expect(new Set(rows.flatMap((r) => r.payload.recipientIds as string[])).size).toBe(2100);
    });
  });

  describe('GET /v1/meetups (search)', () => {
    it('lists scheduled upcoming meetups soonest first; not cancelled or past ones unless from says so', async () => {
      const word = uniqueWord();
      const later = await createMeetup(h, organizer, { title: `${word} later`, startsAt: inDays(20) });
      const sooner = await createMeetup(h, organizer, { title: `${word} sooner`, startsAt: inDays(10) });
      const cancelled = await createMeetup(h, organizer, { title: `${word} cancelled`, startsAt: inDays(5) });
      await h.http().post(`/v1/meetups/${cancelled.id}/cancel`).set(organizer.auth).expect(200);
      const past = await createMeetup(h, organizer, { title: `${word} past`, startsAt: inDays(-3) });

      const res = await h.http().get('/v1/meetups').query({ q: word }).set(learner.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([sooner.id, later.id]);
      expect(res.body.nextCursor).toBeNull();

      const withPast = await h
        .http()
        .get('/v1/meetups')
        .query({ q: word, from: inDays(-7) })
        .set(learner.auth);
      expect(withPast.body.items.map((m: { id: string }) => m.id)).toEqual([past.id, sooner.id, later.id]);
      const window = await h
        .http()
        .get('/v1/meetups')
        .query({ q: word, from: inDays(-7), to: inDays(15) })
        .set(learner.auth);
      expect(window.body.items.map((m: { id: string }) => m.id)).toEqual([past.id, sooner.id]);
    });

    it('full text matches title and description words, stemmed', async () => {
      const word = uniqueWord();
      const a = await createMeetup(h, organizer, {
        title: `${word} Indexing deep dive`,
        description: 'partial indexes',
      });
      const b = await createMeetup(h, organizer, { title: `${word} Replication`, description: 'streaming replicas' });
      const ids = async (q: string) =>
        (await h.http().get('/v1/meetups').query({ q }).set(learner.auth)).body.items.map((m: { id: string }) => m.id);
      expect(await ids(`${word} index`)).toEqual([a.id]);
      expect(await ids(`${word} replica`)).toEqual([b.id]);
      expect(await ids(`${word} -replication`)).toEqual([a.id]);
      expect((await ids(`${word}`)).sort()).toEqual([a.id, b.id].sort());
    });

    it('a parent skill also finds meetups about its children', async () => {
      const word = uniqueWord();
      const pg = await createMeetup(h, organizer, { title: word, skills: ['postgresql'], startsAt: inDays(3) });
      const sql = await createMeetup(h, organizer, { title: word, skills: ['sql'], startsAt: inDays(4) });
      const mongo = await createMeetup(h, organizer, { title: word, skills: ['mongodb'], startsAt: inDays(5) });
      const ids = async (skill: string) =>
        (await h.http().get('/v1/meetups').query({ q: word, skill }).set(learner.auth)).body.items.map(
          (m: { id: string }) => m.id,
        );
      expect(await ids('sql')).toEqual([pg.id, sql.id]);
      expect(await ids('postgresql')).toEqual([pg.id]);
      expect(await ids('nosql')).toEqual([mongo.id]);
      expectProblem(
        await h.http().get('/v1/meetups').query({ skill: 'no-such-skill' }).set(learner.auth),
        400,
        'UNKNOWN_SKILL',
      );
    });

    it('near + radiusKm finds in-person meetups within the radius; online filters by format', async () => {
      const word = uniqueWord();
      const venue = (lat: number, lng: number) => ({ name: 'v', address: 'a', city: 'c', country: 'DE', lat, lng });
      const berlin = await createMeetup(h, organizer, {
        title: word,
        venue: venue(52.52, 13.405),
        startsAt: inDays(3),
      });
      const potsdam = await createMeetup(h, organizer, {
        title: word,
        venue: venue(52.3906, 13.0645),
        startsAt: inDays(4),
      }); // ~27 km
      const hamburg = await createMeetup(h, organizer, {
        title: word,
        venue: venue(53.5511, 9.9937),
        startsAt: inDays(5),
      }); // ~255 km
      const online = await createMeetup(h, organizer, {
        title: word,
        online: true,
        onlineUrl: 'https://x.example',
        venue: undefined,
        startsAt: inDays(6),
      });
      const ids = async (query: Record<string, string>) => {
        const res = await h
          .http()
          .get('/v1/meetups')
          .query({ q: word, ...query })
          .set(learner.auth);
        expect(res.status).toBe(200);
        return res.body.items.map((m: { id: string }) => m.id);
      };
      expect(await ids({ near: '52.52,13.405', radiusKm: '10' })).toEqual([berlin.id]);
      expect(await ids({ near: '52.52,13.405' })).toEqual([berlin.id, potsdam.id]); // default 50 km
      expect(await ids({ near: '52.52,13.405', radiusKm: '300' })).toEqual([berlin.id, potsdam.id, hamburg.id]);
      expect(await ids({ online: 'true' })).toEqual([online.id]);
      expect(await ids({ online: 'false' })).toEqual([berlin.id, potsdam.id, hamburg.id]);
    });

    it.each([
      [{ near: 'berlin' }, 'near'],
      [{ near: '95,10' }, 'near'],
      [{ near: '52.5' }, 'near'],
      [{ radiusKm: '10' }, 'radiusKm'],
      [{ near: '52.5,13.4', radiusKm: '-1' }, 'radiusKm'],
      [{ online: 'maybe' }, 'online'],
      [{ from: 'yesterday' }, 'from'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '101' }, 'limit'],
      [{ cursor: 'garbage' }, 'cursor'],
      [{ sort: 'title' }, 'sort'],
    ])('answers 400 for %p', async (query, field) => {
      const res = await h.http().get('/v1/meetups').query(query).set(learner.auth);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('pages with a cursor, stable when start times are equal', async () => {
      const word = uniqueWord();
      const startsAt = inDays(30);
      const created = [];
      for (let i = 0; i < 7; i++) created.push(await createMeetup(h, organizer, { title: `${word} ${i}`, startsAt }));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await h
          .http()
          .get('/v1/meetups')
          .query({ q: word, limit: 3, ...(cursor ? { cursor } : {}) })
          .set(learner.auth);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((m: { id: string }) => m.id));
        cursor = res.body.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(created.map((m) => m.id).sort());
    });
  });

  describe('GET /v1/meetups/recommended', () => {
    it('ranks by goal overlap (parents count), then distance, then time; uncovered meetups follow', async () => {
      const me = await registerUser(h, ['learner']);
      await h.db.query(`UPDATE profiles SET location = $2 WHERE id = $1`, [
        me.id,
        { city: 'Berlin', country: 'DE', lat: 52.52, lng: 13.405 },
      ]);
      await h.db.query(
        `INSERT INTO goals (profile_id, skill, target_level, status)
         VALUES ($1, 'elasticsearch', 4, 'active'), ($1, 'terraform', 3, 'active'),
                ($1, 'rust', 3, 'abandoned')`,
        [me.id],
      );
      const venue = (lat: number, lng: number) => ({ name: 'v', address: 'a', city: 'c', country: 'DE', lat, lng });
      // Both goals, far away and late: ranks first on overlap alone.
      const both = await createMeetup(h, organizer, {
        skills: ['elasticsearch', 'terraform'],
        venue: venue(48.137, 11.575),
        startsAt: inDays(60),
      });
      // One goal each; the nearer first, whatever the time.
      const pgNear = await createMeetup(h, organizer, {
        skills: ['elasticsearch'],
        venue: venue(52.5, 13.4),
        startsAt: inDays(50),
      });
      const pgFar = await createMeetup(h, organizer, {
        skills: ['elasticsearch'],
        venue: venue(53.55, 9.99),
        startsAt: inDays(2),
      });
      // The goal's parent (nosql) gets partial credit, above nothing.
      const parent = await createMeetup(h, organizer, {
        skills: ['nosql'],
        venue: venue(52.5, 13.4),
        startsAt: inDays(2),
      });
      // An abandoned goal does not count.
      const abandoned = await createMeetup(h, organizer, { skills: ['rust'], startsAt: inDays(1) });

      const res = await h.http().get('/v1/meetups/recommended').query({ limit: 50 }).set(me.auth);
      expect(res.status).toBe(200);
      // This file's other tests create meetups too: judge this organizer's only.
      const items = res.body.items.filter((m: { organizerId: string }) => m.organizerId === organizer.id);
      const ids: string[] = items.map((m: { id: string }) => m.id);
      expect(ids.slice(0, 4)).toEqual([both.id, pgNear.id, pgFar.id, parent.id]);
      expect(items[0].recommendation).toEqual({ goalOverlap: 2, distanceKm: expect.any(Number) });
      expect(items[1].recommendation.distanceKm).toBeLessThan(5);
      expect(items[3].recommendation.goalOverlap).toBeCloseTo(0.5);
      const tail = items.slice(4);
      expect(tail.every((m: { recommendation: { goalOverlap: number } }) => m.recommendation.goalOverlap === 0)).toBe(
        true,
      );
      expect(ids.indexOf(abandoned.id) === -1 || ids.indexOf(abandoned.id) >= 4).toBe(true);
      expect(res.body.nextCursor).toBeNull();
    });

    it('answers 400 for a limit above 50', async () => {
      expectProblem(await h.http().get('/v1/meetups/recommended').query({ limit: 51 }).set(learner.auth), 400);
    });
  });
});
