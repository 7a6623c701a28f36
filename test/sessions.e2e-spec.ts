import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import ICAL from 'ical.js';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { mentorshipPair } from './support/conversations.js';
import { makeMentor, outboxEvents } from './support/matching-fixtures.js';

const weekdays = (start: string, end: string) =>
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start, end }));

describe('mentorship sessions', () => {
  let h: Harness;
  let timers: Queue;
  beforeAll(async () => {
    h = await startHarness({
      env: {
        MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '3',
        PUBLIC_BASE_URL: 'https://guildhall.example',
        SESSION_REMINDER_OFFSETS_SECONDS: '3600',
      },
    });
    timers = h.api.get<Queue>(getQueueToken('timers'), { strict: false });
  });
  afterAll(() => h.close());

  const base = (p: { mentorshipId: string }) => `/v1/mentorships/${p.mentorshipId}`;
  const propose = (u: TestUser, mentorshipId: string, body: Record<string, unknown>) =>
    h.http().post(`/v1/mentorships/${mentorshipId}/sessions`).set(u.auth).send(body);
  const act = (u: TestUser, mentorshipId: string, sid: string, action: 'confirm' | 'cancel') =>
    h.http().post(`/v1/mentorships/${mentorshipId}/sessions/${sid}/${action}`).set(u.auth);
  const patch = (u: TestUser, mentorshipId: string, sid: string, body: Record<string, unknown>) =>
    h.http().patch(`/v1/mentorships/${mentorshipId}/sessions/${sid}`).set(u.auth).send(body);
  const ics = async (u: TestUser, mentorshipId: string, sid: string) => {
    const res = await h.http().get(`/v1/mentorships/${mentorshipId}/sessions/${sid}/ics`).set(u.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(res.text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    return events[0];
  };

  it('propose → confirm by the other party → move (proposed again, by the mover) → cancel, each notified', async () => {
    const p = await mentorshipPair(h);
    const created = await propose(p.learner, p.mentorshipId, {
      startsAt: '2027-05-03T09:00:00+02:00',
      durationMinutes: 45,
      agenda: 'Indexes',
      meetingUrl: 'https://meet.example/abc',
    });
    expect(created.status).toBe(201);
    const sid = created.body.id;
    expect(created.body).toMatchObject({
      mentorshipId: p.mentorshipId,
      startsAt: '2027-05-03T07:00:00.000Z',
      endsAt: '2027-05-03T07:45:00.000Z',
      agenda: 'Indexes',
      meetingUrl: 'https://meet.example/abc',
      notes: null,
      status: 'proposed',
      proposedBy: p.learner.id,
    });
    expectProblem(await act(p.learner, p.mentorshipId, sid, 'confirm'), 403, 'NOT_THE_OTHER_PARTY');
    const confirmed = await act(p.mentor, p.mentorshipId, sid, 'confirm');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expectProblem(await act(p.mentor, p.mentorshipId, sid, 'confirm'), 409, 'SESSION_NOT_PROPOSED');

    const unchanged = await patch(p.learner, p.mentorshipId, sid, { startsAt: '2027-05-03T07:00:00Z' });
    expect(unchanged.body).toMatchObject({ status: 'confirmed', sequence: 1 });
    const notes = await patch(p.learner, p.mentorshipId, sid, { notes: 'Bring the query plan' });
    expect(notes.body).toMatchObject({ status: 'confirmed', notes: 'Bring the query plan', proposedBy: p.learner.id });
    const moved = await patch(p.mentor, p.mentorshipId, sid, { startsAt: '2027-05-04T07:00:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'proposed',
      proposedBy: p.mentor.id,
      startsAt: '2027-05-04T07:00:00.000Z',
      endsAt: '2027-05-04T07:45:00.000Z',
    });
    expectProblem(await act(p.mentor, p.mentorshipId, sid, 'confirm'), 403, 'NOT_THE_OTHER_PARTY');
    expect((await act(p.learner, p.mentorshipId, sid, 'confirm')).body.status).toBe('confirmed');
    const cancelled = await act(p.learner, p.mentorshipId, sid, 'cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expectProblem(await act(p.mentor, p.mentorshipId, sid, 'cancel'), 409, 'SESSION_CANCELLED');
    expectProblem(await patch(p.mentor, p.mentorshipId, sid, { agenda: 'x' }), 409, 'SESSION_CANCELLED');

    const events = (await outboxEvents(h, 'sessionId', sid)).map((e) => [e.type, e.payload.recipientIds]);
    expect(events).toEqual([
      ['session.proposed', [p.mentor.id]],
      ['session.confirmed', [p.learner.id]],
      ['session.updated', [p.mentor.id]],
      ['session.updated', [p.learner.id]],
      ['session.confirmed', [p.mentor.id]],
      ['session.cancelled', [p.mentor.id]],
    ]);
    // The notifications land in the other party's inbox, each naming the session.
    const inbox = await eventually(async () => {
      const res = await h.http().get('/v1/notifications').set(p.mentor.auth);
      const session = res.body.items.filter((n: { type: string }) => n.type.startsWith('session.'));
      return session.length === 4 ? session : null;
    });
    expect(inbox.map((n: { type: string }) => n.type)).toEqual([
      'session.cancelled',
      'session.confirmed',
      'session.updated',
      'session.proposed',
    ]);
    for (const n of inbox) expect(n.data).toMatchObject({ sessionId: sid, mentorshipId: p.mentorshipId });
  });

  it('lists sessions soonest first, to the parties only', async () => {
    const p = await mentorshipPair(h);
    for (const startsAt of ['2027-06-03T10:00:00Z', '2027-06-01T10:00:00Z', '2027-06-02T10:00:00Z'])
      expect((await propose(p.mentor, p.mentorshipId, { startsAt, durationMinutes: 30 })).status).toBe(201);
    const res = await h
      .http()
      .get(`${base(p)}/sessions`)
      .set(p.learner.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2027-06-01T10:00:00.000Z',
      '2027-06-02T10:00:00.000Z',
      '2027-06-03T10:00:00.000Z',
    ]);
    const stranger = await registerUser(h);
    expectProblem(
      await h
        .http()
        .get(`${base(p)}/sessions`)
        .set(stranger.auth),
      404,
    );
    expectProblem(
      await propose(stranger, p.mentorshipId, { startsAt: '2027-06-05T10:00:00Z', durationMinutes: 30 }),
      404,
    );
    const sid = res.body.items[0].id;
    expectProblem(await act(stranger, p.mentorshipId, sid, 'confirm'), 404);
    expectProblem(await act(stranger, p.mentorshipId, sid, 'cancel'), 404);
    expectProblem(await patch(stranger, p.mentorshipId, sid, { agenda: 'x' }), 404);
    expectProblem(
      await h
        .http()
        .get(`${base(p)}/sessions/${sid}/ics`)
        .set(stranger.auth),
      404,
    );
  });

  it('validates the body: duration 15..180, http(s) meeting URLs only, a future start, no unknown fields', async () => {
    const p = await mentorshipPair(h);
    const ok = { startsAt: '2027-07-01T10:00:00Z', durationMinutes: 30 };
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, durationMinutes: 10 }), 400);
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, durationMinutes: 181 }), 400);
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, meetingUrl: 'ftp://files.example/x' }), 400);
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, meetingUrl: 'javascript:alert(1)' }), 400);
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, startsAt: '2027-07-01T10:00:00' }), 400);
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, startsAt: '2020-01-01T10:00:00Z' }), 400);
    expectProblem(await propose(p.learner, p.mentorshipId, { ...ok, status: 'confirmed' }), 400);
    const created = await propose(p.learner, p.mentorshipId, { ...ok, meetingUrl: 'http://meet.example/x' });
    expect(created.status).toBe(201);
    expectProblem(await patch(p.learner, p.mentorshipId, created.body.id, { meetingUrl: 'mailto:a@b.c' }), 400);
    const cleared = await patch(p.learner, p.mentorshipId, created.body.id, { meetingUrl: null });
    expect(cleared.body.meetingUrl).toBeNull();
  });

  it('refuses overlaps for either person (409 SESSION_CLASH); touching and cancelled ones are fine', async () => {
    const mentor = await makeMentor(h, { capacity: 3 });
    const a = await mentorshipPair(h, {});
    const first = await propose(a.learner, a.mentorshipId, { startsAt: '2027-08-02T10:00:00Z', durationMinutes: 60 });
    expect(first.status).toBe(201);
    expectProblem(
      await propose(a.mentor, a.mentorshipId, { startsAt: '2027-08-02T10:30:00Z', durationMinutes: 60 }),
      409,
      'SESSION_CLASH',
    );
    // The same learner with another mentor: still a clash for the learner.
    const req = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(a.learner.auth)
      .send({ mentorId: mentor.id, message: 'hi' });
    const acc = await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth);
    const other = acc.body.mentorship.id;
    expectProblem(
      await propose(mentor, other, { startsAt: '2027-08-02T09:30:00Z', durationMinutes: 45 }),
      409,
      'SESSION_CLASH',
    );
    expect((await propose(mentor, other, { startsAt: '2027-08-02T11:00:00Z', durationMinutes: 30 })).status).toBe(201);
    expect((await propose(mentor, other, { startsAt: '2027-08-02T09:00:00Z', durationMinutes: 60 })).status).toBe(201);
    // Moving into a clash is refused and leaves the session as it was.
    expectProblem(await patch(a.learner, a.mentorshipId, first.body.id, { durationMinutes: 90 }), 409, 'SESSION_CLASH');
    await act(a.learner, a.mentorshipId, first.body.id, 'cancel');
    expect((await propose(mentor, other, { startsAt: '2027-08-02T10:00:00Z', durationMinutes: 60 })).status).toBe(201);
  });

  it('never double-books however many proposals race', async () => {
    const mentor = await makeMentor(h, { capacity: 6 });
    const pairs: { learner: TestUser; mentorshipId: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const learner = await registerUser(h);
      const req = await h
        .http()
        .post('/v1/mentorship-requests')
        .set(learner.auth)
        .send({ mentorId: mentor.id, message: 'hi' });
      const acc = await h.http().post(`/v1/mentorship-requests/${req.body.id}/accept`).set(mentor.auth);
      pairs.push({ learner, mentorshipId: acc.body.mentorship.id });
    }
    const results = await Promise.all(
      pairs.map((p, i) =>
        propose(p.learner, p.mentorshipId, {
          startsAt: `2027-09-06T10:${String(i * 5).padStart(2, '0')}:00Z`,
          durationMinutes: 60,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('SESSION_CLASH');
    const [{ live }] = await h.db.query(
      `SELECT count(*)::int AS live FROM session_participants WHERE profile_id = $1 AND active`,
      [mentor.id],
    );
    expect(live).toBe(1);
  });

  it('freezes the sessions of a completed mentorship (409)', async () => {
    const p = await mentorshipPair(h);
    const s = await propose(p.learner, p.mentorshipId, { startsAt: '2027-10-04T10:00:00Z', durationMinutes: 30 });
    expect(
      (
        await h
          .http()
          .post(`${base(p)}/complete`)
          .set(p.mentor.auth)
      ).status,
    ).toBe(200);
    expectProblem(
      await propose(p.learner, p.mentorshipId, { startsAt: '2027-10-05T10:00:00Z', durationMinutes: 30 }),
      409,
      'MENTORSHIP_NOT_ACTIVE',
    );
    expectProblem(await act(p.mentor, p.mentorshipId, s.body.id, 'confirm'), 409, 'MENTORSHIP_NOT_ACTIVE');
    expectProblem(await act(p.mentor, p.mentorshipId, s.body.id, 'cancel'), 409, 'MENTORSHIP_NOT_ACTIVE');
    expectProblem(await patch(p.mentor, p.mentorshipId, s.body.id, { agenda: 'late' }), 409, 'MENTORSHIP_NOT_ACTIVE');
    expectProblem(
      await h
        .http()
        .get(`${base(p)}/slots`)
        .set(p.mentor.auth),
      409,
      'MENTORSHIP_NOT_ACTIVE',
    );
    expect(
      (
        await h
          .http()
          .get(`${base(p)}/sessions`)
          .set(p.mentor.auth)
      ).body.items,
    ).toHaveLength(1);
  });

  it('serves one VEVENT: stable UID, growing SEQUENCE, TENTATIVE until confirmed, CANCELLED at the end', async () => {
    const p = await mentorshipPair(h);
    const s = await propose(p.learner, p.mentorshipId, {
      startsAt: '2027-11-01T18:00:00Z',
      durationMinutes: 90,
      agenda: 'Code review; locks, and "isolation"',
      meetingUrl: 'https://meet.example/room',
    });
    const sid = s.body.id;
    let event = await ics(p.mentor, p.mentorshipId, sid);
    const parsed = new ICAL.Event(event);
    expect(parsed.uid).toBe(`session-${sid}@guildhall.example`);
    expect(parsed.summary).toBe('Mentorship session with Lena Learner');
    expect(parsed.description).toBe('Code review; locks, and "isolation"');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-11-01T18:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-11-01T19:30:00.000Z');
    expect(event.getFirstPropertyValue('url')).toBe('https://meet.example/room');
    expect(event.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(new ICAL.Event(await ics(p.learner, p.mentorshipId, sid)).summary).toBe(
      'Mentorship session with Max Mentor',
    );

    await act(p.mentor, p.mentorshipId, sid, 'confirm');
    event = await ics(p.mentor, p.mentorshipId, sid);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    await patch(p.mentor, p.mentorshipId, sid, { startsAt: '2027-11-02T18:00:00Z' });
    event = await ics(p.mentor, p.mentorshipId, sid);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(new ICAL.Event(event).startDate.toJSDate().toISOString()).toBe('2027-11-02T18:00:00.000Z');
    await act(p.learner, p.mentorshipId, sid, 'cancel');
    event = await ics(p.mentor, p.mentorshipId, sid);
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(new ICAL.Event(event).uid).toBe(`session-${sid}@guildhall.example`);
  });

  it('puts confirmed sessions (only) into both parties’ calendar feeds', async () => {
    const p = await mentorshipPair(h);
    const confirmed = await propose(p.learner, p.mentorshipId, {
      startsAt: '2027-12-06T10:00:00Z',
      durationMinutes: 30,
    });
    await act(p.mentor, p.mentorshipId, confirmed.body.id, 'confirm');
    await propose(p.learner, p.mentorshipId, { startsAt: '2027-12-07T10:00:00Z', durationMinutes: 30 });
    for (const u of [p.learner, p.mentor]) {
      const feed = await h.http().get('/v1/calendar/feed').set(u.auth);
      const res = await h.http().get(new URL(feed.body.url).pathname);
      expect(res.status).toBe(200);
      const uids = new ICAL.Component(ICAL.parse(res.text))
        .getAllSubcomponents('vevent')
        .map((e) => new ICAL.Event(e).uid);
      expect(uids).toEqual([`session-${confirmed.body.id}@guildhall.example`]);
    }
  });

  it('schedules reminders of confirmed sessions as deterministic jobs, moved and removed with them', async () => {
    const p = await mentorshipPair(h);
    const s = await propose(p.learner, p.mentorshipId, { startsAt: '2028-01-10T10:00:00Z', durationMinutes: 30 });
    const sid = s.body.id;
    const jobId = (iso: string) => `session-reminder-${sid}-3600-${Date.parse(iso) / 1000}`;
    await act(p.mentor, p.mentorshipId, sid, 'confirm');
    const job = await eventually(() => timers.getJob(jobId('2028-01-10T10:00:00Z')));
    expect(await job.isDelayed()).toBe(true);
    expect(job.data).toEqual({
      sessionId: sid,
      offsetSeconds: 3600,
      startsAtEpoch: Date.parse('2028-01-10T10:00:00Z') / 1000,
    });

    // A move makes the session proposed again: no reminder until it is confirmed at the new time.
    await patch(p.mentor, p.mentorshipId, sid, { startsAt: '2028-01-11T10:00:00Z' });
    await eventually(async () => !(await timers.getJob(jobId('2028-01-10T10:00:00Z'))));
    expect(await timers.getJob(jobId('2028-01-11T10:00:00Z'))).toBeUndefined();
    await act(p.learner, p.mentorshipId, sid, 'confirm');
    await eventually(() => timers.getJob(jobId('2028-01-11T10:00:00Z')));
    await act(p.learner, p.mentorshipId, sid, 'cancel');
    await eventually(async () => !(await timers.getJob(jobId('2028-01-11T10:00:00Z'))));
  });

  it('reminds both parties of a confirmed session (at once when it is already inside the offset), once', async () => {
    const p = await mentorshipPair(h);
    const startsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const s = await propose(p.learner, p.mentorshipId, { startsAt, durationMinutes: 15 });
    await act(p.mentor, p.mentorshipId, s.body.id, 'confirm');
    for (const u of [p.learner, p.mentor]) {
      const reminder = await eventually(async () => {
        const res = await h.http().get('/v1/notifications').set(u.auth);
        return res.body.items.find((n: { type: string }) => n.type === 'session.reminder');
      });
      expect(reminder.data).toMatchObject({ sessionId: s.body.id, mentorshipId: p.mentorshipId, offsetSeconds: 3600 });
    }
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM session_reminders_sent WHERE session_id = $1`, [
      s.body.id,
    ]);
    expect(n).toBe(1);
  });

  describe('GET /v1/mentorships/:id/slots', () => {
    // Mentor in Berlin 09:00-12:00, learner in New York 04:00-07:00, weekdays. The US moves its clocks on
    // 2027-03-14, Europe on 2027-03-28, so the overlap in UTC moves twice.
    let p: Awaited<ReturnType<typeof mentorshipPair>>;
    beforeAll(async () => {
      p = await mentorshipPair(
        h,
        { timezone: 'Europe/Berlin', availability: weekdays('09:00', '12:00') },
        { timezone: 'America/New_York', availability: weekdays('04:00', '07:00') },
      );
    });
    const slots = async (u: TestUser, query: string) => {
      const res = await h
        .http()
        .get(`${base(p)}/slots?${query}`)
        .set(u.auth);
      expect(res.status).toBe(200);
      return (res.body.items as { startsAt: string; endsAt: string }[]).map((s) => s.startsAt.slice(0, 16));
    };

    it('reads each availability in its own zone, day by day across DST changes', async () => {
      expect(await slots(p.learner, 'from=2027-03-12T00:00:00Z&days=1&minutes=60')).toEqual([
        '2027-03-12T09:00',
        '2027-03-12T09:30',
        '2027-03-12T10:00',
      ]);
      expect(await slots(p.mentor, 'from=2027-03-15T00:00:00Z&days=1&minutes=120')).toEqual([
        '2027-03-15T08:00',
        '2027-03-15T08:30',
        '2027-03-15T09:00',
      ]);
      expect(await slots(p.mentor, 'from=2027-03-29T00:00:00Z&days=1&minutes=120')).toEqual(['2027-03-29T08:00']);
      const res = await h
        .http()
        .get(`${base(p)}/slots?from=2027-03-12T00:00:00Z&days=1`)
        .set(p.mentor.auth);
      expect(res.body.items[0]).toEqual({ startsAt: '2027-03-12T09:00:00.000Z', endsAt: '2027-03-12T10:00:00.000Z' });
    });

    it('leaves out times that clash with either person’s sessions', async () => {
      const s = await propose(p.learner, p.mentorshipId, { startsAt: '2027-03-16T08:30:00Z', durationMinutes: 60 });
      expect(s.status).toBe(201);
      expect(await slots(p.learner, 'from=2027-03-16T00:00:00Z&days=1&minutes=60')).toEqual([
        '2027-03-16T09:30',
        '2027-03-16T10:00',
      ]);
    });

    it('validates days (1..28), minutes (15..180) and from; parties only', async () => {
      expect((await slots(p.learner, 'days=28')).length).toBeGreaterThan(0);
      expectProblem(
        await h
          .http()
          .get(`${base(p)}/slots?days=29`)
          .set(p.learner.auth),
        400,
      );
      expectProblem(
        await h
          .http()
          .get(`${base(p)}/slots?days=0`)
          .set(p.learner.auth),
        400,
      );
      expectProblem(
        await h
          .http()
          .get(`${base(p)}/slots?minutes=10`)
          .set(p.learner.auth),
        400,
      );
      expectProblem(
        await h
          .http()
          .get(`${base(p)}/slots?minutes=181`)
          .set(p.learner.auth),
        400,
      );
      expectProblem(
        await h
          .http()
          .get(`${base(p)}/slots?from=tomorrow`)
          .set(p.learner.auth),
        400,
      );
      const stranger = await registerUser(h);
      expectProblem(
        await h
          .http()
          .get(`${base(p)}/slots`)
          .set(stranger.auth),
        404,
      );
    });
  });
});
