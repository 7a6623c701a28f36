// Delivers one signed webhook POST. Uses node:http(s) rather than fetch so the connect-time DNS answer can
// be vetted (createGuardedLookup) and redirects are never followed.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertPublicUrl, createGuardedLookup, WebhookUrlError } from './ssrf.js';
import { webhookHeaders } from './signature.js';

export interface WebhookDelivery {
  url: string;
  secret: string;
  msgId: string;
  body: string;
}

export interface SendWebhookOptions {
  allowPrivate: boolean;
  /** Deadline for the whole exchange: connect, send, status and draining the response. */
  timeoutMs: number;
  /** Signing time in epoch milliseconds. */
  now?: number;
}

/** Receivers' answers are read only to free the connection; more than this is not waited for. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
const USER_AGENT = 'Guildhall-Webhooks/1';

export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  constructor(
    message: string,
    /** False when sending the same delivery again cannot succeed (bad URL, 4xx, redirect). */
    readonly retryable: boolean,
    readonly status?: number,
    /** Seconds the receiver asked us to wait (Retry-After on 429/503), when it gave a number. */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function retryAfter(res: IncomingMessage): number | undefined {
  const raw = res.headers['retry-after'];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

function statusError(res: IncomingMessage): WebhookDeliveryError | null {
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) {
    return new WebhookDeliveryError(
      `webhook receiver answered ${status} redirect; redirects are not followed`,
      false,
      status,
    );
  }
  const retryable = status >= 500 || status === 408 || status === 429 || status < 200;
  return new WebhookDeliveryError(`webhook receiver answered ${status}`, retryable, status, retryAfter(res));
}

/**
 * POSTs the signed body once. Resolves with the 2xx status; rejects with WebhookDeliveryError on a refused
 * URL, network error, timeout or any other status, flagging whether a retry could help.
 */
export async function sendWebhook(d: WebhookDelivery, opts: SendWebhookOptions): Promise<{ status: number }> {
  try {
    await assertPublicUrl(d.url, { allowPrivate: opts.allowPrivate });
  } catch (err) {
    throw new WebhookDeliveryError((err as Error).message, false, undefined, undefined, { cause: err });
  }
  const url = new URL(d.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = Buffer.from(d.body, 'utf8');
  const headers = {
    ...webhookHeaders(d.secret, d.msgId, d.body, opts.now ?? Date.now()),
    'content-length': String(payload.length),
    'user-agent': USER_AGENT,
  };

  return new Promise<{ status: number }>((resolve, reject) => {
    let settled = false;
    const settle = (err: WebhookDeliveryError | null, status = 0) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve({ status });
    };

    const req = request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers,
      // No pooled sockets: every delivery resolves and vets its target afresh.
      agent: false,
      lookup: createGuardedLookup(opts.allowPrivate),
    });

    // One deadline for the whole exchange; it also cuts off a receiver that drips its answer forever.
    const timer = setTimeout(() => {
      const err = new WebhookDeliveryError(`webhook delivery timed out after ${opts.timeoutMs} ms`, true);
      settle(err);
      req.destroy(err);
    }, opts.timeoutMs);
    req.on('close', () => clearTimeout(timer));

    req.on('error', (err) => {
      const refused = err instanceof WebhookUrlError;
      settle(
        new WebhookDeliveryError(`webhook delivery failed: ${err.message}`, !refused, undefined, undefined, {
          cause: err,
        }),
      );
    });

    req.on('response', (res) => {
      // The status decides the outcome; the answer is read only to release the connection, up to a cap.
      settle(statusError(res), res.statusCode);
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) req.destroy();
      });
      res.on('error', () => undefined);
    });

    req.end(payload);
  });
}
