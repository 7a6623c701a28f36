// Webhook signing in the Standard Webhooks scheme (https://www.standardwebhooks.com):
// signature = base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), sent as `v1,<signature>`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookSignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export interface VerifyWebhookOptions {
  /** Current time in epoch milliseconds (as Date.now()). */
  now?: number;
  toleranceSeconds?: number;
}

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new TypeError('webhook secret must be whsec_ followed by a base64 key');
  return key;
}

/** `timestamp` is in unix seconds. */
export function signWebhook(secret: string, msgId: string, timestamp: number, body: string): string {
  if (!Number.isSafeInteger(timestamp)) throw new TypeError('webhook timestamp must be whole unix seconds');
  const mac = createHmac('sha256', secretKey(secret)).update(`${msgId}.${timestamp}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * True when one of the space-separated `v1,` signatures matches and the timestamp lies within the tolerance
 * (either side of now, which stops replays of old messages). Malformed input yields false, never a throw.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookSignatureHeaders,
  body: string,
  opts: VerifyWebhookOptions = {},
): boolean {
  const msgId = headers['webhook-id'];
  const rawTimestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!msgId || !rawTimestamp || !signatures || !/^\d{1,15}$/.test(rawTimestamp)) return false;
  const timestamp = Number(rawTimestamp);
  const nowSeconds = Math.floor((opts.now ?? Date.now()) / 1000);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - timestamp) > tolerance) return false;

  let expected: string;
  try {
    expected = signWebhook(secret, msgId, timestamp, body);
  } catch {
    return false;
  }
  let matched = false;
  // Every candidate is compared so the time taken does not reveal which one matched.
  for (const candidate of signatures.split(' ')) {
    if (candidate.startsWith('v1,') && constantTimeEqual(candidate, expected)) matched = true;
  }
  return matched;
}

/** Headers for one delivery; `now` is epoch milliseconds. */
export function webhookHeaders(
  secret: string,
  msgId: string,
  body: string,
  now: number = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, msgId, timestamp, body),
    'content-type': 'application/json',
  };
}
