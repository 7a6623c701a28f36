import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed answer saves less than a packet and costs CPU on both ends. */
export const COMPRESS_MIN_BYTES = 2048;

/*
 * Answers that carry a secret are never compressed: a body that mixes a secret with text an attacker can choose
 * leaks the secret through its compressed length (BREACH). Tokens (auth), the calendar feed's secret URL and the
 * webhook signing secret are the API's only such answers; every other answer needs a bearer token that a
 * cross-site page cannot attach, so there is nothing for such an attack to drive.
 */
const SECRET_BEARING = /^\/v1\/(auth\/|calendar\/feed(\/|$|\?)|notification-preferences(\/|$|\?))/;
// JSON answers, and the app's documents, which the server writes per page (link previews, the page's chunks).
const COMPRESSIBLE_TYPE = /^(application\/(problem\+)?json|text\/html)\b/;

/** The encoding to use, from Accept-Encoding: Brotli first, then gzip; an explicit q=0 refuses one. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * Compresses the API's large JSON answers (a page of suggestions or search results is tens of kB) and the web
 * app's HTML documents for clients that accept it. Streams (server-sent events) and files are left alone (the
 * built files are compressed at build time): only a body serialized in memory is touched.
 */
export function compressJsonAnswers(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (
      body.length < COMPRESS_MIN_BYTES ||
      !COMPRESSIBLE_TYPE.test(type) ||
      reply.hasHeader('content-encoding') ||
      req.method === 'HEAD' ||
      SECRET_BEARING.test(req.url)
    ) {
      return payload;
    }
    void reply.header('vary', appendVary(reply.getHeader('vary')));
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    // Brotli at quality 4: close to gzip's speed, smaller output; the default (11) is for build-time assets.
    const compressed =
      encoding === 'br'
        ? await brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : await gzipAsync(body);
    void reply.header('content-encoding', encoding).removeHeader('content-length');
    return compressed;
  });
}

function appendVary(current: unknown): string {
  const value = Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : '';
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(value)) return value;
  return value ? `${value}, Accept-Encoding` : 'Accept-Encoding';
}
