import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import {
  expectProblem,
  registerUser,
  startHarness,
  uniqueEmail,
  type Harness,
  type TestUser,
} from './support/harness.js';

const registration = () => ({
  email: uniqueEmail('form'),
  password: 'a long and unusual passphrase',
  displayName: 'Form',
  roles: ['learner'],
});

describe('HTTP hardening', () => {
  let h: Harness;
  let user: TestUser;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    user = await registerUser(h);
  });
  afterAll(() => h.close());

  describe('only JSON bodies', () => {
    it('refuses an HTML form post (urlencoded) with 415 and creates no account', async () => {
      const body = registration();
      const form = new URLSearchParams({ email: body.email, password: body.password, displayName: 'Form' });
      form.append('roles[]', 'learner');
      const res = await h
        .http()
        .post('/v1/auth/register')
        .set('content-type', 'application/x-www-form-urlencoded')
        .send(form.toString());
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const [{ n }] = await h.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users WHERE email = $1', [
        body.email,
      ]);
      expect(n).toBe(0);
    });

    it('refuses text/plain and multipart bodies (the other types a form can send) with 415', async () => {
      const json = JSON.stringify(registration());
      expectProblem(
        await h.http().post('/v1/auth/register').set('content-type', 'text/plain').send(json),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectProblem(
        await h.http().post('/v1/auth/register').field('email', uniqueEmail('multipart')),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('refuses a body sent without a Content-Type with 415', async () => {
      const res = await h
        .http()
        .post('/v1/auth/login')
        .set('content-length', '2')
        .unset('content-type')
        .send(Buffer.from('{}'));
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('accepts application/json with a charset', async () => {
      const res = await h
        .http()
        .post('/v1/auth/register')
        .set('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(registration()));
      expect(res.status).toBe(201);
    });

    it('keeps bodiless POSTs without a Content-Type working', async () => {
      const res = await h.http().post('/v1/notifications/read-all').set(user.auth);
      expect(res.status).toBe(204);
      expect(res.headers['content-type']).toBeUndefined();
    });
  });

  describe('bearer tokens', () => {
    const resign = (token: string, withExp: boolean): Promise<string> => {
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      const { sub, roles, fid } = claims;
      const jwt = new JwtService({ secret: h.config.jwtSecret });
      return jwt.signAsync(
        { sub, roles, fid },
        withExp ? { algorithm: 'HS256', expiresIn: 300 } : { algorithm: 'HS256' },
      );
    };

    it('refuses a validly signed token without exp (and accepts the same claims with one)', async () => {
      const withExp = await resign(user.accessToken, true);
      expect((await h.http().get('/v1/profiles/me').set('Authorization', `Bearer ${withExp}`)).status).toBe(200);
      const forever = await resign(user.accessToken, false);
      expectProblem(
        await h.http().get('/v1/profiles/me').set('Authorization', `Bearer ${forever}`),
        401,
        'INVALID_TOKEN',
      );
    });

    it('refuses an Authorization header with anything after the token', async () => {
      expectProblem(
        await h.http().get('/v1/profiles/me').set('Authorization', `Bearer ${user.accessToken} extra`),
        401,
        'INVALID_TOKEN',
      );
      expect((await h.http().get('/v1/profiles/me').set('Authorization', `bearer ${user.accessToken}`)).status).toBe(
        200,
      );
    });
  });

  describe('caching and URL limits', () => {
    it('marks authenticated answers (and their errors) no-store', async () => {
      const me = await h.http().get('/v1/profiles/me').set(user.auth);
      expect(me.status).toBe(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const missing = await h.http().get('/v1/notifications/00000000-0000-4000-8000-000000000000').set(user.auth);
      expect(missing.headers['cache-control']).toBe('no-store');
    });

    it('answers a too-long path parameter as problem+json', async () => {
      const res = await h
        .http()
        .post(`/v1/notifications/${'a'.repeat(300)}/read`)
        .set(user.auth);
      expectProblem(res, 414, 'URI_TOO_LONG');
    });
  });
});
