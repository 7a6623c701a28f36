import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  eventually,
  expectProblem,
  PASSWORD,
  registerUser,
  startHarness,
  uniqueEmail,
  type Harness,
} from './support/harness.js';
import { awaitLinkToken, decodeQp, mailsTo } from './support/mail-links.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const BASE = 'https://app.guildhall.test';
const NEW_PASSWORD = 'a whole new passphrase';
let clientCounter = 0;
/** A client address of its own per test (the API trusts the loopback proxy), so limits do not leak across tests. */
const client = () => `198.51.100.${++clientCounter}`;

describe('account recovery: e-mail verification, password reset, password and e-mail change', () => {
  let h: Harness;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startHarness({
      env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: BASE, PASSWORD_RESETS_PER_HOUR: '2', TRUST_PROXY: '127.0.0.1' },
    });
  });

  afterAll(async () => {
    await h.close();
    await sink.close();
  });

  const verifyToken = (address: string, n = 1) => awaitLinkToken(sink, address, BASE, '/verify-email', n);
  const resetToken = (address: string, n = 1) => awaitLinkToken(sink, address, BASE, '/reset-password', n);
  const askReset = (email: string, from = client()) =>
    h.http().post('/v1/auth/password-reset').set('X-Forwarded-For', from).send({ email });
  const me = (token: string) => h.http().get('/v1/me').set('Authorization', `Bearer ${token}`);
  const login = (email: string, password: string) => h.http().post('/v1/auth/login').send({ email, password });

  describe('e-mail verification', () => {
    it('register mails a link to the web app; following it verifies the address, once', async () => {
      const u = await registerUser(h);
      expect((await me(u.accessToken)).body.emailVerified).toBe(false);
      const token = await verifyToken(u.email);
      const mail = decodeQp(mailsTo(sink, u.email)[0].raw);
      expect(mail).toContain('Content-Type: text/plain');
      expect(mail).toContain('Content-Type: text/html');
      expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url

      const ok = await h.http().post('/v1/auth/email-verification/confirm').send({ token });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({
        id: u.id,
        email: u.email,
        displayName: 'Test learner',
        roles: ['learner'],
        emailVerified: true,
      });
      expect((await me(u.accessToken)).body.emailVerified).toBe(true);

      const again = await h.http().post('/v1/auth/email-verification/confirm').send({ token });
      expectProblem(again, 400, 'INVALID_TOKEN');
    });

    it('stores only the SHA-256 of a token; unknown, malformed and expired tokens are 400 INVALID_TOKEN', async () => {
      const u = await registerUser(h);
      const token = await verifyToken(u.email);
      const rows: { token_hash: Buffer; email: string }[] = await h.db.query(
        `SELECT token_hash, email FROM account_link_tokens WHERE user_id = $1`,
        [u.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
      const dump = JSON.stringify(await h.db.query(`SELECT * FROM account_link_tokens WHERE user_id = $1`, [u.id]));
      expect(dump).not.toContain(token);

      for (const bad of ['x'.repeat(43), 'short', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')]) {
        expectProblem(
          await h.http().post('/v1/auth/email-verification/confirm').send({ token: bad }),
          400,
          'INVALID_TOKEN',
        );
      }
      await h.db.query(
        `UPDATE account_link_tokens SET created_at = now() - interval '49 hours', expires_at = now() - interval '1 hour'
          WHERE user_id = $1`,
        [u.id],
      );
      expectProblem(await h.http().post('/v1/auth/email-verification/confirm').send({ token }), 400, 'INVALID_TOKEN');
      expect((await me(u.accessToken)).body.emailVerified).toBe(false);
    });

    it('a verification link expires after 48 hours', async () => {
      const u = await registerUser(h);
      await verifyToken(u.email);
      const [row] = await h.db.query(
        `SELECT round(extract(epoch FROM expires_at - created_at))::int AS ttl
           FROM account_link_tokens WHERE user_id = $1`,
        [u.id],
      );
      expect(row.ttl).toBe(48 * 3600);
    });

    it('a signed-in member can ask for a new link (202); anonymous callers cannot (401)', async () => {
      const u = await registerUser(h);
      await verifyToken(u.email);
      const res = await h.http().post('/v1/auth/email-verification').set(u.auth);
      expect(res.status).toBe(202);
      const second = await verifyToken(u.email, 2);
      expect((await h.http().post('/v1/auth/email-verification/confirm').send({ token: second })).status).toBe(200);
      expectProblem(await h.http().post('/v1/auth/email-verification'), 401);
    });
  });

  describe('password reset', () => {
    it('mails a link; following it sets the password and ends every session, access tokens included', async () => {
      const u = await registerUser(h);
      const other = await login(u.email, PASSWORD);
      expect(other.status).toBe(200);
      expect((await askReset(u.email)).status).toBe(202);
      const token = await resetToken(u.email);

      // A rejected password spends nothing: the same link still works.
      const weak = await h.http().post('/v1/auth/password-reset/confirm').send({ token, password: 'password123' });
      expectProblem(weak, 400, 'PASSWORD_TOO_COMMON');

      const done = await h.http().post('/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD });
      expect(done.status).toBe(204);
      for (const s of [u, { accessToken: other.body.accessToken, refreshToken: other.body.refreshToken }]) {
        expectProblem(await me(s.accessToken), 401);
        expectProblem(await h.http().post('/v1/auth/refresh').send({ refreshToken: s.refreshToken }), 401);
      }
      expectProblem(await login(u.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
      expect((await login(u.email, NEW_PASSWORD)).status).toBe(200);

      const replay = await h
        .http()
        .post('/v1/auth/password-reset/confirm')
        .send({ token, password: 'yet another passphrase' });
      expectProblem(replay, 400, 'INVALID_TOKEN');
    });

    it('answers 202 for an address without an account, mails nothing, and does the same work', async () => {
      const nobody = uniqueEmail('nobody');
      const u = await registerUser(h);
      const before: { n: number }[] = await h.db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'account.password_reset_requested'`,
      );
      const a = await askReset(nobody);
      const b = await askReset(u.email);
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body).toEqual({ status: 'queued' });
      expect(a.text).toBe(b.text);
      expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
      // Both paths write one outbox row (the mail is sent by the worker, never inline).
      const after: { n: number }[] = await h.db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'account.password_reset_requested'`,
      );
      expect(after[0].n - before[0].n).toBe(2);
      await resetToken(u.email);
      await new Promise((r) => setTimeout(r, 300));
      expect(mailsTo(sink, nobody)).toHaveLength(0);
    });

    it('an expired reset link (older than an hour) is 400 INVALID_TOKEN and changes nothing', async () => {
      const u = await registerUser(h);
      await askReset(u.email);
      const token = await resetToken(u.email);
      const [row] = await h.db.query(
        `SELECT round(extract(epoch FROM expires_at - created_at))::int AS ttl FROM account_link_tokens
          WHERE user_id = $1 AND purpose = 'password_reset'`,
        [u.id],
      );
      expect(row.ttl).toBe(3600);
      await h.db.query(
        `UPDATE account_link_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
          WHERE user_id = $1`,
        [u.id],
      );
      const res = await h.http().post('/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD });
      expectProblem(res, 400, 'INVALID_TOKEN');
      expect((await login(u.email, PASSWORD)).status).toBe(200);
      expect((await me(u.accessToken)).status).toBe(200);
    });

    it('two racing uses of one reset link: one sets the password, the other is 400 INVALID_TOKEN', async () => {
      const u = await registerUser(h);
      await askReset(u.email);
      const token = await resetToken(u.email);
      const [a, b] = await Promise.all(
        ['first racing passphrase', 'second racing passphrase'].map((password) =>
          h.http().post('/v1/auth/password-reset/confirm').send({ token, password }),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([204, 400]);
      expectProblem(a.status === 400 ? a : b, 400, 'INVALID_TOKEN');
      const winner = a.status === 204 ? 'first racing passphrase' : 'second racing passphrase';
      expect((await login(u.email, winner)).status).toBe(200);
    });

    it('a verification token is no reset token', async () => {
      const u = await registerUser(h);
      const token = await verifyToken(u.email);
      const res = await h.http().post('/v1/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD });
      expectProblem(res, 400, 'INVALID_TOKEN');
    });

    it(`limits requests per address (PASSWORD_RESETS_PER_HOUR) with 429 and Retry-After, known or not`, async () => {
      for (const email of [(await registerUser(h)).email, uniqueEmail('nobody')]) {
        expect((await askReset(email)).status).toBe(202);
        expect((await askReset(email)).status).toBe(202);
        const third = await askReset(email);
        expectProblem(third, 429, 'PASSWORD_RESETS_LIMITED');
        const retryAfter = Number(third.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(3500);
        expect(retryAfter).toBeLessThanOrEqual(3600);
        // The address case does not matter.
        expectProblem(await askReset(email.toUpperCase()), 429, 'PASSWORD_RESETS_LIMITED');
      }
    });

    it('limits requests per client address to four times that, with 429 and Retry-After', async () => {
      const from = client();
      for (let i = 0; i < 8; i++) expect((await askReset(uniqueEmail('spray'), from)).status).toBe(202);
      const ninth = await askReset(uniqueEmail('spray'), from);
      expectProblem(ninth, 429, 'PASSWORD_RESETS_LIMITED');
      expect(Number(ninth.headers['retry-after'])).toBeGreaterThan(3500);
      // Another client address is not affected.
      expect((await askReset(uniqueEmail('spray'))).status).toBe(202);
    });

    it('rejects a body that is not just an e-mail (400)', async () => {
      expectProblem(await h.http().post('/v1/auth/password-reset').send({ email: 'a@b.test', admin: true }), 400);
      expectProblem(await h.http().post('/v1/auth/password-reset/confirm').send({ token: 'x' }), 400);
    });
  });

  describe('POST /v1/me/password', () => {
    it('changes the password and ends every other session; the caller stays signed in', async () => {
      const u = await registerUser(h);
      const other = (await login(u.email, PASSWORD)).body as { accessToken: string; refreshToken: string };
      await h.http().post('/v1/auth/password-reset').set('X-Forwarded-For', client()).send({ email: u.email });
      const pendingReset = await resetToken(u.email);

      const res = await h
        .http()
        .post('/v1/me/password')
        .set(u.auth)
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(204);
      expect((await me(u.accessToken)).status).toBe(200);
      expect((await h.http().post('/v1/auth/refresh').send({ refreshToken: u.refreshToken })).status).toBe(200);
      expectProblem(await me(other.accessToken), 401);
      expectProblem(await h.http().post('/v1/auth/refresh').send({ refreshToken: other.refreshToken }), 401);
      expect((await login(u.email, NEW_PASSWORD)).status).toBe(200);
      // A reset link mailed before the change cannot undo it.
      const late = await h
        .http()
        .post('/v1/auth/password-reset/confirm')
        .send({ token: pendingReset, password: PASSWORD });
      expectProblem(late, 400, 'INVALID_TOKEN');
    });

    it('a wrong current password is 400 WRONG_PASSWORD; a common new one is 400; nothing changes', async () => {
      const u = await registerUser(h);
      const wrong = await h
        .http()
        .post('/v1/me/password')
        .set(u.auth)
        .send({ currentPassword: 'not the password', newPassword: NEW_PASSWORD });
      expectProblem(wrong, 400, 'WRONG_PASSWORD');
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
      const common = await h
        .http()
        .post('/v1/me/password')
        .set(u.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'password123' });
      expectProblem(common, 400, 'PASSWORD_TOO_COMMON');
      // Named after the field the client sent, so the form shows it at "New password".
      expect(common.body.errors).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
      expect((await login(u.email, PASSWORD)).status).toBe(200);
      expectProblem(
        await h.http().post('/v1/me/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        401,
      );
    });
  });

  describe('PATCH /v1/me (e-mail change)', () => {
    it('moves the account to the new address unverified, mails it a link and the old address a notice', async () => {
      const u = await registerUser(h);
      const oldLink = await verifyToken(u.email);
      const next = uniqueEmail('moved');
      const res = await h
        .http()
        .patch('/v1/me')
        .set(u.auth)
        .send({ email: next.toUpperCase(), currentPassword: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: u.id,
        email: next,
        displayName: 'Test learner',
        roles: ['learner'],
        emailVerified: false,
      });

      const notice = await eventually(() =>
        mailsTo(sink, u.email).find((m) => decodeQp(m.raw).includes('address was changed')),
      );
      expect(decodeQp(notice.raw)).toContain(`${BASE}/forgot-password`);
      // The link mailed to the old address verifies nothing any more.
      expectProblem(
        await h.http().post('/v1/auth/email-verification/confirm').send({ token: oldLink }),
        400,
        'INVALID_TOKEN',
      );
      const token = await verifyToken(next);
      const ok = await h.http().post('/v1/auth/email-verification/confirm').send({ token });
      expect(ok.body).toMatchObject({ email: next, emailVerified: true });

      const inbox = await eventually(async () => {
        const r = await h.http().get('/v1/notifications').set(u.auth);
        return r.body.items.find((n: { type: string }) => n.type === 'account.email_changed');
      });
      expect(inbox.data).not.toHaveProperty('oldEmail');
      expect((await login(next, PASSWORD)).status).toBe(200);
      expectProblem(await login(u.email, PASSWORD), 401);
      // Only the verification link went to the new address: the notice is for the old one.
      expect(mailsTo(sink, next)).toHaveLength(1);
    });

    it('a wrong password is 400; an address in use is 409 EMAIL_TAKEN; nothing changes', async () => {
      const u = await registerUser(h);
      const other = await registerUser(h);
      const wrong = await h
        .http()
        .patch('/v1/me')
        .set(u.auth)
        .send({ email: uniqueEmail(), currentPassword: 'nope nope nope' });
      expectProblem(wrong, 400, 'WRONG_PASSWORD');
      const taken = await h.http().patch('/v1/me').set(u.auth).send({ email: other.email, currentPassword: PASSWORD });
      expectProblem(taken, 409, 'EMAIL_TAKEN');
      expectProblem(
        await h.http().patch('/v1/me').set(u.auth).send({ email: 'not-an-address', currentPassword: PASSWORD }),
        400,
      );
      expect((await me(u.accessToken)).body.email).toBe(u.email);
    });
  });
});
