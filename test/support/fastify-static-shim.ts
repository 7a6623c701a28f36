import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

/*
 * Stand-in for @fastify/static inside Jest only (mapped in jest.config.cjs). The real package is
 * CommonJS and requires an ESM-only dependency, which Jest's module runtime cannot load on Node 20.
 * Production uses the real plugin; this serves the Swagger UI assets the same way for the tests.
 */
const TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.png': 'image/png',
  '.map': 'application/json',
};

interface Reply {
  type(t: string): Reply;
  code(c: number): Reply;
  send(b: unknown): unknown;
}

// Fastify awaits a plugin that returns a promise; this one registers its route synchronously.
export default function staticShim(
  instance: {
    get(path: string, handler: (req: { params: Record<string, string> }, reply: Reply) => Promise<unknown>): void;
  },
  opts: { root: string; prefix: string },
): Promise<void> {
  instance.get(`${opts.prefix.replace(/\/$/, '')}/*`, async (req, reply) => {
    const rel = normalize(req.params['*'] ?? '').replace(/^(\.\.(\/|\\|$))+/, '');
    try {
      const body = await readFile(join(opts.root, rel));
      return reply.type(TYPES[extname(rel)] ?? 'application/octet-stream').send(body);
    } catch {
      return reply.code(404).send({ status: 404 });
    }
  });
  return Promise.resolve();
}
