#!/usr/bin/env node
// Lighthouse 12 (performance, accessibility) on `/`, `/login`, `/suggestions`, `/meetups` and the soonest
// meetup's page (`/meetups/:id`, signed out, as a shared link opens it) of the built app, served by the
// built API as a deployment runs it, with Debian's Chromium. Medians over --runs (default 3). Run `npm run build`
// first; needs Postgres at DATABASE_URL's server and Redis, like the tests.
//   npm run bench:web-lighthouse [-- --runs 5] [-- --desktop] [-- --pages /meetups,/meetups/:id] [-- --save dir]
// --save writes each run's full Lighthouse report (JSON) there, for the diagnostics behind a score.
// `/suggestions` is measured signed in as the seeded demo learner: each run signs in afresh through the API with
// `"cookie": true` and puts the cookies it sets into the browser (over CDP), which the app's silent refresh on
// load turns into a session, as it does for a returning visitor. Lighthouse's defaults otherwise: mobile
// emulation and simulated throttling; --desktop uses its desktop preset.
import { launch } from 'chrome-launcher';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './web-chromium.mjs';
import { demoSessionCookies, readyDemoSuggestions, startWebStack } from './web-stack.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    desktop: { type: 'boolean' },
    pages: { type: 'string' },
    save: { type: 'string' },
  },
});
const runs = Number(values.runs);
const ALL_PAGES = [
  { path: '/', signedIn: false },
  { path: '/login', signedIn: false },
  { path: '/suggestions', signedIn: true },
  { path: '/meetups', signedIn: false },
  { path: '/meetups/:id', signedIn: false },
];
const PAGES = values.pages ? ALL_PAGES.filter((p) => values.pages.split(',').includes(p.path)) : ALL_PAGES;

/** `/meetups/:id` is measured on the seeded community's soonest meetup, read anonymously like a visitor. */
async function concretePath(stack, path) {
  if (path !== '/meetups/:id') return path;
  const res = await fetch(`${stack.url}/v1/meetups?limit=1`);
  const first = (await res.json()).items?.[0];
  if (!first) throw new Error('no upcoming meetup to measure: is the demo community seeded?');
  return `/meetups/${first.id}`;
}
const GOAL = 90;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const stack = await startWebStack();
// A browser of its own per page: Lighthouse clears a page's storage between runs but keeps cookies, so the refresh
// cookie a signed-in page's runs leave behind would sign in every page measured after it.
const newChrome = () => launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
let chrome = await newChrome();
try {
  console.log(
    `stack at ${stack.url}; demo learner ${stack.learner.email}; ${await readyDemoSuggestions(stack)} suggestions`,
  );
  console.log(`Lighthouse ${values.desktop ? 'desktop' : 'mobile (default)'}, ${runs} runs per page, medians:`);
  const rows = [];
  for (const page of PAGES) {
    await chrome.kill();
    chrome = await newChrome();
    const path = await concretePath(stack, page.path);
    const perf = [];
    const a11y = [];
    for (let i = 0, attempts = 0; i < runs; attempts++) {
      if (attempts >= runs * 2) throw new Error(`${page.path}: too many failed Lighthouse runs`);
      if (page.signedIn) {
        // Connected only while the cookies go in: an attached client slows every page it watches.
        const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
        await browser.contexts()[0].addCookies(await demoSessionCookies(stack));
        await browser.close();
      }
      const result = await lighthouse(
        `${stack.url}${path}`,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
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
      if (new URL(finalDisplayedUrl).pathname !== path) {
        throw new Error(`${page.path} ended at ${finalDisplayedUrl} (not signed in?)`);
      }
      if (values.save) {
        mkdirSync(values.save, { recursive: true });
        const name = `${page.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${i}.json`;
        writeFileSync(join(values.save, name), JSON.stringify(result.lhr));
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
