import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, PASSWORD, registerUser, startHarness, uniqueEmail, type Harness } from './support/harness.js';

describe('accounts (docs/api.md#accounts)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { LOGIN_MAX_FAILURES_PER_HOUR: '3' } });
  });
  afterAll(() => h.close());

  describe('POST /v1/auth/register', () => {
    it('creates an account with a profile and returns tokens', async () => {
      const email = uniqueEmail('Reg').toUpperCase();
      const res = await h
        .http()
        .post('/v1/auth/register')
        .send({ email, password: PASSWORD, displayName: 'Ada', roles: ['learner', 'mentor'] });
      expect(res.status).toBe(201);
      expect(res.body.user).toEqual({
        id: expect.any(String),
        email: email.toLowerCase(),
        displayName: 'Ada',
        roles: ['learner', 'mentor'],
        emailVerified: false,
      });
      expect(typeof res.body.accessToken).toBe('string');
      expect(typeof res.body.refreshToken).toBe('string');
      const me = await h.http().get('/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: res.body.user.id,
        email: email.toLowerCase(),
        displayName: 'Ada',
        roles: ['learner', 'mentor'],
      });
      expect(me.body.profile).toMatchObject({ id: res.body.user.id, displayName: 'Ada', timezone: 'UTC' });
    });

    it('answers 409 when the e-mail is taken (case-insensitively), and creates nothing', async () => {
      const u = await registerUser(h);
      const res = await h
        .http()
        .post('/v1/auth/register')
        .send({ email: u.email.toUpperCase(), password: PASSWORD, displayName: 'Dup', roles: ['learner'] });
      expectProblem(res, 409, 'EMAIL_TAKEN');
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [u.email]);
      expect(n).toBe(1);
    });

    it('only one of many parallel registrations with the same e-mail wins', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          h
            .http()
            .post('/v1/auth/register')
            .send({ email, password: PASSWORD, displayName: 'R', roles: ['learner'] }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    });

    it.each([
      ['admin role', { roles: ['admin'] }, 'roles'],
      ['admin among others', { roles: ['learner', 'admin'] }, 'roles'],
      ['no role', { roles: [] }, 'roles'],
      ['unknown role', { roles: ['wizard'] }, 'roles'],
      ['short password', { password: 'short' }, 'password'],
      ['long password', { password: 'x'.repeat(129) }, 'password'],
      ['bad e-mail', { email: 'not-an-email' }, 'email'],
      ['missing displayName', { displayName: undefined }, 'displayName'],
    ])('answers 400 for %s with a field error', async (_name, patch, field) => {
      const body = { email: uniqueEmail(), password: PASSWORD, displayName: 'X', roles: ['learner'], ...patch };
      const res = await h.http().post('/v1/auth/register').send(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
      );
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
        String(body.email).toLowerCase(),
      ]);
      expect(n).toBe(0);
    });

    it('accepts a password of exactly 10 and 128 characters', async () => {
      for (const password of ['p'.repeat(10), 'p'.repeat(128)]) {
        const res = await h
          .http()
          .post('/v1/auth/register')
          .send({ email: uniqueEmail(), password, displayName: 'X', roles: ['organizer'] });
        expect(res.status).toBe(201);
      }
    });
  });

  describe('conventions (docs/api.md#conventions)', () => {
    it('rejects an unknown body field with 400 and stores nothing', async () => {
      const email = uniqueEmail();
      const res = await h
        .http()
        .post('/v1/auth/register')
        .send({ email, password: PASSWORD, displayName: 'X', roles: ['learner'], isAdmin: true });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin' })]);
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
      expect(n).toBe(0);
    });

    it('answers malformed JSON with 400 problem+json', async () => {
      const res = await h.http().post('/v1/auth/login').set('content-type', 'application/json').send('{"email": ');
      expectProblem(res, 400, 'MALFORMED_JSON');
    });

    it('answers a body over 64 KiB with 413', async () => {
      const res = await h
        .http()
        .post('/v1/auth/login')
        .send({ email: 'a@b.c', password: 'x'.repeat(70 * 1024) });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers 401 without a token and with a garbage token', async () => {
      expectProblem(await h.http().get('/v1/me'), 401);
      expectProblem(await h.http().get('/v1/me').set('Authorization', 'Bearer nope.nope.nope'), 401, 'INVALID_TOKEN');
      expectProblem(await h.http().get('/v1/me').set('Authorization', 'Basic abc'), 401);
    });

    it('answers an unknown route with 404 problem+json', async () => {
      expectProblem(await h.http().get('/v1/no-such-thing'), 404);
    });
  });

  describe('POST /v1/auth/login', () => {
    it('logs in with the right credentials (e-mail case-insensitive)', async () => {
      const u = await registerUser(h, ['mentor']);
      const res = await h.http().post('/v1/auth/login').send({ email: u.email.toUpperCase(), password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: u.id, email: u.email, roles: ['mentor'] });
      expect(res.body.accessToken).toBeDefined();
    });

    it('answers 401 for a wrong password and for an unknown account', async () => {
      const u = await registerUser(h);
      expectProblem(
        await h.http().post('/v1/auth/login').send({ email: u.email, password: 'wrong password!' }),
        401,
        'INVALID_CREDENTIALS',
      );
      expectProblem(
        await h.http().post('/v1/auth/login').send({ email: uniqueEmail(), password: PASSWORD }),
        401,
        'INVALID_CREDENTIALS',
      );
    });

    it('answers 429 with Retry-After past LOGIN_MAX_FAILURES_PER_HOUR, even with the right password', async () => {
      const u = await registerUser(h);
      for (let i = 0; i < 3; i++) {
        expectProblem(await h.http().post('/v1/auth/login').send({ email: u.email, password: 'wrong password!' }), 401);
      }
      const blocked = await h.http().post('/v1/auth/login').send({ email: u.email, password: PASSWORD });
      expectProblem(blocked, 429, 'TOO_MANY_LOGIN_FAILURES');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(3600);
      // Another account is unaffected.
      const other = await registerUser(h);
      expect((await h.http().post('/v1/auth/login').send({ email: other.email, password: PASSWORD })).status).toBe(200);
    });

    it('counts parallel failures atomically', async () => {
      const u = await registerUser(h);
      const attempts = await Promise.all(
        Array.from({ length: 10 }, () =>
          h.http().post('/v1/auth/login').send({ email: u.email, password: 'wrong password!' }),
        ),
      );
      expect(attempts.every((r) => r.status === 401 || r.status === 429)).toBe(true);
      expectProblem(await h.http().post('/v1/auth/login').send({ email: u.email, password: PASSWORD }), 429);
    });
  });

  describe('refresh and logout', () => {
    it('rotates the refresh token: the new pair works, the old token is spent', async () => {
      const u = await registerUser(h);
      const first = await h.http().post('/v1/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(u.refreshToken);
      expect((await h.http().get('/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`)).status).toBe(200);
      const second = await h.http().post('/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);
    });

    it('a spent refresh token reused after the grace is 401 and revokes its family and access tokens', async () => {
      const u = await registerUser(h);
      const rotated = await h.http().post('/v1/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(rotated.status).toBe(200);
      await h.db.query(`UPDATE refresh_tokens SET spent_at = now() - interval '11 seconds' WHERE id = $1`, [
        u.refreshToken.split('.')[0],
      ]);
      const reuse = await h.http().post('/v1/auth/refresh').send({ refreshToken: u.refreshToken });
      expectProblem(reuse, 401, 'REFRESH_TOKEN_REUSED');
      // The legitimately rotated token is dead too, and so are the family's access tokens.
      expectProblem(await h.http().post('/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken }), 401);
      expectProblem(await h.http().get('/v1/me').set('Authorization', `Bearer ${rotated.body.accessToken}`), 401);
      // Another session (family) of the same account still works.
      const login = await h.http().post('/v1/auth/login').send({ email: u.email, password: PASSWORD });
      expect((await h.http().get('/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`)).status).toBe(200);
    });

    it('parallel refreshes with the same token all get the same successor: the family does not fork', async () => {
      const u = await registerUser(h);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => h.http().post('/v1/auth/refresh').send({ refreshToken: u.refreshToken })),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(results.map((r) => r.body.refreshToken as string)).size).toBe(1);
      const [{ live }] = await h.db.query(
        `SELECT count(*)::int AS live FROM refresh_tokens t
          WHERE t.family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1) AND spent_at IS NULL`,
        [u.refreshToken.split('.')[0]],
      );
      expect(live).toBe(1);
    });

    it('answers 401 for a forged or malformed refresh token and 400 for one that is not a string', async () => {
      const u = await registerUser(h);
      const [id] = u.refreshToken.split('.');
      expectProblem(
        await h
          .http()
          .post('/v1/auth/refresh')
          .send({ refreshToken: `${id}.${'A'.repeat(43)}` }),
        401,
        'INVALID_REFRESH_TOKEN',
      );
      expectProblem(
        await h.http().post('/v1/auth/refresh').send({ refreshToken: 'garbage' }),
        401,
        'INVALID_REFRESH_TOKEN',
      );
      expectProblem(await h.http().post('/v1/auth/refresh').send({ refreshToken: 42 }), 400);
    });

    it('logout answers 204 and revokes the session', async () => {
      const u = await registerUser(h);
      const res = await h.http().post('/v1/auth/logout').send({ refreshToken: u.refreshToken });
      expect(res.status).toBe(204);
      expectProblem(await h.http().post('/v1/auth/refresh').send({ refreshToken: u.refreshToken }), 401);
      expectProblem(await h.http().get('/v1/me').set(u.auth), 401);
    });

    it('an expired access token answers 401', async () => {
      const short = await startHarness({ worker: false, env: { ACCESS_TOKEN_TTL_SECONDS: '1' } });
      try {
        const u = await registerUser(short);
        await new Promise((r) => setTimeout(r, 2100));
        expectProblem(await short.http().get('/v1/me').set(u.auth), 401, 'INVALID_TOKEN');
      } finally {
        await short.close();
      }
    });
  });
});

describe('general rate limit (RATE_LIMIT_PER_MINUTE)', () => {
  let h: Harness;
  let open: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    open = await startHarness({ worker: false });
  });
  afterAll(async () => {
    await h.close();
    await open.close();
  });

  it('answers 429 with Retry-After past the limit, per user, counted in Redis', async () => {
    const a = await registerUser(open);
    const b = await registerUser(open);
    const results = await Promise.all(Array.from({ length: 8 }, () => h.http().get('/v1/me').set(a.auth)));
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(5);
    const limited = results.find((r) => r.status === 429)!;
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A second user has a budget of their own (unless the minute rolled over mid-test, b is fresh anyway).
    expect((await h.http().get('/v1/me').set(b.auth)).status).toBe(200);
  });

  it('the limit holds across two API replicas sharing Redis', async () => {
    const other = await startHarness({ worker: false, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const u = await registerUser(open);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await h.http().get('/v1/me').set(u.auth)).status);
        statuses.push((await other.http().get('/v1/me').set(u.auth)).status);
      }
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
      expect(statuses).toContain(429);
    } finally {
      await other.close();
    }
  });
});
