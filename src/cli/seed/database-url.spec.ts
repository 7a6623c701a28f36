import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { embeddedDatabaseUrl, seedDatabaseUrl } from './database-url.js';

describe('seedDatabaseUrl', () => {
  let server: net.Server;
  let port: number;
  beforeAll(async () => {
    server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('prefers DATABASE_URL', async () => {
    const url = 'postgres://someone@db.example:5432/guildhall';
    expect(await seedDatabaseUrl({ DATABASE_URL: url, EMBEDDED_PG_PORT: String(port) })).toEqual({
      url,
      source: 'DATABASE_URL',
    });
  });

  it("finds npm start's embedded database when it answers on EMBEDDED_PG_PORT", async () => {
    expect(await seedDatabaseUrl({ EMBEDDED_PG_PORT: String(port) })).toEqual({
      url: embeddedDatabaseUrl(port),
      source: 'embedded',
    });
    expect(embeddedDatabaseUrl(port)).toBe(`postgres://postgres:guildhall@127.0.0.1:${port}/guildhall`);
  });

  it('answers null when nothing listens there (the configured default applies)', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await seedDatabaseUrl({ EMBEDDED_PG_PORT: String(free) })).toBeNull();
    expect(await seedDatabaseUrl({ EMBEDDED_PG_PORT: 'not-a-port' })).toBeNull();
  });
});
