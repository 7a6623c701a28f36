import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook, WebhookDeliveryError, MAX_RESPONSE_BYTES } from './webhook-sender.js';
import { generateWebhookSecret, verifyWebhook } from './signature.js';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('sendWebhook', () => {
  let server: Server;
  let base: string;
  let port: number;
  const received: Received[] = [];
  let endlessClosed: Promise<number>;
  let markEndlessClosed: (bytes: number) => void;

  beforeAll(async () => {
    endlessClosed = new Promise((resolve) => (markEndlessClosed = resolve));
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const path = req.url ?? '/';
        if (path.startsWith('/ok')) {
          res.writeHead(204).end();
        } else if (path === '/redirect') {
          res.writeHead(302, { location: `${base}/ok-after-redirect` }).end();
        } else if (path === '/slow') {
          // Never answers: the sender's deadline must end the exchange.
        } else if (path.startsWith('/status/')) {
          const status = Number(path.slice('/status/'.length));
          res.writeHead(status, status === 503 || status === 429 ? { 'retry-after': '7' } : {}).end('nope');
        } else if (path === '/endless') {
          let written = 0;
          const chunk = Buffer.alloc(16 * 1024, 'x');
          res.writeHead(200, { 'content-type': 'text/plain' });
          const pump = () => {
            let flowing = true;
            while (!res.destroyed && flowing) {
              flowing = res.write(chunk);
              written += chunk.length;
            }
            if (!res.destroyed) res.once('drain', pump);
          };
          res.on('close', () => markEndlessClosed(written));
          pump();
        } else {
          res.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const secret = generateWebhookSecret();
  const body = JSON.stringify({ type: 'meetup.updated', data: { meetupId: '0c7d…', note: 'Zoë 🐘' } });

  async function failure(promise: Promise<unknown>): Promise<WebhookDeliveryError> {
    const err = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WebhookDeliveryError);
    return err as WebhookDeliveryError;
  }

  it('POSTs the body with Standard Webhooks headers that verify', async () => {
    const now = Date.now();
    const result = await sendWebhook(
      { url: `${base}/ok?x=1`, secret, msgId: 'msg_01', body },
      { allowPrivate: true, timeoutMs: 2000, now },
    );
    expect(result).toEqual({ status: 204 });

    const got = received.find((r) => r.path === '/ok?x=1');
    expect(got).toBeDefined();
    const { headers } = got as Received;
    expect(got?.method).toBe('POST');
    expect(got?.body).toBe(body);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(headers['webhook-id']).toBe('msg_01');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now / 1000)));
    const signatureHeaders = {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    };
    expect(verifyWebhook(secret, signatureHeaders, got?.body ?? '', { now })).toBe(true);
    expect(verifyWebhook(secret, signatureHeaders, `${got?.body} `, { now })).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), signatureHeaders, got?.body ?? '', { now })).toBe(false);
  });

  it('refuses 127.0.0.1 without allowPrivate and never connects', async () => {
    const before = received.length;
    const overHttp = await failure(
      sendWebhook({ url: `${base}/ok`, secret, msgId: 'm', body }, { allowPrivate: false, timeoutMs: 2000 }),
    );
    expect(overHttp.message).toContain('must use https');
    expect(overHttp.retryable).toBe(false);

    const overHttps = await failure(
      sendWebhook(
        { url: `https://127.0.0.1:${port}/ok`, secret, msgId: 'm', body },
        { allowPrivate: false, timeoutMs: 2000 },
      ),
    );
    expect(overHttps.message).toContain('non-public address (127.0.0.1)');
    expect(overHttps.retryable).toBe(false);

    const decimal = await failure(
      sendWebhook(
        { url: `https://2130706433:${port}/ok`, secret, msgId: 'm', body },
        { allowPrivate: false, timeoutMs: 2000 },
      ),
    );
    expect(decimal.message).toContain('non-public address (127.0.0.1)');

    const byName = await failure(
      sendWebhook(
        { url: `https://localhost:${port}/ok`, secret, msgId: 'm', body },
        { allowPrivate: false, timeoutMs: 2000 },
      ),
    );
    expect(byName.message).toContain('non-public address');
    expect(byName.retryable).toBe(false);
    expect(received.length).toBe(before);
  });

  it('treats a redirect as a non-retryable failure and does not follow it', async () => {
    const err = await failure(
      sendWebhook({ url: `${base}/redirect`, secret, msgId: 'm', body }, { allowPrivate: true, timeoutMs: 2000 }),
    );
    expect(err.status).toBe(302);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('redirect');
    expect(received.some((r) => r.path === '/ok-after-redirect')).toBe(false);
  });

  it('times out on a receiver that never answers', async () => {
    const started = Date.now();
    const err = await failure(
      sendWebhook({ url: `${base}/slow`, secret, msgId: 'm', body }, { allowPrivate: true, timeoutMs: 300 }),
    );
    const elapsed = Date.now() - started;
    expect(err.message).toContain('timed out after 300 ms');
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });

  it.each([
    [400, false],
    [401, false],
    [404, false],
    [410, false],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
  ])('a %i answer fails with retryable=%s and carries the status', async (status, retryable) => {
    const err = await failure(
      sendWebhook(
        { url: `${base}/status/${status}`, secret, msgId: 'm', body },
        { allowPrivate: true, timeoutMs: 2000 },
      ),
    );
    expect(err.status).toBe(status);
    expect(err.retryable).toBe(retryable);
    if (status === 429 || status === 503) expect(err.retryAfterSeconds).toBe(7);
  });

  it('succeeds on a 2xx with an endless body and stops reading it past the cap', async () => {
    const result = await sendWebhook(
      { url: `${base}/endless`, secret, msgId: 'm', body },
      { allowPrivate: true, timeoutMs: 10_000 },
    );
    expect(result).toEqual({ status: 200 });
    const started = Date.now();
    const written = await endlessClosed;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(written).toBeGreaterThan(MAX_RESPONSE_BYTES);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const err = await failure(
      sendWebhook(
        { url: `http://127.0.0.1:${deadPort}/`, secret, msgId: 'm', body },
        { allowPrivate: true, timeoutMs: 2000 },
      ),
    );
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('ECONNREFUSED');
  });
});
