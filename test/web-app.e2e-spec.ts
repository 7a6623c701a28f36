import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, startHarness, type Harness } from './support/harness.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A tiny stand-in for `vite build`'s output: index.html, a hashed asset and a public file. */
function fixtureDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app");');
  writeFileSync(join(dir, 'assets', 'index-def456.css'), 'body{margin:0}');
  // What scripts/compress-web.mjs writes beside an asset at build time.
  writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log("app");'));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // What scripts/route-preloads.mjs writes: the chunks of each page route beyond the entry's.
  writeFileSync(
    join(dir, 'route-preloads.json'),
    JSON.stringify([
      ['^/meetups/?$', ['assets/MeetupsPage-abc123.js', 'assets/Select-def456.js']],
      // A page with many chunks: its document is big enough to be worth compressing.
      ['^/programs/?$', Array.from({ length: 60 }, (_, i) => `assets/Chunk${i}-abc123.js`)],
    ]),
  );
  return dir;
}

describe('the API process serves the built web app', () => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = fixtureDist();
    h = await startHarness({ worker: false, env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and a CSP that allows only its own scripts', async () => {
    const res = await h.http().get('/').set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    // The app's document, with the site's link-preview tags (test/link-previews.e2e-spec.ts) in its head.
    expect(res.text).toContain('<script type="module" src="/assets/index-abc123.js"></script>');
    expect(res.text).toContain('<meta property="og:site_name" content="Guildhall" />');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Helmet's other headers stay on.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const js = await h.http().get('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await h.http().get('/assets/index-def456.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves the pre-compressed copy to a client that accepts it, the plain file otherwise', async () => {
    const br = await h
      .http()
      .get('/assets/index-abc123.js')
      .set('Accept-Encoding', 'br, gzip')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await h.http().get('/assets/index-abc123.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log("app");');
  });

  it('serves other built files (not hashed) with no-cache', async () => {
    const res = await h.http().get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/login', '/suggestions', '/people/7b7c5a58-7d0e-4c55-9d7e-3c1f4b3c1a11', '/settings/profile?tab=x'])(
    'answers the app route %s with index.html',
    async (path) => {
      const res = await h.http().get(path).set('Accept', HTML);
      expect(res.status).toBe(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it("lists a page's own chunks in its document as modulepreload links, and no other page's", async () => {
    const meetups = await h.http().get('/meetups?q=sql').set('Accept', HTML);
    expect(meetups.status).toBe(200);
    const head = meetups.text.slice(0, meetups.text.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/MeetupsPage-abc123.js">');
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/Select-def456.js">');
    const login = await h.http().get('/login').set('Accept', HTML);
    expect(login.text).not.toContain('MeetupsPage');
  });

  it("preloads a visitor's first API answer for the unfiltered meetup list and a meetup, nothing else", async () => {
    const headOf = async (path: string, cookie?: string) => {
      const req = h.http().get(path).set('Accept', HTML);
      const res = await (cookie ? req.set('Cookie', cookie) : req);
      return res.text.slice(0, res.text.indexOf('</head>'));
    };
    const preload = (href: string) => `<link rel="preload" as="fetch" crossorigin href="${href}">`;
    expect(await headOf('/meetups')).toContain(preload('/v1/meetups?limit=20'));
    // The document depends on the session cookie: a shared cache must keep the two apart.
    const vary = (await h.http().get('/meetups').set('Accept', HTML)).headers['vary'];
    expect(String(vary).toLowerCase()).toContain('cookie');
    const id = '0b6f3a8e-2c1d-4e5f-8a9b-1c2d3e4f5a6b';
    expect(await headOf(`/meetups/${id}`)).toContain(preload(`/v1/meetups/${id}`));
    // Filters depend on the viewer's zone; a member's request may carry a token; other pages fetch nothing public.
    for (const [path, cookie] of [
      ['/meetups?q=sql', undefined],
      ['/meetups', 'guildhall_session=1'],
      ['/meetups/not-an-id', undefined],
      ['/login', undefined],
    ] as const) {
      expect(await headOf(path, cookie)).not.toContain('as="fetch"');
    }
  });

  it('compresses a document big enough to be worth it, for a browser that accepts it', async () => {
    const res = await h.http().get('/programs').set('Accept', HTML).set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.text).toContain('href="/assets/Chunk59-abc123.js"');
    const plain = await h.http().get('/programs').set('Accept', HTML).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it.each(['/v1/nothing-here', '/v1', '/health/nothing', '/metrics/x', '/docs/nothing.js'])(
    'never shadows the API: %s stays a problem+json 404',
    async (path) => {
      expectProblem(await h.http().get(path).set('Accept', HTML), 404);
    },
  );

  it('leaves the API, docs, health and metrics routes working', async () => {
    expect((await h.http().get('/health/live')).status).toBe(200);
    expect((await h.http().get('/metrics')).text).toContain('# HELP');
    expect((await h.http().get('/docs-json')).body.openapi).toMatch(/^3\./);
    const docs = await h.http().get('/docs').redirects(1);
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
    expect((await h.http().get('/v1/skills')).status).toBe(200);
  });

  it('answers a missing asset, or a non-HTML request for an unknown path, with 404', async () => {
    expectProblem(await h.http().get('/assets/index-gone.js').set('Accept', '*/*'), 404);
    expectProblem(await h.http().get('/some/page').set('Accept', 'application/json'), 404);
  });

  it('does not serve files outside the build', async () => {
    const res = await h.http().get('/..%2f..%2fpackage.json').set('Accept', 'application/json');
    expect(res.status).toBe(404);
  });
});

describe('the API process without a built web app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { WEB_DIST_DIR: join(tmpdir(), 'guildhall-no-such-dist') } });
  });
  afterAll(() => h.close());

  it('says at / how to build the app, and the API still answers', async () => {
    const res = await h.http().get('/').set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('npm run build');
    expect(res.text).toContain('npm run dev:web');
    expectProblem(await h.http().get('/login').set('Accept', HTML), 404);
    expect((await h.http().get('/health/live')).status).toBe(200);
  });
});
