// Debian's Chromium, headless, for the web benchmarks: the same binary and flags as the browser tests
// (test/web/support/browser.ts imports these), nothing that phones home, no GPU, no user-namespace sandbox.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
