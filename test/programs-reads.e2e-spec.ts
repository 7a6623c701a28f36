import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';

interface ProgramItem {
  id: string;
  name: string;
  status: string;
  yourRole: 'organizer' | 'learner' | 'mentor' | null;
  learners: number;
  mentors: number;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The reads behind the web app's program pages: lists of programs, members and match runs. */
describe('program lists (docs/api.md#mentoring-programs-cohort-matching)', () => {
  let h: Harness;
  let organizer: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(() => h.close());

  async function createProgram(name: string, by: TestUser = organizer): Promise<string> {
    const res = await h.http().post('/v1/programs').set(by.auth).send({ name, mode: 'stable' });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function join(programId: string, user: TestUser, body: Record<string, unknown>): Promise<void> {
    const res = await h.http().post(`/v1/programs/${programId}/join`).set(user.auth).send(body);
    if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Every page of a list, following nextCursor. */
  async function all<T>(path: string, user: TestUser, query: Record<string, string | number> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const res = await h
        .http()
        .get(path)
        .query({ ...query, ...(cursor ? { cursor } : {}) })
        .set(user.auth);
      expect(res.status).toBe(200);
      const page = res.body as Page<T>;
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('too many pages');
  }

  describe('GET /v1/programs', () => {
    it('lists what the caller organizes or joined, newest first, in pages; open ones to join apart', async () => {
      const host = await registerUser(h, ['organizer']);
      const [learner, mentor] = await Promise.all([registerUser(h, ['learner']), registerUser(h, ['mentor'])]);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await createProgram(`Cohort ${i}`, host));
      await join(ids[1], mentor, { as: 'mentor', capacity: 2 });
      await join(ids[1], learner, { as: 'learner' });
      await join(ids[3], learner, { as: 'learner' });

      const mine = await all<ProgramItem>('/v1/programs', host, { limit: 2 });
      expect(mine.map((p) => p.id)).toEqual([...ids].reverse());
      expect(mine.every((p) => p.yourRole === 'organizer')).toBe(true);
      expect(mine.find((p) => p.id === ids[1])).toMatchObject({ learners: 1, mentors: 1, status: 'open' });

      const first = await h.http().get('/v1/programs').query({ limit: 2 }).set(host.auth);
      expect(first.body.items).toHaveLength(2);
      expect(typeof first.body.nextCursor).toBe('string');

      const joined = await all<ProgramItem>('/v1/programs', learner, { scope: 'mine', limit: 1 });
      expect(joined.map((p) => [p.id, p.yourRole])).toEqual([
        [ids[3], 'learner'],
        [ids[1], 'learner'],
      ]);

      // Open programs the learner could join: not the ones joined; other organizers' programs show up too.
      const open = await all<ProgramItem>('/v1/programs', learner, { scope: 'open', limit: 100 });
      const openIds = open.map((p) => p.id);
      expect(openIds).toEqual(expect.arrayContaining([ids[0], ids[2], ids[4]]));
      expect(openIds).not.toContain(ids[1]);
      expect(openIds).not.toContain(ids[3]);
      expect(open.every((p) => p.yourRole === null && p.status === 'open')).toBe(true);

      // Someone who can join nothing has nothing open; an organizer's own programs are not "open to join".
      expect((await h.http().get('/v1/programs').query({ scope: 'open' }).set(host.auth)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      const stranger = await registerUser(h, ['learner']);
      expect((await h.http().get('/v1/programs').set(stranger.auth)).body).toEqual({ items: [], nextCursor: null });
    });

    it('400 for a bad scope, limit or cursor; 401 without a token', async () => {
      expectProblem(await h.http().get('/v1/programs').query({ scope: 'all' }).set(organizer.auth), 400);
      expectProblem(await h.http().get('/v1/programs').query({ limit: 0 }).set(organizer.auth), 400);
      expectProblem(
        await h.http().get('/v1/programs').query({ cursor: 'not-a-cursor' }).set(organizer.auth),
        400,
        'INVALID_CURSOR',
      );
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      expectProblem(await h.http().get('/v1/programs').query({ cursor: forged }).set(organizer.auth), 400);
      expectProblem(await h.http().get('/v1/programs'), 401);
    });
  });

  describe('GET /v1/programs/:id/members', () => {
    it('organizer: everyone by side with names and capacity; a member: the other side only', async () => {
      const id = await createProgram('Members');
      const [ada, bea] = await Promise.all([
        registerUser(h, ['learner'], { displayName: 'Ada Learner' }),
        registerUser(h, ['learner'], { displayName: 'bea Learner' }),
      ]);
      const [max, nia] = await Promise.all([
        registerUser(h, ['mentor'], { displayName: 'Max Mentor' }),
        registerUser(h, ['mentor'], { displayName: 'Nia Mentor' }),
      ]);
      await join(id, nia, { as: 'mentor', capacity: 3 });
      await join(id, max, { as: 'mentor', capacity: 1 });
      await join(id, bea, { as: 'learner' });
      await join(id, ada, { as: 'learner' });

      const org = await h.http().get(`/v1/programs/${id}/members`).set(organizer.auth);
      expect(org.status).toBe(200);
      expect(org.body.items.map((m: { displayName: string; side: string; capacity: number | null }) => m)).toEqual([
        {
          profileId: ada.id,
          displayName: 'Ada Learner',
          side: 'learner',
          capacity: null,
          joinedAt: expect.any(String),
        },
        {
          profileId: bea.id,
          displayName: 'bea Learner',
          side: 'learner',
          capacity: null,
          joinedAt: expect.any(String),
        },
        { profileId: max.id, displayName: 'Max Mentor', side: 'mentor', capacity: 1, joinedAt: expect.any(String) },
        { profileId: nia.id, displayName: 'Nia Mentor', side: 'mentor', capacity: 3, joinedAt: expect.any(String) },
      ]);

      const asLearner = await h.http().get(`/v1/programs/${id}/members`).set(ada.auth);
      expect(asLearner.status).toBe(200);
      expect(asLearner.body.items.map((m: { profileId: string }) => m.profileId)).toEqual([max.id, nia.id]);
      const asMentor = await h.http().get(`/v1/programs/${id}/members`).set(max.auth);
      expect(asMentor.body.items.map((m: { profileId: string }) => m.profileId)).toEqual([ada.id, bea.id]);

      // Blocked either way: not offered for ranking.
      expect((await h.http().post('/v1/blocks').set(nia.auth).send({ profileId: ada.id })).status).toBe(201);
      const afterBlock = await h.http().get(`/v1/programs/${id}/members`).set(ada.auth);
      expect(afterBlock.body.items.map((m: { profileId: string }) => m.profileId)).toEqual([max.id]);
      const niaSees = await h.http().get(`/v1/programs/${id}/members`).set(nia.auth);
      expect(niaSees.body.items.map((m: { profileId: string }) => m.profileId)).toEqual([bea.id]);
    });

    it('403 NOT_PROGRAM_MEMBER to a non-member, another organizer too; 404 unknown or malformed id', async () => {
      const id = await createProgram('Closed doors');
      const [outsider, otherOrganizer] = await Promise.all([
        registerUser(h, ['learner']),
        registerUser(h, ['organizer']),
      ]);
      expectProblem(await h.http().get(`/v1/programs/${id}/members`).set(outsider.auth), 403, 'NOT_PROGRAM_MEMBER');
      expectProblem(
        await h.http().get(`/v1/programs/${id}/members`).set(otherOrganizer.auth),
        403,
        'NOT_PROGRAM_MEMBER',
      );
      expectProblem(await h.http().get(`/v1/programs/${randomUUID()}/members`).set(outsider.auth), 404);
      expectProblem(await h.http().get(`/v1/programs/nope/members`).set(outsider.auth), 404);
    });
  });

  describe('GET /v1/programs/:id/match-runs', () => {
    it('its organizer: runs newest first with status and stats, no pairs, in pages', async () => {
      const id = await createProgram('Runs');
      const [learner, mentor] = await Promise.all([registerUser(h, ['learner']), registerUser(h, ['mentor'])]);
      await join(id, mentor, { as: 'mentor', capacity: 1 });
      await join(id, learner, { as: 'learner' });
      const runIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await h.http().post(`/v1/programs/${id}/match-runs`).set(organizer.auth);
        expect(res.status).toBe(202);
        runIds.push(res.body.id);
      }
      const runs = await eventually(async () => {
        const list = await all<Record<string, unknown>>(`/v1/programs/${id}/match-runs`, organizer, { limit: 2 });
        return list.every((r) => r.status === 'done') ? list : null;
      }, 30_000);
      expect(runs.map((r) => r.id)).toEqual([...runIds].reverse());
      for (const run of runs) {
        expect(run).not.toHaveProperty('pairs');
        expect(run).toMatchObject({
          programId: id,
          mode: 'stable',
          stats: expect.objectContaining({ learners: 1, mentors: 1, blockingPairs: 0 }),
          publishedAt: null,
        });
        const stats = run.stats as { matched: number; unmatched: number };
        expect(stats.matched + stats.unmatched).toBe(1);
      }
    });

    it('403 without the organizer role, 404 for another organizer’s program or an unknown one', async () => {
      const id = await createProgram('Private runs');
      const [member, otherOrganizer] = await Promise.all([
        registerUser(h, ['learner']),
        registerUser(h, ['organizer']),
      ]);
      await join(id, member, { as: 'learner' });
      expectProblem(await h.http().get(`/v1/programs/${id}/match-runs`).set(member.auth), 403, 'ROLE_REQUIRED');
      expectProblem(await h.http().get(`/v1/programs/${id}/match-runs`).set(otherOrganizer.auth), 404);
      expectProblem(await h.http().get(`/v1/programs/${randomUUID()}/match-runs`).set(organizer.auth), 404);
      expectProblem(
        await h.http().get(`/v1/programs/${id}/match-runs`).query({ cursor: 'x' }).set(organizer.auth),
        400,
        'INVALID_CURSOR',
      );
      expect((await h.http().get(`/v1/programs/${id}/match-runs`).set(organizer.auth)).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });
  });
});
