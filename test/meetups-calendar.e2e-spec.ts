import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { createMeetup, rsvp } from './support/meetups.js';

function vevents(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

describe('meetup iCalendar: single event and secret feed (docs/api.md#meetups)', () => {
  let h: Harness;
  let organizer: TestUser;

  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { PUBLIC_BASE_URL: 'https://guildhall.example' } });
    organizer = await registerUser(h, ['organizer'], { displayName: 'Olga; the "Organizer"' });
  });
  afterAll(() => h.close());

  it('GET /v1/meetups/:id/ics answers text/calendar with one VEVENT', async () => {
    const m = await createMeetup(h, organizer, { title: 'Indexes, locks; and you', description: 'Line one\nLine two' });
    const [viewer] = [await registerUser(h)];
    const res = await h.http().get(`/v1/meetups/${m.id}/ics`).set(viewer.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    const [event] = vevents(res.text);
    expect(vevents(res.text)).toHaveLength(1);
    const parsed = new ICAL.Event(event);
    expect(parsed.uid).toBe(`${m.id}@guildhall.example`);
    expect(parsed.summary).toBe('Indexes, locks; and you');
    expect(parsed.description).toBe('Line one\nLine two');
    expect(parsed.startDate.toJSDate().toISOString()).toBe(m.startsAt);
    expect(parsed.endDate.toJSDate().toISOString()).toBe(m.endsAt);
    expect(parsed.location).toBe('c-base, Rungestraße 20, Berlin, DE');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe('Olga; the "Organizer"');

    expectProblem(await h.http().get('/v1/meetups/6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b/ics').set(viewer.auth), 404);
    expect((await h.http().get(`/v1/meetups/${m.id}/ics`)).status).toBe(200);
    expectProblem(await h.http().get(`/v1/meetups/${m.id}/ics`).set('Authorization', 'Bearer not.a.token'), 401);
  });

  describe('calendar feed', () => {
    // No Authorization header: the feed is fetched by calendar apps with the URL alone.
    const fetchIcs = (path: string) => h.http().get(path);
    const pathOf = (url: string) => new URL(url).pathname;

    it('GET /v1/calendar/feed: one stable secret URL; without auth it lists the owner’s going meetups', async () => {
      const me = await registerUser(h);
      const first = await h.http().get('/v1/calendar/feed').set(me.auth);
      expect(first.status).toBe(200);
      expect(first.body.url).toMatch(/^https:\/\/guildhall\.example\/v1\/calendar\/[A-Za-z0-9_-]{59}\.ics$/);
      const again = await h.http().get('/v1/calendar/feed').set(me.auth);
      expect(again.body.url).toBe(first.body.url);
      // Only a hash is stored: the token itself is nowhere in the table.
      const token = pathOf(first.body.url)
        .split('/')
        .pop()!
        .replace(/\.ics$/, '');
      const [{ n }] = await h.db.query(
        `SELECT count(*)::int AS n FROM calendar_tokens WHERE profile_id = $1 AND token_hash = sha256($2::bytea)`,
        [me.id, Buffer.from(token)],
      );
      expect(n).toBe(1);

      const going = await createMeetup(h, organizer, { title: 'Going one' });
      const cancelled = await createMeetup(h, organizer, { title: 'Cancelled one' });
      const interested = await createMeetup(h, organizer, { title: 'Only interested' });
      const full = await createMeetup(h, organizer, { title: 'Full one', capacity: 1 });
      await rsvp(h, me, going.id, 'going');
      await rsvp(h, me, cancelled.id, 'going');
      await rsvp(h, me, interested.id, 'interested');
      await rsvp(h, organizer, full.id, 'going');
      expect((await rsvp(h, me, full.id, 'going')).body.status).toBe('waitlisted');
      await h.http().post(`/v1/meetups/${cancelled.id}/cancel`).set(organizer.auth).expect(200);

      const res = await fetchIcs(pathOf(first.body.url));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const events = vevents(res.text).map((v) => ({
        uid: v.getFirstPropertyValue('uid'),
        status: v.getFirstPropertyValue('status'),
      }));
      expect(events).toEqual(
        expect.arrayContaining([
          { uid: `${going.id}@guildhall.example`, status: 'CONFIRMED' },
          { uid: `${cancelled.id}@guildhall.example`, status: 'CANCELLED' },
        ]),
      );
      expect(events).toHaveLength(2);
    });

    it('rotating (POST) and revoking (DELETE) make the old URL 404', async () => {
      const me = await registerUser(h);
      const m = await createMeetup(h, organizer);
      await rsvp(h, me, m.id, 'going');
      const first = (await h.http().get('/v1/calendar/feed').set(me.auth)).body.url as string;
      expect((await fetchIcs(pathOf(first))).status).toBe(200);

      const rotated = await h.http().post('/v1/calendar/feed').set(me.auth);
      expect(rotated.status).toBe(201);
      expect(rotated.body.url).not.toBe(first);
      expectProblem(await fetchIcs(pathOf(first)), 404);
      expect((await fetchIcs(pathOf(rotated.body.url))).status).toBe(200);
      expect((await h.http().get('/v1/calendar/feed').set(me.auth)).body.url).toBe(rotated.body.url);

      await h.http().delete('/v1/calendar/feed').set(me.auth).expect(204);
      expectProblem(await fetchIcs(pathOf(rotated.body.url)), 404);
      const fresh = (await h.http().get('/v1/calendar/feed').set(me.auth)).body.url as string;
      expect([first, rotated.body.url]).not.toContain(fresh);
      expect((await fetchIcs(pathOf(fresh))).status).toBe(200);
    });

    it('unknown, malformed or suffix-less tokens are 404; managing the feed needs a token', async () => {
      expectProblem(await fetchIcs(`/v1/calendar/${'A'.repeat(59)}.ics`), 404);
      expectProblem(await fetchIcs('/v1/calendar/short.ics'), 404);
      const me = await registerUser(h);
      const url = (await h.http().get('/v1/calendar/feed').set(me.auth)).body.url as string;
      expectProblem(await fetchIcs(pathOf(url).replace(/\.ics$/, '')), 404);
      expectProblem(await fetchIcs(pathOf(url).replace(/\.ics$/, '.txt')), 404);
      expectProblem(await h.http().get('/v1/calendar/feed'), 401);
      expectProblem(await h.http().post('/v1/calendar/feed'), 401);
    });
  });
});
