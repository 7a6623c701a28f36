import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { MeetupRemindersService } from '../src/meetups/meetup-reminders.service.js';
import { reminderJobId } from '../src/meetups/meetup-rules.js';
import { QUEUES } from '../src/queues/queue-names.js';
import { bullConnection } from '../src/redis/redis-options.js';
import { eventually, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { createMeetup, outboxRows, plusHours, rsvp } from './support/meetups.js';

const OFFSETS = [4, 2];
describe('meetup reminders and change notifications through the worker (docs/api.md#meetups)', () => {
  let h: Harness;
  let timers: Queue;
  let organizer: TestUser;

  beforeAll(async () => {
    h = await startHarness({ worker: true, env: { MEETUP_REMINDER_OFFSETS_SECONDS: OFFSETS.join(',') } });
    timers = new Queue(QUEUES.timers, { prefix: h.config.queuePrefix, connection: bullConnection(h.config.redisUrl) });
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(async () => {
    await timers?.close();
    await h.close();
  });

  const jobState = async (id: string) => {
    const job = await timers.getJob(id);
    return job ? job.getState() : 'absent';
  };

  it('reminds everyone going, once per offset, before the start; the inbox gets them', async () => {
    // Accounts first (password hashing is the slow part on a busy machine); then 6 s before the first reminder
    // (at 4 s before the start) for the RSVPs it must include.
    const [a, b, waiter, curious] = await Promise.all([1, 2, 3, 4].map(() => registerUser(h)));
    const startsAt = new Date(Date.now() + 10_000).toISOString();
    const m = await createMeetup(h, organizer, { startsAt, endsAt: plusHours(startsAt, 1), capacity: 2 });
    for (const u of [a, b, waiter]) await rsvp(h, u, m.id, 'going');
    await rsvp(h, curious, m.id, 'interested');

    const rows = await eventually(async () => {
      const r = await outboxRows(h, 'meetup.reminder', m.id);
      return r.length === 2 && r;
    }, 15000);
    expect(Date.now()).toBeLessThan(Date.parse(startsAt));
    expect(rows.map((r) => r.payload.offsetSeconds)).toEqual([4, 2]);
    for (const r of rows) {
      expect([...(r.payload.recipientIds as string[])].sort()).toEqual([a.id, b.id].sort());
      expect(r.payload).toMatchObject({ meetupId: m.id, startsAt });
    }
    // The notifications module turns each event into one in-app notification per recipient.
    const inbox = await eventually(async () => {
      const res = await h.http().get('/v1/notifications').set(a.auth);
      const mine = (res.body.items ?? []).filter(
        (n: { type: string; data: { meetupId?: string } }) => n.type === 'meetup.reminder' && n.data.meetupId === m.id,
      );
      return mine.length === 2 && mine;
    });
    expect(inbox[0].data).not.toHaveProperty('recipientIds');
    const waiterInbox = await h.http().get('/v1/notifications').set(waiter.auth);
    expect((waiterInbox.body.items ?? []).some((n: { type: string }) => n.type === 'meetup.reminder')).toBe(false);
  });

  it('moving startsAt moves the reminder jobs; cancelling removes them', async () => {
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const m = await createMeetup(h, organizer, { startsAt, endsAt: plusHours(startsAt, 1) });
    const oldIds = OFFSETS.map((o) => reminderJobId(m.id, o, new Date(startsAt)));
    await eventually(async () => (await Promise.all(oldIds.map(jobState))).every((s) => s === 'delayed'));

    const moved = plusHours(startsAt, 24);
    await h
      .http()
      .patch(`/v1/meetups/${m.id}`)
      .set(organizer.auth)
      .send({ startsAt: moved, endsAt: plusHours(moved, 1) })
      .expect(200);
    const newIds = OFFSETS.map((o) => reminderJobId(m.id, o, new Date(moved)));
    await eventually(async () => {
      const [olds, news] = await Promise.all([Promise.all(oldIds.map(jobState)), Promise.all(newIds.map(jobState))]);
      return olds.every((s) => s === 'absent') && news.every((s) => s === 'delayed');
    });
    const job = await timers.getJob(newIds[0]);
    expect(job?.data).toEqual({
      meetupId: m.id,
      offsetSeconds: 4,
      startsAtEpoch: Math.floor(Date.parse(moved) / 1000),
    });

    await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth).expect(200);
    await eventually(async () => (await Promise.all(newIds.map(jobState))).every((s) => s === 'absent'));
  });

  it('a reminder re-checks the meetup when it runs, and writes its events once', async () => {
    const reminders = h.worker!.get(MeetupRemindersService);
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const m = await createMeetup(h, organizer, { startsAt, endsAt: plusHours(startsAt, 1) });
    const u = await registerUser(h);
    await rsvp(h, u, m.id, 'going');
    const epoch = Math.floor(Date.parse(startsAt) / 1000);

    // A job scheduled for an earlier start time is stale.
    expect(await reminders.remind({ meetupId: m.id, offsetSeconds: 3600, startsAtEpoch: epoch - 60 })).toBe(0);
    // The real one sends once, however often it runs.
    expect(await reminders.remind({ meetupId: m.id, offsetSeconds: 3600, startsAtEpoch: epoch })).toBe(1);
    expect(await reminders.remind({ meetupId: m.id, offsetSeconds: 3600, startsAtEpoch: epoch })).toBe(0);
    const rows = await outboxRows(h, 'meetup.reminder', m.id);
    expect(rows.map((r) => r.payload.recipientIds)).toEqual([[u.id]]);

    // Cancelled: nothing more goes out.
    await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth).expect(200);
    expect(await reminders.remind({ meetupId: m.id, offsetSeconds: 600, startsAtEpoch: epoch })).toBe(0);
  });

  it('a change of place reaches the inbox of everyone going or waitlisted, a cancellation too', async () => {
    const m = await createMeetup(h, organizer, { capacity: 1 });
    const [goer, waiter] = await Promise.all([registerUser(h), registerUser(h)]);
    await rsvp(h, goer, m.id, 'going');
    await rsvp(h, waiter, m.id, 'going');
    await h
      .http()
      .patch(`/v1/meetups/${m.id}`)
      .set(organizer.auth)
      .send({ online: true, onlineUrl: 'https://meet.example.org/moved' })
      .expect(200);
    await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth).expect(200);
    for (const user of [goer, waiter]) {
      const items = await eventually(async () => {
        const res = await h.http().get('/v1/notifications').set(user.auth);
        const mine = (res.body.items ?? []).filter((n: { data: { meetupId?: string } }) => n.data.meetupId === m.id);
        return mine.length === 2 && mine;
      });
      expect(items.map((n: { type: string }) => n.type).sort()).toEqual(['meetup.cancelled', 'meetup.updated']);
      const updated = items.find((n: { type: string }) => n.type === 'meetup.updated');
      expect(updated.data).toMatchObject({ meetupId: m.id, changes: ['online', 'onlineUrl'] });
    }
  });
});
