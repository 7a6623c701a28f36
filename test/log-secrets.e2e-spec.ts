import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { PASSWORD, registerUser, startHarness, type Harness } from './support/harness.js';

/** Everything the API logs, at info level (access logs included), kept in memory. */
function captureLog(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('logs of a hostile run', () => {
  const log = captureLog();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { LOG_LEVEL: 'info' }, logDestination: log.stream });
  });
  afterAll(() => h.close());

  it('hold none of the secrets the run used', async () => {
    const user = await registerUser(h);
    const lat = '52.123457';
    const lng = '13.765432';
    const feedUrl = (await h.http().get('/v1/calendar/feed').set(user.auth)).body.url as string;
    const token = /\/v1\/calendar\/([^.]+)\.ics$/.exec(feedUrl)![1];

    await h.http().post('/v1/auth/login').send({ email: user.email, password: 'not the password' });
    await h.http().post('/v1/auth/login').send({ email: user.email, password: PASSWORD });
    // Text PostgreSQL cannot store, next to coordinates and an e-mail: once a 500 whose query was logged.
    await h
      .http()
      .patch('/v1/profiles/me')
      .set(user.auth)
      .send({ location: { city: 'Ber\u0000lin', country: 'DE', lat: Number(lat), lng: Number(lng) } });
    await h
      .http()
      .post('/v1/auth/login')
      .send({ email: `${user.email}\u0000`, password: PASSWORD });
    for (const path of [
      `/v1/calendar/${token}.ics`,
      `/v1/calendar/${token}%2Eics`,
      `/v1/calendar/${token}%2eics?x=1`,
      `/V1/CALENDAR/${token}.ics`,
      `/v1/calendar/${token}`,
    ]) {
      await h.http().get(path);
    }
    await h.http().get(`/v1/meetups?near=${lat},${lng}&radiusKm=5`).set(user.auth);
    await h.http().get(`/v1/skills?q=${encodeURIComponent(user.email)}`);
    await h.http().get(`/v1/skills?q=${lat}`);
    await h.http().post('/v1/auth/refresh').send({ refreshToken: user.refreshToken });
    await h
      .http()
      .post('/v1/auth/login')
      .set('content-type', 'application/json')
      .send(`{"password":${'['.repeat(30000)}${']'.repeat(30000)}}`);
    // A query that fails inside the API's own DataSource, with the secrets as its parameters.
    await expect(h.db.query('SELECT $1::int, $2::float8', [user.email, lat])).rejects.toThrow();

    const text = log.lines.join('\n');
    expect(log.lines.filter((l) => l.includes('request completed')).length).toBeGreaterThan(10);
    for (const secret of [
      user.email,
      encodeURIComponent(user.email),
      user.email.split('@')[0],
      token,
      lat,
      lng,
      user.accessToken,
      user.refreshToken.split('.')[1],
      PASSWORD,
    ]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
    // The failed query was logged (pino writes synchronously to this stream), without its parameters.
    expect(text).toContain('query failed (22P02)');
    // Nothing of the run was an unexpected error: no 500, no stack trace (the deep body included).
    const errors = log.lines.filter((l) => /"level":"(error|fatal)"/.test(l));
    expect(errors.every((l) => l.includes('"context":"TypeORM"'))).toBe(true);
    expect(text).not.toContain('"statusCode":500');
    expect(text).not.toMatch(/RangeError|Maximum call stack/);
  });
});
