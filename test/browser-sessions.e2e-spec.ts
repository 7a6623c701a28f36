import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, PASSWORD, startHarness, uniqueEmail, type Harness } from './support/harness.js';

const COOKIE = 'guildhall_refresh';

interface SetCookie {
  value: string;
  attributes: string[];
}

/** A Set-Cookie of an answer, by name, split into its value and lower-cased attributes. */
function setCookie(res: { headers: Record<string, unknown> }, name: string): SetCookie | undefined {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  const line = all.find((c) => c.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return {
    value: decodeURIComponent(pair.slice(name.length + 1)),
    attributes: attributes.map((a) => a.toLowerCase()),
  };
}

/** The guildhall_refresh Set-Cookie of an answer. */
const sessionCookie = (res: { headers: Record<string, unknown> }) => setCookie(res, COOKIE);

const tokenId = (token: string): string => token.split('.')[0];

describe('browser sessions: the refresh token in an HttpOnly cookie', () => {
  let h: Harness;
  let origin: string;
  beforeAll(async () => {
    // CORS_ORIGINS is left at its default "*", which must not count for cookie use.
    h = await startHarness({ worker: false, env: { PUBLIC_BASE_URL: 'http://localhost:3000' } });
    origin = 'http://localhost:3000';
  });
  afterAll(() => h.close());

  async function cookieLogin(): Promise<{ email: string; userId: string; cookie: string }> {
    const email = uniqueEmail('cookie');
    const reg = await h
      .http()
      .post('/v1/auth/register')
      .send({ email, password: PASSWORD, displayName: 'Tab', roles: ['learner'], cookie: true });
    expect(reg.status).toBe(201);
    return { email, userId: reg.body.user.id, cookie: sessionCookie(reg)!.value };
  }

  const refreshWithCookie = (cookie: string, from: string | null = origin) => {
    const req = h.http().post('/v1/auth/refresh').set('Cookie', `${COOKIE}=${cookie}`);
    return from === null ? req.send() : req.set('Origin', from).send();
  };

  it('register with cookie:true answers no refreshToken and sets a cookie (HttpOnly, Strict, /v1/auth)', async () => {
    const res = await h
      .http()
      .post('/v1/auth/register')
      .send({ email: uniqueEmail('c'), password: PASSWORD, displayName: 'C', roles: ['learner'], cookie: true });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('refreshToken');
    expect(res.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 900 });
    expect(res.body.user).toMatchObject({ emailVerified: false, roles: ['learner'] });
    const c = sessionCookie(res)!;
    expect(c.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(c.attributes).toEqual(
      expect.arrayContaining([
        'httponly',
        'samesite=strict',
        'path=/v1/auth',
        `max-age=${h.config.refreshTokenTtlSeconds}`,
      ]),
    );
    // PUBLIC_BASE_URL is plain http on localhost: a Secure cookie would never come back.
    expect(c.attributes).not.toContain('secure');
    // Its companion tells the page there is a session to resume: readable, site-wide, no secret in it.
    const hint = setCookie(res, 'guildhall_session')!;
    expect(hint.value).toBe('1');
    expect(hint.attributes).toEqual(
      expect.arrayContaining(['samesite=strict', 'path=/', `max-age=${h.config.refreshTokenTtlSeconds}`]),
    );
    expect(hint.attributes).not.toContain('httponly');
  });

  it('login with cookie:true does the same; without it, refreshToken is answered and no cookie set', async () => {
    const { email } = await cookieLogin();
    const withCookie = await h.http().post('/v1/auth/login').send({ email, password: PASSWORD, cookie: true });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body).not.toHaveProperty('refreshToken');
    expect(withCookie.body.user).toMatchObject({ email, emailVerified: false });
    expect(sessionCookie(withCookie)).toBeDefined();

    const plain = await h.http().post('/v1/auth/login').send({ email, password: PASSWORD });
    expect(typeof plain.body.refreshToken).toBe('string');
    expect(sessionCookie(plain)).toBeUndefined();
  });

  it('rejects a cookie flag that is not a boolean', async () => {
    const res = await h.http().post('/v1/auth/login').send({ email: uniqueEmail(), password: PASSWORD, cookie: 'yes' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cookie' })]);
  });

  it('refresh without a body token uses the cookie, rotates it and answers no refreshToken', async () => {
    const { cookie } = await cookieLogin();
    const res = await refreshWithCookie(cookie);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('refreshToken');
    const next = sessionCookie(res)!;
    expect(next.value).not.toBe(cookie);
    expect(next.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/v1/auth']));
    expect((await h.http().get('/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`)).status).toBe(200);
    // The rotated cookie works in turn.
    expect((await refreshWithCookie(next.value)).status).toBe(200);
  });

  it('refresh by cookie answers 403 for a missing Origin, another origin, or one only "*" would allow', async () => {
    const { cookie } = await cookieLogin();
    expectProblem(await refreshWithCookie(cookie, null), 403, 'ORIGIN_NOT_ALLOWED');
    expectProblem(await refreshWithCookie(cookie, 'https://evil.example'), 403, 'ORIGIN_NOT_ALLOWED');
    expectProblem(await refreshWithCookie(cookie, 'http://localhost:3001'), 403, 'ORIGIN_NOT_ALLOWED');
    // Nothing was spent by the refused calls.
    expect((await refreshWithCookie(cookie)).status).toBe(200);
  });

  it('a body refreshToken needs no Origin (API clients keep working)', async () => {
    const login = await h
      .http()
      .post('/v1/auth/login')
      .send({ email: (await cookieLogin()).email, password: PASSWORD });
    const res = await h.http().post('/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(res.status).toBe(200);
    expect(typeof res.body.refreshToken).toBe('string');
  });

  it('refresh from an allowed origin without a cookie is 401, and a dead cookie is cleared', async () => {
    expectProblem(await h.http().post('/v1/auth/refresh').set('Origin', origin).send(), 401, 'INVALID_REFRESH_TOKEN');
    const res = await refreshWithCookie(`${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.${'A'.repeat(43)}`);
    expectProblem(res, 401, 'INVALID_REFRESH_TOKEN');
    const cleared = sessionCookie(res)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['path=/v1/auth']));
  });

  it('logout by cookie revokes the session and clears the cookie', async () => {
    const { cookie } = await cookieLogin();
    const refreshed = await refreshWithCookie(cookie);
    const live = sessionCookie(refreshed)!.value;
    const res = await h.http().post('/v1/auth/logout').set('Origin', origin).set('Cookie', `${COOKIE}=${live}`).send();
    expect(res.status).toBe(204);
    const cleared = sessionCookie(res)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes.some((a) => a === 'max-age=0' || a.startsWith('expires=thu, 01 jan 1970'))).toBe(true);
    // The page's hint goes with it: the next page load does not try to resume the session.
    const hint = setCookie(res, 'guildhall_session')!;
    expect(hint.value).toBe('');
    expect(hint.attributes).toEqual(expect.arrayContaining(['path=/']));
    expectProblem(await refreshWithCookie(live), 401);
    expectProblem(await h.http().get('/v1/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`), 401);
  });

  it('logout by cookie answers 403 without an allowed Origin and keeps the session', async () => {
    const { cookie } = await cookieLogin();
    const bad = await h.http().post('/v1/auth/logout').set('Cookie', `${COOKIE}=${cookie}`).send();
    expectProblem(bad, 403, 'ORIGIN_NOT_ALLOWED');
    const evil = await h
      .http()
      .post('/v1/auth/logout')
      .set('Origin', 'https://evil.example')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send();
    expectProblem(evil, 403, 'ORIGIN_NOT_ALLOWED');
    expect((await refreshWithCookie(cookie)).status).toBe(200);
  });

  describe('reuse grace (REFRESH_REUSE_GRACE_SECONDS, 10 by default)', () => {
    it('a spent cookie presented again within the grace (a second tab) gets the same successor', async () => {
      const { cookie } = await cookieLogin();
      const tabA = await refreshWithCookie(cookie);
      const tabB = await refreshWithCookie(cookie);
      expect(tabA.status).toBe(200);
      expect(tabB.status).toBe(200);
      expect(sessionCookie(tabB)!.value).toBe(sessionCookie(tabA)!.value);
      expect((await h.http().get('/v1/me').set('Authorization', `Bearer ${tabB.body.accessToken}`)).status).toBe(200);
    });

    it('follows rotations made within the grace to the family’s live token', async () => {
      const { cookie: first } = await cookieLogin();
      const second = sessionCookie(await refreshWithCookie(first))!.value;
      const third = sessionCookie(await refreshWithCookie(second))!.value;
      const late = await refreshWithCookie(first);
      expect(late.status).toBe(200);
      expect(sessionCookie(late)!.value).toBe(third);
    });

    it('concurrent refreshes with one cookie all succeed with one successor', async () => {
      const { cookie } = await cookieLogin();
      const results = await Promise.all(Array.from({ length: 4 }, () => refreshWithCookie(cookie)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(results.map((r) => sessionCookie(r)!.value)).size).toBe(1);
    });

    it('after the grace the spent token is a reuse: 401 and the whole family is revoked', async () => {
      const { cookie } = await cookieLogin();
      const rotated = await refreshWithCookie(cookie);
      const live = sessionCookie(rotated)!.value;
      await h.db.query(`UPDATE refresh_tokens SET spent_at = now() - interval '11 seconds' WHERE id = $1`, [
        tokenId(cookie),
      ]);
      expectProblem(await refreshWithCookie(cookie), 401, 'REFRESH_TOKEN_REUSED');
      expectProblem(await refreshWithCookie(live), 401);
      expectProblem(await h.http().get('/v1/me').set('Authorization', `Bearer ${rotated.body.accessToken}`), 401);
    });

    it('within the grace a revoked family stays revoked', async () => {
      const { cookie } = await cookieLogin();
      const live = sessionCookie(await refreshWithCookie(cookie))!.value;
      await h.http().post('/v1/auth/logout').set('Origin', origin).set('Cookie', `${COOKIE}=${live}`).send();
      expectProblem(await refreshWithCookie(cookie), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('keeps a sealed successor only while its token is within the grace', async () => {
      const { cookie: first } = await cookieLogin();
      const second = sessionCookie(await refreshWithCookie(first))!.value;
      await h.db.query(`UPDATE refresh_tokens SET spent_at = now() - interval '1 hour' WHERE id = $1`, [
        tokenId(first),
      ]);
      expect((await refreshWithCookie(second)).status).toBe(200);
      const rows: { id: string; sealed: boolean }[] = await h.db.query(
        `SELECT id, successor_sealed IS NOT NULL AS sealed FROM refresh_tokens WHERE id = ANY($1::uuid[])`,
        [[tokenId(first), tokenId(second)]],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.sealed]))).toEqual({
        [tokenId(first)]: false,
        [tokenId(second)]: true,
      });
    });
  });
});

describe('browser sessions behind an https PUBLIC_BASE_URL with named CORS_ORIGINS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      worker: false,
      env: { PUBLIC_BASE_URL: 'https://guildhall.example', CORS_ORIGINS: 'https://admin.guildhall.example' },
    });
  });
  afterAll(() => h.close());

  it('sets a Secure cookie and accepts the public origin and each CORS origin', async () => {
    const reg = await h
      .http()
      .post('/v1/auth/register')
      .send({ email: uniqueEmail('s'), password: PASSWORD, displayName: 'S', roles: ['mentor'], cookie: true });
    const c = sessionCookie(reg)!;
    expect(c.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']));
    const viaPublic = await h
      .http()
      .post('/v1/auth/refresh')
      .set('Origin', 'https://guildhall.example')
      .set('Cookie', `${COOKIE}=${c.value}`)
      .send();
    expect(viaPublic.status).toBe(200);
    const viaCors = await h
      .http()
      .post('/v1/auth/refresh')
      .set('Origin', 'https://admin.guildhall.example')
      .set('Cookie', `${COOKIE}=${sessionCookie(viaPublic)!.value}`)
      .send();
    expect(viaCors.status).toBe(200);
    const plainHttp = await h
      .http()
      .post('/v1/auth/refresh')
      .set('Origin', 'http://guildhall.example')
      .set('Cookie', `${COOKIE}=${sessionCookie(viaCors)!.value}`)
      .send();
    expectProblem(plainHttp, 403, 'ORIGIN_NOT_ALLOWED');
  });
});
