import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESSION_HINT_COOKIE } from '../auth/session-cookie.js';
import { escapeHtml, withHead, type PageHead } from './link-previews.js';
import { pageDataPreloads } from './page-data-preloads.js';

/** web/dist of the repository, from src/app (ts) and dist/app (js) alike. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

// Paths the API owns: never answered with the app, so an unknown API path stays a problem+json 404.
const API_PATHS = /^\/(v1(\/|$)|docs|health\/|metrics(\/|$))/;

/*
 * The app's document runs only same-origin code. Mantine writes its CSS variables and classes into <style>
 * elements and React sets style attributes, so styles need 'unsafe-inline'; scripts never do.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Guildhall API</title></head>
<body><main><h1>Guildhall API</h1>
<p>The API is running, but the web app has not been built (no <code>web/dist</code>).</p>
<ul><li><code>npm run build</code> (or <code>npm start</code>) builds the API and the web app;
this address then serves the app.</li>
<li><code>npm run dev:web</code> runs the app with live reload on Vite's port, talking to this API.</li>
<li>The API's reference is at <a href="/docs">/docs</a>.</li></ul></main></body></html>`;

/**
 * Serves the built web app on the API's own origin (one origin: cookies stay SameSite=Strict and no CORS is
 * needed): hashed files under /assets/ are cached for good, everything else revalidates, and any other GET
 * that a browser navigates to gets index.html so the app's router handles deep links and reloads.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  distDir: string = DEFAULT_WEB_DIST,
  headFor: (path: string) => Promise<PageHead | null> = () => Promise.resolve(null),
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const root = resolve(distDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.get('/', async (_req, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
    );
    return;
  }

  await app.register(fastifyStatic as never, {
    root,
    prefix: '/',
    // One route per built file (listed at start), so no catch-all of the plugin's competes with the API's routes.
    wildcard: false,
    index: false,
    decorateReply: false,
    cacheControl: false,
    // scripts/compress-web.mjs writes .br/.gz beside each text asset at build time; chosen by Accept-Encoding.
    preCompressed: true,
    schemaHide: true,
    setHeaders: (reply: FastifyReply, path: string) => {
      const hashed = path.startsWith(join(root, 'assets') + '/');
      void reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
      if (path === indexFile) void reply.header('content-security-policy', WEB_APP_CSP);
    },
  });

  const preloads = routePreloads(root);
  const sendIndex = async (req: FastifyRequest, reply: FastifyReply) => {
    const [path, query = ''] = req.url.split('?', 2);
    if (API_PATHS.test(path) || path.startsWith('/assets/') || !acceptsHtml(req)) return reply.callNotFound();
    // Pages worth a link preview (a meetup, the home page) carry their own title and Open Graph tags.
    const [html, head] = await Promise.all([readFile(indexFile, 'utf8'), headFor(path)]);
    const signedIn = req.cookies?.[SESSION_HINT_COOKIE] !== undefined;
    const page = withPreloads(
      head ? withHead(html, head) : html,
      preloads(path),
      pageDataPreloads(path, query, signedIn),
    );
    return (
      reply
        .header('cache-control', 'no-cache')
        // The document differs for a member (no preloaded public answers): no cache may give one the other's.
        .header('vary', 'Cookie')
        .header('content-security-policy', WEB_APP_CSP)
        .type('text/html; charset=utf-8')
        .send(page)
    );
  };
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
}

/**
 * The page's own JavaScript chunks by path, from the build's route-preloads.json (scripts/route-preloads.mjs):
 * listed in the document, they download beside the entry bundle while the HTML is parsed, instead of after the
 * app has started and its router has matched the path. No file (a build without it): nothing is added.
 */
function routePreloads(root: string): (path: string) => string[] {
  const file = join(root, 'route-preloads.json');
  if (!existsSync(file)) return () => [];
  const routes = (JSON.parse(readFileSync(file, 'utf8')) as [string, string[]][]).map(
    ([pattern, files]) => [new RegExp(pattern), files] as const,
  );
  return (path) => routes.find(([pattern]) => pattern.test(path))?.[1] ?? [];
}

/** `crossorigin` (same-origin credentials, CORS mode) is what the app's fetch() sends, so the answer is reused. */
function withPreloads(html: string, files: string[], data: string[]): string {
  if (files.length === 0 && data.length === 0) return html;
  const links = [
    ...data.map((url) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(url)}">`),
    ...files.map((file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`),
  ].join('\n    ');
  const end = html.search(/<\/head>/i);
  return end < 0 ? html : `${html.slice(0, end)}  ${links}\n  ${html.slice(end)}`;
}

// A browser navigation asks for HTML; a script, image or API client asking for something else gets a 404.
function acceptsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
