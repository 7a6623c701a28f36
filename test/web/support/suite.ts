import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './browser.js';
import { Api, type Account } from './seed.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

export interface BrowserSuite {
  readonly api: Api;
  readonly stack: Stack;
  /** A fresh browser context (own cookies and storage), closed after the test. */
  context(): Promise<BrowserContext>;
  /** A page in a fresh context, signed in as the account when one is given. */
  page(as?: Account): Promise<Page>;
}

/**
 * One API + worker stack and one Chromium for a spec file, a fresh context for every test. Call at the top of
 * a spec file; `env` adds API and worker settings for this file, `options` e.g. more API replicas.
 */
export function browserSuite(env: Record<string, string> = {}, options: StackOptions = {}): BrowserSuite {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let api: Api | undefined;
  let open: BrowserContext[] = [];

  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([startStack(env, options), launchBrowser()]);
    if (s.status === 'fulfilled') stack = s.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
    api = new Api(s.value.url);
  }, 120_000);

  afterEach(async () => {
    await Promise.all(open.map((c) => c.close()));
    open = [];
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  const must = <T>(v: T | undefined, what: string): T => {
    if (!v) throw new Error(`${what} did not start (see beforeAll)`);
    return v;
  };
  const suite: BrowserSuite = {
    get api() {
      return must(api, 'the API');
    },
    get stack() {
      return must(stack, 'the API');
    },
    async context() {
      const c = await newContext(must(browser, 'Chromium'), suite.stack);
      open.push(c);
      return c;
    },
    async page(as?: Account) {
      const c = await suite.context();
      if (as) await signIn(c, as);
      return c.newPage();
    },
  };
  return suite;
}
