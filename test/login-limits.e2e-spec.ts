import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { expectProblem, PASSWORD, registerUser, startHarness, uniqueEmail, type Harness } from './support/harness.js';

// Keys under the run's prefix (removed at the end of the run) but apart from other specs' counters.
const privatePrefix = (tag: string) => `${process.env.QUEUE_PREFIX}:${tag}${randomBytes(3).toString('hex')}`;
let lastOctet = 0;
/** A client address of its own for each simulated client (TEST-NET-3). */
const nextAddress = () => `203.0.113.${++lastOctet}`;

describe('client addresses and login limits', () => {
  let direct: Harness;
  let proxied: Harness;
  beforeAll(async () => {
    direct = await startHarness({ worker: false, env: { QUEUE_PREFIX: privatePrefix('direct') } });
    proxied = await startHarness({
      worker: false,
      env: {
        QUEUE_PREFIX: privatePrefix('proxied'),
        TRUST_PROXY: '127.0.0.1',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '15',
      },
    });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  const remaining = (res: { headers: Record<string, string> }) => Number(res.headers['ratelimit-remaining']);

  describe('TRUST_PROXY', () => {
    it('unset: X-Forwarded-For does not give a client a fresh rate-limit bucket', async () => {
      const first = await direct.http().get('/v1/skills').set('X-Forwarded-For', nextAddress());
      const second = await direct.http().get('/v1/skills').set('X-Forwarded-For', nextAddress());
      expect(first.status).toBe(200);
      expect(remaining(second)).toBeLessThan(remaining(first));
    });

    it('127.0.0.1: the address that proxy forwards is the client, with a bucket of its own', async () => {
      const limit = proxied.config.rateLimitPerMinute;
      const first = await proxied.http().get('/v1/skills').set('X-Forwarded-For', nextAddress());
      const second = await proxied.http().get('/v1/skills').set('X-Forwarded-For', nextAddress());
      expect([remaining(first), remaining(second)]).toEqual([limit - 1, limit - 1]);
      const address = nextAddress();
      await proxied.http().get('/v1/skills').set('X-Forwarded-For', address);
      const again = await proxied.http().get('/v1/skills').set('X-Forwarded-For', address);
      expect(remaining(again)).toBe(limit - 2);
    });
  });

  describe('login failures', () => {
    const login = (email: string, password: string, address: string) =>
      proxied.http().post('/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

    it('30 parallel wrong passwords on one account: exactly LOGIN_MAX_FAILURES_PER_HOUR 401s, then 429', async () => {
      const user = await registerUser(proxied);
      const address = nextAddress();
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => login(user.email, 'wrong password!', address)),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(proxied.config.loginMaxFailuresPerHour);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30 - proxied.config.loginMaxFailuresPerHour);
      const refused = answers.find((r) => r.status === 429)!;
      expectProblem(refused, 429, 'TOO_MANY_LOGIN_FAILURES');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The right password from that same address is refused too: the lock holds against it.
      expectProblem(await login(user.email, PASSWORD, address), 429, 'TOO_MANY_LOGIN_FAILURES');
    });

    it('a locked account admits its owner from an address without failures; a new address gets one guess', async () => {
      const user = await registerUser(proxied);
      const attacker = nextAddress();
      for (let i = 0; i < proxied.config.loginMaxFailuresPerHour; i++) {
        expect((await login(user.email, `guess number ${i}`, attacker)).status).toBe(401);
      }
      expectProblem(await login(user.email, 'guess number x', attacker), 429, 'TOO_MANY_LOGIN_FAILURES');

      const owner = await login(user.email, PASSWORD, nextAddress());
      expect(owner.status).toBe(200);
      expect(owner.body.user.id).toBe(user.id);

      // Signing in forgave the account's failures; lock it again, then a fresh address guesses once.
      const second = nextAddress();
      for (let i = 0; i < proxied.config.loginMaxFailuresPerHour; i++) {
        expect((await login(user.email, `again ${i}`, second)).status).toBe(401);
      }
      const other = nextAddress();
      expect((await login(user.email, 'one more guess', other)).status).toBe(401);
      expectProblem(await login(user.email, PASSWORD, other), 429, 'TOO_MANY_LOGIN_FAILURES');
    });

    it('limits failures per client address across accounts (LOGIN_MAX_FAILURES_PER_ADDRESS)', async () => {
      const user = await registerUser(proxied);
      const sprayer = nextAddress();
      for (let i = 0; i < 15; i++) {
        expect((await login(uniqueEmail('spray'), 'a wrong password', sprayer)).status).toBe(401);
      }
      expectProblem(await login(uniqueEmail('spray'), 'a wrong password', sprayer), 429, 'TOO_MANY_LOGIN_FAILURES');
      expectProblem(await login(user.email, PASSWORD, sprayer), 429, 'TOO_MANY_LOGIN_FAILURES');
      expect((await login(user.email, PASSWORD, nextAddress())).status).toBe(200);
    });

    it('a right password hands its attempt back: successful logins never use up an address', async () => {
      const user = await registerUser(proxied);
      const address = nextAddress();
      for (let i = 0; i < 20; i++) expect((await login(user.email, PASSWORD, address)).status).toBe(200);
    });
  });
});
