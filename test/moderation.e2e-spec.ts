import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, registerUser, startHarness, type Harness } from './support/harness.js';
import { makeAdmin } from './support/matching-fixtures.js';

describe('blocks and reports (docs/api.md#moderation)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  describe('POST /v1/blocks', () => {
    it('blocks a profile (201), idempotently; lists and lifts blocks', async () => {
      const me = await registerUser(h, ['learner']);
      const them = await registerUser(h, ['mentor']);
      const first = await h.http().post('/v1/blocks').set(me.auth).send({ profileId: them.id });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ blockerId: me.id, blockedId: them.id, createdAt: expect.any(String) });
      const again = await h.http().post('/v1/blocks').set(me.auth).send({ profileId: them.id });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM blocks WHERE blocker_id = $1`, [me.id]);
      expect(n).toBe(1);
      expect((await h.http().get('/v1/blocks').set(me.auth)).body).toEqual({ items: [first.body], nextCursor: null });
      expect((await h.http().delete(`/v1/blocks/${them.id}`).set(me.auth)).status).toBe(204);
      expect((await h.http().get('/v1/blocks').set(me.auth)).body.items).toEqual([]);
    });

    it('answers 400 for oneself or a malformed id, 404 for an unknown profile, 401 without a token', async () => {
      const me = await registerUser(h, ['learner']);
      expectProblem(await h.http().post('/v1/blocks').set(me.auth).send({ profileId: me.id }), 400);
      expectProblem(await h.http().post('/v1/blocks').set(me.auth).send({ profileId: 'x' }), 400, 'VALIDATION_FAILED');
      expectProblem(
        await h.http().post('/v1/blocks').set(me.auth).send({ profileId: me.id, why: 'no' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await h.http().post('/v1/blocks').set(me.auth).send({ profileId: '00000000-0000-4000-8000-000000000000' }),
        404,
      );
      expectProblem(await h.http().post('/v1/blocks').send({ profileId: me.id }), 401);
    });
  });

  describe('reports', () => {
    it('anyone reports a profile (201); only admins read reports, with both names (403 otherwise)', async () => {
      const reporter = await registerUser(h, ['learner'], { displayName: 'Rita Reporter' });
      const reported = await registerUser(h, ['mentor'], { displayName: 'Sam Spammer' });
      const res = await h
        .http()
        .post('/v1/reports')
        .set(reporter.auth)
        .send({ profileId: reported.id, reason: 'spam', details: 'Sends links to a crypto scheme' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        reporterId: reporter.id,
        reporterName: 'Rita Reporter',
        profileId: reported.id,
        profileName: 'Sam Spammer',
        reason: 'spam',
        details: 'Sends links to a crypto scheme',
        status: 'open',
        createdAt: expect.any(String),
      });
      expectProblem(await h.http().get('/v1/admin/reports').set(reporter.auth), 403, 'ROLE_REQUIRED');

      const admin = await makeAdmin(h, await registerUser(h, ['organizer']));
      const list = await h.http().get('/v1/admin/reports?limit=100').set(admin.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(res.body);
      const open = await h.http().get('/v1/admin/reports?status=open&limit=1').set(admin.auth);
      expect(open.body.items).toHaveLength(1);
      expectProblem(await h.http().get('/v1/admin/reports?status=weird').set(admin.auth), 400);
    });

    it('pages through reports newest first', async () => {
      const reporter = await registerUser(h, ['learner']);
      const admin = await makeAdmin(h, await registerUser(h, ['learner']));
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const target = await registerUser(h, ['mentor']);
        ids.push(
          (
            await h
              .http()
              .post('/v1/reports')
              .set(reporter.auth)
              .send({ profileId: target.id, reason: 'other', details: `#${i}` })
          ).body.id,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await h
          .http()
          .get(`/v1/admin/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(admin.auth);
        seen.push(...page.body.items.map((r) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const mine = seen.filter((id) => ids.includes(id));
      expect(mine).toEqual([...ids].reverse());
    });

    it('answers 400 for oneself, missing fields or unknown fields, and 404 for an unknown profile', async () => {
      const me = await registerUser(h, ['learner']);
      const other = await registerUser(h, ['learner']);
      expectProblem(
        await h.http().post('/v1/reports').set(me.auth).send({ profileId: me.id, reason: 'spam', details: 'x' }),
        400,
      );
      expectProblem(
        await h.http().post('/v1/reports').set(me.auth).send({ profileId: other.id, details: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await h
          .http()
          .post('/v1/reports')
          .set(me.auth)
          .send({ profileId: other.id, reason: 'spam', details: 'x', severity: 9 }),
        400,
      );
      expectProblem(
        await h
          .http()
          .post('/v1/reports')
          .set(me.auth)
          .send({ profileId: '00000000-0000-4000-8000-000000000000', reason: 'spam', details: 'x' }),
        404,
      );
    });
  });
});
