#!/usr/bin/env node
// The main thread's work while a page loads, in a real browser with its CPU slowed 4× as Lighthouse's mobile
// preset assumes (network not throttled): total blocking time (each long task's time beyond 50 ms, from first
// paint to the end of the load), the longest task, and script and task time from Chromium's own counters.
// Medians over --runs fresh browser contexts. Lighthouse's simulated score moves by ±8 between identical runs on
// a busy two-core machine; these figures, measured rather than simulated, are steadier for comparing two builds
// of the same page (run this once per build, back to back).
//   npm run build && npm run bench:web-main-thread [-- --runs 9] [-- --pages /suggestions,/meetups]
// Needs Postgres at DATABASE_URL's server and Redis, like the tests. `/suggestions` is measured signed in as the
// seeded demo learner (cookies from a `"cookie": true` login), the other pages signed out.
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './web-chromium.mjs';
import { demoSessionCookies, readyDemoSuggestions, startWebStack } from './web-stack.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, pages: { type: 'string', default: '/,/suggestions,/meetups' } },
});
const runs = Number(values.runs);
const PAGES = values.pages.split(',');
const SIGNED_IN = new Set(['/suggestions']);
const CPU_SLOWDOWN = 4;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Runs in the page before its own scripts: long tasks and the first paint, as the browser reports them.
function observe() {
  const w = /** @type {any} */ (globalThis);
  w.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

async function measure(browser, stack, path) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    if (SIGNED_IN.has(path)) await context.addCookies(await demoSessionCookies(stack));
    await context.addInitScript(observe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable');
    // (A member's page never goes network-idle: the notification stream stays open.)
    await page.goto(stack.url + path, { waitUntil: 'load' });
    // Deferred work (idle callbacks, widgets drawn after the list) counts too: a fixed wait past the load.
    await page.waitForTimeout(3000);
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const tasks = /** @type {[number, number][]} */ (
      await page.evaluate(() => /** @type {any} */ (globalThis).__tasks)
    );
    const metrics = Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    );
    const blocking = tasks
      .filter(([start]) => start + 1 >= fcp)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return {
      fcp,
      tbt: blocking,
      longest: Math.max(0, ...tasks.map(([, d]) => d)),
      script: metrics.ScriptDuration * 1000,
      task: metrics.TaskDuration * 1000,
    };
  } finally {
    await context.close();
  }
}

const stack = await startWebStack();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  if (PAGES.some((p) => SIGNED_IN.has(p))) await readyDemoSuggestions(stack);
  console.log(`CPU ${CPU_SLOWDOWN}× slower, network unthrottled, ${runs} runs per page, medians (ms):`);
  console.log('| page | first paint | total blocking time | longest task | script | all tasks |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const path of PAGES) {
    await measure(browser, stack, path); // warm the server's caches, not counted
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(browser, stack, path));
    const m = (key) => Math.round(median(results.map((r) => r[key])));
    console.log(`| \`${path}\` | ${m('fcp')} | ${m('tbt')} | ${m('longest')} | ${m('script')} | ${m('task')} |`);
  }
} finally {
  await browser.close();
  await stack.stop();
}
