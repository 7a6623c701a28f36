import { describe, it, expect } from '@jest/globals';
import { createHmac } from 'node:crypto';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookHeaders,
  type WebhookSignatureHeaders,
} from './signature.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const msgId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const timestamp = 1614265330;
const body = '{"test": 2432232314}';
const nowMs = timestamp * 1000;

function reference(secretValue: string, id: string, ts: number, payload: string): string {
  const key = Buffer.from(secretValue.replace(/^whsec_/, ''), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${ts}.${payload}`).digest('base64');
}

function headersFor(signature: string, ts = timestamp, id = msgId): WebhookSignatureHeaders {
  return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature };
}

describe('generateWebhookSecret', () => {
  it('is whsec_ plus base64 of 32 random bytes', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('signWebhook', () => {
  it('matches the Standard Webhooks published vector', () => {
    expect(signWebhook(secret, msgId, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('matches an independent HMAC-SHA256 over id.timestamp.body, including non-ASCII bodies', () => {
    const fresh = generateWebhookSecret();
    const payloads = ['', '{"type":"meetup.updated","data":{"meetupId":"x"}}', '{"name":"Zoë 🐘 — naïve"}'];
    for (const payload of payloads) {
      expect(signWebhook(fresh, 'msg_1', 1700000000, payload)).toBe(reference(fresh, 'msg_1', 1700000000, payload));
    }
  });

  it('rejects a fractional timestamp', () => {
    expect(() => signWebhook(secret, msgId, 1.5, body)).toThrow(TypeError);
  });
});

describe('verifyWebhook', () => {
  const good = reference(secret, msgId, timestamp, body);

  it('accepts a genuine signature within the tolerance', () => {
    expect(verifyWebhook(secret, headersFor(good), body, { now: nowMs })).toBe(true);
    expect(verifyWebhook(secret, headersFor(good), body, { now: nowMs + 299_000 })).toBe(true);
  });

  it('accepts when any of several space-separated signatures matches', () => {
    const other = reference(generateWebhookSecret(), msgId, timestamp, body);
    expect(verifyWebhook(secret, headersFor(`${other} v1a,abc ${good}`), body, { now: nowMs })).toBe(true);
    expect(verifyWebhook(secret, headersFor(`${other} v2,xyz`), body, { now: nowMs })).toBe(false);
  });

  it('rejects a tampered body, id, timestamp or signature', () => {
    expect(verifyWebhook(secret, headersFor(good), '{"test": 2432232315}', { now: nowMs })).toBe(false);
    expect(verifyWebhook(secret, headersFor(good, timestamp, 'msg_other'), body, { now: nowMs })).toBe(false);
    expect(verifyWebhook(secret, headersFor(good, timestamp + 1), body, { now: nowMs })).toBe(false);
    const flipped = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11);
    expect(verifyWebhook(secret, headersFor(flipped), body, { now: nowMs })).toBe(false);
    expect(verifyWebhook(secret, headersFor(good.replace('v1,', 'v2,')), body, { now: nowMs })).toBe(false);
    expect(verifyWebhook(secret, headersFor(`${good}AA`), body, { now: nowMs })).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyWebhook(generateWebhookSecret(), headersFor(good), body, { now: nowMs })).toBe(false);
  });

  it('rejects expired and far-future timestamps, with a configurable tolerance', () => {
    expect(verifyWebhook(secret, headersFor(good), body, { now: nowMs + 301_000 })).toBe(false);
    expect(verifyWebhook(secret, headersFor(good), body, { now: nowMs - 301_000 })).toBe(false);
    expect(verifyWebhook(secret, headersFor(good), body, { now: nowMs + 60_000, toleranceSeconds: 30 })).toBe(false);
    expect(verifyWebhook(secret, headersFor(good), body, { now: nowMs + 3_600_000, toleranceSeconds: 7200 })).toBe(
      true,
    );
  });

  it('answers false, without throwing, for malformed headers', () => {
    expect(
      verifyWebhook(secret, { ...headersFor(good), 'webhook-timestamp': '16142653.30' }, body, { now: nowMs }),
    ).toBe(false);
    expect(verifyWebhook(secret, { ...headersFor(good), 'webhook-timestamp': '' }, body, { now: nowMs })).toBe(false);
    expect(verifyWebhook(secret, { ...headersFor(good), 'webhook-id': '' }, body, { now: nowMs })).toBe(false);
    expect(verifyWebhook(secret, headersFor(''), body, { now: nowMs })).toBe(false);
    expect(verifyWebhook('whsec_', headersFor(good), body, { now: nowMs })).toBe(false);
  });
});

describe('webhookHeaders', () => {
  it('builds headers that verify, with the timestamp in seconds', () => {
    const fresh = generateWebhookSecret();
    const now = 1_800_000_000_987;
    const headers = webhookHeaders(fresh, 'msg_42', '{"a":1}', now);
    expect(headers).toEqual({
      'webhook-id': 'msg_42',
      'webhook-timestamp': '1800000000',
      'webhook-signature': reference(fresh, 'msg_42', 1_800_000_000, '{"a":1}'),
      'content-type': 'application/json',
    });
    expect(
      verifyWebhook(
        fresh,
        {
          'webhook-id': headers['webhook-id'],
          'webhook-timestamp': headers['webhook-timestamp'],
          'webhook-signature': headers['webhook-signature'],
        },
        '{"a":1}',
        { now },
      ),
    ).toBe(true);
  });
});
