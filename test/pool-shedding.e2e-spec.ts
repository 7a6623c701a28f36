import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { counts, createMeetup, rsvp } from './support/meetups.js';

describe('a request that cannot get a database connection in time', () => {
  let h: Harness;
  let user: TestUser;
  let held: QueryRunner | undefined;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { DATABASE_POOL_SIZE: '1', DATABASE_CONNECT_TIMEOUT_MS: '100' } });
    user = await registerUser(h);
  });
  afterAll(async () => {
    await held?.release();
    await h.close();
  });

  it('is shed with 503 BUSY and Retry-After (problem+json), and served again once a slot frees', async () => {
    held = h.db.createQueryRunner();
    await held.connect();
    const shed = await h.http().get('/v1/profiles/me').set(user.auth);
    expectProblem(shed, 503, 'BUSY');
    expect(shed.headers['retry-after']).toBe('1');

    await held.release();
    held = undefined;
    expect((await h.http().get('/v1/profiles/me').set(user.auth)).status).toBe(200);
  });
});

describe('an RSVP burst larger than the pool and its wait queue (a popular meetup opening)', () => {
  const SEATS = 10;
  const MEMBERS = 40;
  let h: Harness;
  let tight: Harness;
  let members: TestUser[];
  let meetupId: string;
  beforeAll(async () => {
    // Setup through a normal app; the burst through an app over the same database with 2 connections and room
    // for 3 waiters. Its connect timeout is far away, so every 503 below comes from the bounded wait queue.
    [h, tight] = await Promise.all([
      startHarness({ worker: false }),
      startHarness({
        worker: false,
        env: { DATABASE_POOL_SIZE: '2', DATABASE_MAX_WAITING: '3', DATABASE_CONNECT_TIMEOUT_MS: '20000' },
      }),
    ]);
    const organizer = await registerUser(h, ['organizer']);
    meetupId = (await createMeetup(h, organizer, { capacity: SEATS })).id;
    members = [];
    // Small batches: registration hashes passwords with argon2, which is deliberately expensive.
    for (let i = 0; i < MEMBERS; i += 16)
      members.push(...(await Promise.all(Array.from({ length: Math.min(16, MEMBERS - i) }, () => registerUser(h)))));
  });
  afterAll(async () => {
    await Promise.all([h?.close(), tight?.close()]);
  });

  it('answers every RSVP 200 or 503 BUSY with Retry-After at once; retried, all end going or waitlisted', async () => {
    const outcomes = new Map<string, { status: string; waitlistPosition: number | null }>();
    let pending = members;
    let shed = 0;
    for (let round = 0; pending.length && round < 30; round++) {
      const started = Date.now();
      // First round: the meetup's row is held locked from outside, so the tight app's two connections wait in
      // the RSVP statement and whatever arrives beyond them and the 3 waiters must be shed, however fast the
      // machine serves them otherwise.
      const holder = round === 0 ? await lockMeetupRow(h, meetupId) : undefined;
      const released = holder
        ? new Promise((r) => setTimeout(r, 1500)).then(async () => {
            await holder.rollbackTransaction();
            await holder.release();
          })
        : undefined;
      const answers = await Promise.all(
        pending.map(async (u) => ({ u, res: await rsvp(tight, u, meetupId, 'going') })),
      );
      await released;
      const retry: TestUser[] = [];
      let retryAfter = 0;
      for (const { u, res } of answers) {
        if (res.status === 200) {
          outcomes.set(u.id, res.body);
          continue;
        }
        expectProblem(res, 503, 'BUSY');
        expect(res.headers['retry-after']).toBe('1');
        retryAfter = Math.max(retryAfter, Number(res.headers['retry-after']));
        retry.push(u);
      }
      // Shed, not timed out: the whole round took far less than the connect timeout.
      expect(Date.now() - started).toBeLessThan(15_000);
      shed += retry.length;
      pending = retry;
      if (pending.length) await new Promise((r) => setTimeout(r, retryAfter * 1000));
    }
    expect(pending).toHaveLength(0);
    expect(shed).toBeGreaterThan(0);

    const all = [...outcomes.values()];
    expect(all.filter((o) => o.status === 'going')).toHaveLength(SEATS);
    const positions = all
      .filter((o) => o.status === 'waitlisted')
      .map((o) => o.waitlistPosition)
      .sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1));
    expect(await counts(h, meetupId)).toMatchObject({
      going_count: SEATS,
      going_rows: SEATS,
      waitlist_count: MEMBERS - SEATS,
      waitlisted_rows: MEMBERS - SEATS,
    });
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM meetup_rsvps WHERE meetup_id = $1`, [meetupId]);
    expect(n).toBe(MEMBERS);
  });
});

async function lockMeetupRow(h: Harness, meetupId: string): Promise<QueryRunner> {
  const runner = h.db.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query('SELECT 1 FROM meetups WHERE id = $1 FOR UPDATE', [meetupId]);
  return runner;
}
