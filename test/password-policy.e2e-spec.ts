import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, startHarness, uniqueEmail, type Harness } from './support/harness.js';

describe('password policy (NIST SP 800-63B)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  const register = (password: string) =>
    h
      .http()
      .post('/v1/auth/register')
      .send({ email: uniqueEmail('pw'), password, displayName: 'Pw', roles: ['learner'] });

  it.each(['1234567890', 'qwertyuiop', 'password123', 'PassWord123'])(
    'refuses the common password %s with 400 PASSWORD_TOO_COMMON at field password',
    async (password) => {
      const res = await register(password);
      expectProblem(res, 400, 'PASSWORD_TOO_COMMON');
      expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/common/) }]);
    },
  );

  it('refuses a password of only whitespace', async () => {
    const res = await register(' '.repeat(10));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/whitespace/) }]);
  });

  it('keeps the 10–128 length bounds and accepts an uncommon passphrase', async () => {
    expectProblem(await register('short pw'), 400, 'VALIDATION_FAILED');
    expectProblem(await register('x'.repeat(129)), 400, 'VALIDATION_FAILED');
    expect((await register('violet kettle under the bridge')).status).toBe(201);
  });

  it('creates no account for a refused password', async () => {
    const email = uniqueEmail('pw-none');
    const res = await h
      .http()
      .post('/v1/auth/register')
      .send({ email, password: '1234567890', displayName: 'Pw', roles: ['learner'] });
    expectProblem(res, 400, 'PASSWORD_TOO_COMMON');
    const [{ n }] = await h.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(n).toBe(0);
  });
});
