import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../bench/web-chromium.mjs';
import type { PageGlobals } from './page-globals.js';
import type { Account } from './seed.js';
import type { Stack } from './stack.js';

/** Generous: the CI machine runs API, worker, Postgres, Redis and Chromium on two shared cores. */
const ACTION_TIMEOUT_MS = 15_000;
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };
/** The zone the browser reports, so tests can tell it apart from the profile default (UTC). */
export const BROWSER_TIMEZONE = 'Europe/Berlin';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

export async function newContext(browser: Browser, stack: Stack): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: stack.url,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: BROWSER_TIMEZONE,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return context;
}

/**
 * Signs the browser context in the way the app's own login form does (`"cookie": true`), so the app finds a
 * session cookie and refreshes silently on load; quicker than typing the form in every test.
 */
export async function signIn(context: BrowserContext, account: Account): Promise<void> {
  const res = await context.request.post('/v1/auth/login', {
    data: { email: account.email, password: account.password, cookie: true },
  });
  if (res.status() !== 200) throw new Error(`cookie login failed: ${res.status()} ${await res.text()}`);
}

/** The signed-in shell: the "Main" navigation with its "Sign out" button. */
export function signOutButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Sign out' });
}

export async function expectSignedIn(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await signOutButton(page).waitFor();
}

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
}

/**
 * Waits until the field's accessible description (what its aria-describedby points at: how a screen reader
 * hears the message next to it) matches, and returns it.
 */
export async function fieldError(field: Locator, message: RegExp): Promise<string> {
  const described = () =>
    field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id: string) => (globalThis as unknown as PageGlobals).document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    );
  await until(async () => message.test(await described()), `${field.toString()} described by ${String(message)}`);
  return described();
}

/** Presses Tab until the control is focused, as a keyboard user would reach it. */
export async function tabTo(page: Page, control: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await control.evaluate((el) => {
      const active = (globalThis as unknown as PageGlobals).document.activeElement;
      return el === active || el.contains(active as typeof el);
    });
    if (focused) return;
  }
  throw new Error(`not reachable with Tab within ${maxPresses} presses: ${control.toString()}`);
}

/** Waits until `check` holds, re-evaluating it (for state that settles asynchronously). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = ACTION_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Picks an option of a select by its visible name, whether the control is a native `<select>` or a combobox
 * with a listbox (the component library's Select): a user would do the same either way.
 */
export async function choose(control: Locator, option: string | RegExp): Promise<void> {
  if ((await control.evaluate((el) => el.tagName)) === 'SELECT') {
    const labels = await control.evaluate((el) =>
      [...(el as unknown as { options: { label: string }[] }).options].map((o) => o.label),
    );
    const label = labels.find((l) => (typeof option === 'string' ? l === option : option.test(l)));
    if (!label) throw new Error(`no option ${String(option)} in ${control.toString()}: ${labels.join(', ')}`);
    await control.selectOption({ label });
    return;
  }
  await control.click();
  await control
    .page()
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .click();
}

/** Types into a combobox and picks the suggested option, as a user searching a list would. */
export async function search(combobox: Locator, text: string, option: string | RegExp): Promise<void> {
  await combobox.click();
  await combobox.fill(text);
  await combobox
    .page()
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}
