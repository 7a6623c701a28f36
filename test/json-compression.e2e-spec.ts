import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PASSWORD, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';

/** An answer's headers and raw bytes, undecoded (supertest and fetch inflate compressed bodies themselves). */
function rawGet(url: string, encoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('large JSON answers are compressed for clients that accept it', () => {
  let h: Harness;
  let user: TestUser;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
    user = await registerUser(h, ['learner']);
  });
  afterAll(() => h.close());

  it('answers the skill taxonomy in Brotli, else gzip, else plain, varying on Accept-Encoding', async () => {
    const plain = await h.http().get('/v1/skills').set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const text = JSON.stringify(plain.body);
    expect(text.length).toBeGreaterThan(2048);

    const br = await rawGet(`${h.url}/v1/skills`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(text.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(plain.body);

    const gz = await rawGet(`${h.url}/v1/skills`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(plain.body);
  });

  it('leaves small answers and answers carrying tokens uncompressed', async () => {
    const small = await h.http().get('/v1/notifications/unread-count').set(user.auth).set('Accept-Encoding', 'br');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const login = await h
      .http()
      .post('/v1/auth/login')
      .set('Accept-Encoding', 'br, gzip')
      .send({ email: user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers['content-encoding']).toBeUndefined();
    expect(typeof login.body.accessToken).toBe('string');
  });
});
