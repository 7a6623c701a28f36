#!/usr/bin/env node
// Lighthouse 12 (performance, accessibility) on `/`, `/login` and `/suggestions` of the built app, served by the
// built API as a deployment runs it, with Debian's Chromium. Medians over --runs (default 3). Run `npm run build`
// first; needs Postgres at DATABASE_URL's server and Redis, like the tests.
//   npm run bench:web-lighthouse [-- --runs 5] [-- --desktop]
// `/suggestions` is measured signed in as the seeded demo learner: each run signs in afresh through the API with
// `"cookie": true` and hands Lighthouse that refresh cookie (extraHeaders), which the app's silent refresh on
// load turns into a session, as it does for a returning visitor. Lighthouse's defaults otherwise: mobile
// emulation and simulated throttling; --desktop uses its desktop preset.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './web-chromium.mjs';
import { startWebStack } from './web-stack.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, desktop: { type: 'boolean' } } });
const runs = Number(values.runs);
const PAGES = [
  { path: '/', signedIn: false },
  { path: '/login', signedIn: false },
  { path: '/suggestions', signedIn: true },
];
const GOAL = 90;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function sessionCookie(stack) {
  const res = await fetch(`${stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...stack.learner, cookie: true }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('guildhall_refresh='));
  if (!res.ok || !cookie) throw new Error(`cookie login failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0];
}

/** The demo learner's suggestions, computed once by the worker before anything is measured. */
async function prepareSuggestions(stack) {
  const login = await fetch(`${stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(stack.learner),
  }).then((r) => r.json());
  const auth = { authorization: `Bearer ${login.accessToken}` };
  await fetch(`${stack.url}/v1/match-suggestions/refresh`, { method: 'POST', headers: auth });
  for (let i = 0; i < 150; i++) {
    const s = await fetch(`${stack.url}/v1/match-suggestions`, { headers: auth }).then((r) => r.json());
    if (s.status === 'ready') return s.items.length;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('suggestions not ready within 30 s');
}

const stack = await startWebStack();
const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
try {
  console.log(
    `stack at ${stack.url}; demo learner ${stack.learner.email}; ${await prepareSuggestions(stack)} suggestions`,
  );
  console.log(`Lighthouse ${values.desktop ? 'desktop' : 'mobile (default)'}, ${runs} runs per page, medians:`);
  const rows = [];
  for (const page of PAGES) {
    const perf = [];
    const a11y = [];
    for (let i = 0, attempts = 0; i < runs; attempts++) {
      if (attempts >= runs * 2) throw new Error(`${page.path}: too many failed Lighthouse runs`);
      const extraHeaders = page.signedIn ? { Cookie: await sessionCookie(stack) } : undefined;
      const result = await lighthouse(
        `${stack.url}${page.path}`,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          extraHeaders,
        },
        values.desktop ? desktopConfig : undefined,
      );
      const { categories, audits, finalDisplayedUrl, runtimeError } = result.lhr;
      // A run Lighthouse could not complete (e.g. no first paint within its timeout on a busy machine) scores 0:
      // reported and repeated, not averaged in.
      if (runtimeError || categories.performance.score === null) {
        console.log(`  ${page.path}: run failed (${runtimeError?.code ?? 'no performance score'}), repeating`);
        continue;
      }
      i++;
      if (new URL(finalDisplayedUrl).pathname !== page.path) {
        throw new Error(`${page.path} ended at ${finalDisplayedUrl} (not signed in?)`);
      }
      perf.push(Math.round(categories.performance.score * 100));
      a11y.push(Math.round(categories.accessibility.score * 100));
      const failing = Object.values(audits).filter(
        (a) =>
          a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
      );
      console.log(
        `  ${page.path} run ${i}: performance ${perf.at(-1)}, accessibility ${a11y.at(-1)}; ` +
          `LCP ${audits['largest-contentful-paint'].displayValue}, TBT ${audits['total-blocking-time'].displayValue}` +
          (failing.length ? `; below 0.9: ${failing.map((a) => a.id).join(', ')}` : ''),
      );
    }
    rows.push({ page: page.path, performance: median(perf), accessibility: median(a11y) });
  }
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log('\n| page | performance | accessibility |\n| --- | --- | --- |');
  for (const r of rows) console.log(`| \`${r.page}\` | ${r.performance} | ${r.accessibility} |`);
  process.exitCode = rows.every((r) => r.performance >= GOAL && r.accessibility >= GOAL) ? 0 : 2;
} finally {
  await chrome.kill();
  await stack.stop();
}
