import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { createMeetup, rsvp, uniqueWord } from './support/meetups.js';

const LINK = 'https://meet.example.org/room-42';
const BAD_TOKEN = { Authorization: 'Bearer not.a.token' };

function icsUrl(ics: string): string | null {
  const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  return (event.getFirstPropertyValue('url') as string | null) ?? null;
}

describe('meetups without a token, the onlineUrl rule and myRsvp (docs/api.md#meetups)', () => {
  let h: Harness;
  let organizer: TestUser;

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(() => h.close());

  /** The meetup as the list shows it to `who` (undefined: anonymous), found by its unique title word. */
  async function listed(word: string, who?: TestUser): Promise<Record<string, unknown>> {
    const req = h.http().get('/v1/meetups').query({ q: word });
    const res = who ? await req.set(who.auth) : await req;
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0];
  }

  async function single(id: string, who?: TestUser): Promise<Record<string, unknown>> {
    const req = h.http().get(`/v1/meetups/${id}`);
    const res = who ? await req.set(who.auth) : await req;
    expect(res.status).toBe(200);
    return res.body;
  }

  async function icsLink(id: string, who?: TestUser): Promise<string | null> {
    const req = h.http().get(`/v1/meetups/${id}/ics`);
    const res = who ? await req.set(who.auth) : await req;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    return icsUrl(res.text);
  }

  it('lists, shows and exports a meetup to an anonymous caller, without the link and with myRsvp null', async () => {
    const word = uniqueWord();
    const m = await createMeetup(h, organizer, {
      title: `Anonymous ${word}`,
      online: true,
      onlineUrl: LINK,
      venue: undefined,
    });
    expect(m.onlineUrl).toBe(LINK);
    const item = await listed(word);
    expect(item).toMatchObject({ id: m.id, onlineUrl: null, myRsvp: null, goingCount: 0 });
    expect(await single(m.id)).toMatchObject({ id: m.id, title: `Anonymous ${word}`, onlineUrl: null, myRsvp: null });
    expect(await icsLink(m.id)).toBeNull();
    const res = await h.http().get(`/v1/meetups/${m.id}/ics`);
    expect(res.text).not.toContain('room-42');
  });

  it('still checks a token that is sent: a bad one is 401 on list, get and ics', async () => {
    const m = await createMeetup(h, organizer);
    expectProblem(await h.http().get('/v1/meetups').set(BAD_TOKEN), 401, 'INVALID_TOKEN');
    expectProblem(await h.http().get(`/v1/meetups/${m.id}`).set(BAD_TOKEN), 401, 'INVALID_TOKEN');
    expectProblem(await h.http().get(`/v1/meetups/${m.id}/ics`).set(BAD_TOKEN), 401, 'INVALID_TOKEN');
    // The rest of the API still needs one.
    expectProblem(await h.http().get('/v1/meetups/recommended'), 401);
    expectProblem(await h.http().post(`/v1/meetups/${m.id}/rsvp`).send({ status: 'going' }), 401);
  });

  it('shows onlineUrl (list, single, .ics) only to the organizer and members going', async () => {
    const word = uniqueWord();
    const m = await createMeetup(h, organizer, {
      title: `Link ${word}`,
      online: true,
      onlineUrl: LINK,
      venue: undefined,
      capacity: 1,
    });
    const [going, waitlisted, interested, stranger] = await Promise.all([
      registerUser(h),
      registerUser(h),
      registerUser(h),
      registerUser(h),
    ]);
    expect((await rsvp(h, going, m.id, 'going')).body.status).toBe('going');
    expect((await rsvp(h, waitlisted, m.id, 'going')).body.status).toBe('waitlisted');
    expect((await rsvp(h, interested, m.id, 'interested')).status).toBe(200);

    for (const who of [organizer, going]) {
      expect((await listed(word, who)).onlineUrl).toBe(LINK);
      expect((await single(m.id, who)).onlineUrl).toBe(LINK);
      expect(await icsLink(m.id, who)).toBe(LINK);
    }
    for (const who of [waitlisted, interested, stranger, undefined]) {
      expect((await listed(word, who)).onlineUrl).toBeNull();
      expect((await single(m.id, who)).onlineUrl).toBeNull();
      expect(await icsLink(m.id, who)).toBeNull();
    }

    // A seat frees: the waitlisted member is promoted and now sees the link; the one who left does not.
    expect((await rsvp(h, going, m.id, 'not_going')).status).toBe(200);
    expect((await single(m.id, waitlisted)).onlineUrl).toBe(LINK);
    expect((await single(m.id, going)).onlineUrl).toBeNull();
  });

  it('carries myRsvp in every state on list items and the single meetup', async () => {
    const word = uniqueWord();
    const m = await createMeetup(h, organizer, { title: `Rsvp ${word}`, capacity: 1 });
    const [a, b, c, d] = await Promise.all([registerUser(h), registerUser(h), registerUser(h), registerUser(h)]);
    await rsvp(h, a, m.id, 'going');
    await rsvp(h, b, m.id, 'going');
    await rsvp(h, c, m.id, 'going');
    await rsvp(h, d, m.id, 'interested');

    const expected: [TestUser, unknown][] = [
      [a, { status: 'going', waitlistPosition: null }],
      [b, { status: 'waitlisted', waitlistPosition: 1 }],
      [c, { status: 'waitlisted', waitlistPosition: 2 }],
      [d, { status: 'interested', waitlistPosition: null }],
      [organizer, null],
    ];
    for (const [who, mine] of expected) {
      expect((await listed(word, who)).myRsvp).toEqual(mine);
      expect((await single(m.id, who)).myRsvp).toEqual(mine);
    }

    // b leaves the waitlist: c moves up, b's answer is kept as not_going.
    await rsvp(h, b, m.id, 'not_going');
    expect((await listed(word, b)).myRsvp).toEqual({ status: 'not_going', waitlistPosition: null });
    expect((await single(m.id, b)).myRsvp).toEqual({ status: 'not_going', waitlistPosition: null });
    expect((await listed(word, c)).myRsvp).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('answers a full page of meetups, each with its own myRsvp, in one page query', async () => {
    const word = uniqueWord();
    const me = await registerUser(h);
    const created = [];
    for (let i = 0; i < 4; i++) created.push(await createMeetup(h, organizer, { title: `Page ${word} ${i}` }));
    await rsvp(h, me, created[1].id, 'going');
    await rsvp(h, me, created[3].id, 'not_going');
    const res = await h.http().get('/v1/meetups').query({ q: word, limit: 3 }).set(me.auth);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((i: { id: string; myRsvp: unknown }) => [i.id, i.myRsvp]));
    const next = await h.http().get('/v1/meetups').query({ q: word, limit: 3, cursor: res.body.nextCursor });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].myRsvp).toBeNull(); // anonymous second page
    const mine = await h
      .http()
      .get('/v1/meetups')
      .query({ q: word, limit: 3, cursor: res.body.nextCursor })
      .set(me.auth);
    for (const i of mine.body.items) byId.set(i.id, i.myRsvp);
    expect(created.map((m) => byId.get(m.id))).toEqual([
      null,
      { status: 'going', waitlistPosition: null },
      null,
      { status: 'not_going', waitlistPosition: null },
    ]);
  });
});

describe('anonymous meetup reads are rate-limited per address', () => {
  let h: Harness;

  beforeAll(async () => {
    // A prefix of its own: the other harness's anonymous hits from this address must not count here.
    h = await startHarness({
      worker: false,
      env: { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '5', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_anon` },
    });
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After past ANONYMOUS_RATE_LIMIT_PER_MINUTE, while signed-in callers go on', async () => {
    // The limit counts per one-minute window: start early in one so the test does not straddle two.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const user = await registerUser(h, ['organizer']); // registration counts as one anonymous hit
    const m = await createMeetup(h, user);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<ReturnType<Harness['http']>['get']>> | undefined;
    for (let i = 0; i < 6; i++) {
      const res = await h.http().get(i % 2 ? `/v1/meetups/${m.id}` : '/v1/meetups');
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expectProblem(limited!, 429, 'RATE_LIMITED');
    const retryAfter = Number(limited!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expectProblem(await h.http().get(`/v1/meetups/${m.id}/ics`), 429, 'RATE_LIMITED');
    // Per user when signed in: the address's anonymous budget does not apply.
    expect((await h.http().get(`/v1/meetups/${m.id}`).set(user.auth)).status).toBe(200);
  }, 30000);
});
