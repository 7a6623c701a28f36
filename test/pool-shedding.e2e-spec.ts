import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { expectProblem, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';

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
