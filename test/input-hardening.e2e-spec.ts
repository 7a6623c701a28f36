import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMeetup, meetupBody } from './support/meetups.js';
import { expectProblem, PASSWORD, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';

const nested = (levels: number): string => `{"password":${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe('hostile input', () => {
  let h: Harness;
  let organizer: TestUser;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(() => h.close());

  describe('JSON nesting and size', () => {
    it('answers a 30,000-level body with 400 problem+json at once, before any validation', async () => {
      const body = nested(30000);
      const started = Date.now();
      const res = await h.http().post('/v1/auth/login').set('content-type', 'application/json').send(body);
      expectProblem(res, 400, 'JSON_TOO_COMPLEX');
      // Milliseconds on a quiet machine; the bound leaves room for a busy CI box and still catches the old ~8×.
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('refuses a body with too many members and accepts ordinary nesting', async () => {
      const wide = `{"skills":[${Array.from({ length: 6000 }, () => '0').join(',')}]}`;
      expectProblem(
        await h
          .http()
          .put('/v1/profiles/me/skills')
          .set(organizer.auth)
          .set('content-type', 'application/json')
          .send(wide),
        400,
        'JSON_TOO_COMPLEX',
      );
      const ok = await h
        .http()
        .put('/v1/profiles/me/skills')
        .set(organizer.auth)
        .send({ skills: [{ skill: 'postgresql', level: 3 }] });
      expect(ok.status).toBe(200);
    });

    it('keeps /health/live responsive while 40 deep bodies arrive in parallel', async () => {
      const body = nested(30000);
      const flood = Promise.all(
        Array.from({ length: 40 }, () =>
          h.http().post('/v1/auth/register').set('content-type', 'application/json').send(body),
        ),
      );
      const started = Date.now();
      const live = await h.http().get('/health/live');
      const liveMs = Date.now() - started;
      const answers = await flood;
      expect(live.status).toBe(200);
      // Before the fix it stalled for 5 s; the bound leaves room for a busy 2-core CI box.
      expect(liveMs).toBeLessThan(3000);
      expect(answers.map((r) => r.status)).toEqual(Array(40).fill(400));
    });

    it('still refuses __proto__ keys and malformed JSON', async () => {
      expectProblem(
        await h.http().post('/v1/auth/login').set('content-type', 'application/json').send('{"__proto__":{"x":1}}'),
        400,
      );
      expectProblem(
        await h.http().post('/v1/auth/login').set('content-type', 'application/json').send('{"email":'),
        400,
        'MALFORMED_JSON',
      );
    });
  });

  describe('control characters', () => {
    it('refuses a NUL byte in a query parameter with the field named', async () => {
      const res = await h.http().get('/v1/skills?q=a%00b');
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field: 'q', message: expect.stringMatching(/control characters/) }]);
    });

    it('refuses a NUL byte in the login e-mail', async () => {
      const res = await h.http().post('/v1/auth/login').send({ email: 'a\u0000@example.test', password: PASSWORD });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0].field).toBe('email');
    });

    it('refuses control characters in profile fields, nested ones included, and keeps tab and newline', async () => {
      const bad = await h
        .http()
        .patch('/v1/profiles/me')
        .set(organizer.auth)
        .send({ bio: 'bell\u0007', location: { city: 'Ber\u0000lin', country: 'DE', lat: 52.5, lng: 13.4 } });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['bio', 'location.city']);
      const esc = await h.http().patch('/v1/profiles/me').set(organizer.auth).send({ headline: 'x\u001b[31m' });
      expectProblem(esc, 400, 'VALIDATION_FAILED');
      const ok = await h.http().patch('/v1/profiles/me').set(organizer.auth).send({ bio: 'line one\n\tline two\r\n' });
      expect(ok.status).toBe(200);
      expect(ok.body.bio).toBe('line one\n\tline two\r\n');
    });

    it('refuses control characters in array elements and path parameters', async () => {
      const res = await h
        .http()
        .post('/v1/meetups')
        .set(organizer.auth)
        .send(meetupBody({ skills: ['postgresql', 'sql\u0000'] }));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual({ field: 'skills[1]', message: expect.stringMatching(/control/) });
      expectProblem(await h.http().get('/v1/calendar/abc%01def.ics'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('dates', () => {
    const start = '2027-03-15T18:00:00Z';

    it('refuses impossible days instead of rolling them over', async () => {
      const res = await h
        .http()
        .post('/v1/meetups')
        .set(organizer.auth)
        .send({ ...meetupBody(), startsAt: '2027-02-30T10:00:00Z', endsAt: '2027-03-01T12:00:00Z' });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual({ field: 'startsAt', message: expect.stringMatching(/RFC 3339/) });
    });

    it('refuses years past 9999 (and expanded years) in bodies and queries', async () => {
      for (const [startsAt, endsAt] of [
        ['10000-01-01T10:00:00Z', '10000-01-01T12:00:00Z'],
        ['+010000-01-01T10:00:00Z', '+010000-01-01T12:00:00Z'],
        [start, '9999-12-31T23:00:00-05:00'],
      ]) {
        expectProblem(
          await h
            .http()
            .post('/v1/meetups')
            .set(organizer.auth)
            .send({ ...meetupBody(), startsAt, endsAt }),
          400,
          'VALIDATION_FAILED',
        );
      }
      expectProblem(
        await h.http().get('/v1/meetups?to=10000-01-01T00:00:00Z').set(organizer.auth),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await h.http().get('/v1/meetups?from=2027-02-29T00:00:00Z').set(organizer.auth),
        400,
        'VALIDATION_FAILED',
      );
      const meetup = await createMeetup(h, organizer);
      expectProblem(
        await h.http().patch(`/v1/meetups/${meetup.id}`).set(organizer.auth).send({ endsAt: '2027-13-01T00:00:00Z' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('refuses impossible calendar dates and keeps real ones', async () => {
      const learner = await registerUser(h, ['learner']);
      expectProblem(
        await h
          .http()
          .post('/v1/profiles/me/goals')
          .set(learner.auth)
          .send({ skill: 'postgresql', targetLevel: 3, targetDate: '2027-02-30' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await h
          .http()
          .post('/v1/profiles/me/goals')
          .set(learner.auth)
          .send({ skill: 'postgresql', targetLevel: 3, targetDate: '10000-01-01' }),
        400,
        'VALIDATION_FAILED',
      );
      const ok = await h
        .http()
        .post('/v1/profiles/me/goals')
        .set(learner.auth)
        .send({ skill: 'postgresql', targetLevel: 3, targetDate: '2028-02-29' });
      expect(ok.status).toBe(201);
    });

    it('keeps the latest accepted year a valid iCalendar date (never +010000)', async () => {
      const meetup = await createMeetup(h, organizer, {
        startsAt: '9999-12-31T10:00:00Z',
        endsAt: '9999-12-31T12:00:00Z',
      });
      const ics = await h.http().get(`/v1/meetups/${meetup.id}/ics`).set(organizer.auth);
      expect(ics.status).toBe(200);
      expect(ics.text).toContain('DTSTART:99991231T100000Z');
      expect(ics.text).not.toMatch(/\+0100|10000\d{4}T/);
    });
  });
});
