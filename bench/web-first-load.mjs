#!/usr/bin/env node
// First-load JavaScript of the web app's `/`, in kB gzip, from the build in web/dist (run `npm run build` first).
//   npm run bench:web-size            # both figures below, goal: ≤ 200 kB gzip
// 1. static: the entry script and modulepreloads of index.html and every chunk they import statically;
// 2. loaded: what headless Chromium actually fetches to render `/` signed out (adds the route's lazy chunk),
//    with web/dist served as the API serves it (SPA fallback) and every /v1 call answered 401.
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './web-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'web', 'dist');
const GOAL_KB = 200;

if (!existsSync(join(dist, 'index.html'))) {
  console.error('web/dist/index.html is missing: run `npm run build` first');
  process.exit(1);
}

const gzipKb = (file) => gzipSync(readFileSync(file)).length / 1024;
const fileOf = (urlPath) =>
  join(dist, normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, ''));

/** Entry + modulepreload graph of index.html, following static imports between chunks. */
function staticGraph() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const start = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  const seen = new Set();
  const queue = start.map((p) => fileOf(p));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`, `export … from`); import() is lazy.
    for (const m of code.matchAll(
      /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    )) {
      queue.push(join(dirname(file), m[1]));
    }
  }
  return [...seen];
}

/** JavaScript files Chromium requests while rendering `/` signed out, until the network is idle. */
async function loaded() {
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    if (req.url.startsWith('/v1/')) {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: '', code: 'UNAUTHORIZED' }),
      );
      return;
    }
    let file = fileOf(req.url);
    if (!existsSync(file) || !extname(file)) file = join(dist, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const scripts = new Set();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.js')) scripts.add(fileOf(u.pathname));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return [...scripts];
  } finally {
    await browser.close();
    server.close();
  }
}

const report = (label, files) => {
  const kb = files.reduce((s, f) => s + gzipKb(f), 0);
  console.log(`${label}: ${kb.toFixed(1)} kB gzip in ${files.length} files (goal ≤ ${GOAL_KB})`);
  for (const f of files.sort((a, b) => gzipKb(b) - gzipKb(a))) {
    console.log(`  ${gzipKb(f).toFixed(1).padStart(7)} kB  ${f.slice(dist.length + 1)}`);
  }
  return kb;
};

report('static (index.html entry + modulepreload graph)', staticGraph());
const kb = report('loaded by Chromium for / (signed out)', await loaded());
process.exitCode = kb <= GOAL_KB ? 0 : 2;
