import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectSignedIn, fieldError, heading, signOutButton, tabTo, until } from './support/browser.js';
import type { PageGlobals } from './support/page-globals.js';
import { uniqueEmail, uniqueName } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * Browser sessions: the form's errors, sign-in (with the keyboard alone), sign-out, reloads and tabs. Reuse of
 * a spent refresh token is not forgiven here (no grace), so two tabs that present the same token would show.
 */
const suite = browserSuite({ REFRESH_REUSE_GRACE_SECONDS: '0' });

const SESSION_COOKIE = 'guildhall_refresh';

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
  expect(await signOutButton(page).count()).toBe(0);
}

describe('browser sessions', () => {
  it('register: API errors shown (short password at its field, taken e-mail); nobody signed in', async () => {
    const taken = await suite.api.register(['learner']);
    const page = await suite.page();
    await page.goto('/register');
    await heading(page, 'Create account').waitFor();
    const email = page.getByRole('textbox', { name: 'Email', exact: true });
    const password = page.getByRole('textbox', { name: 'Password', exact: true });
    await email.fill(uniqueEmail('short'));
    await password.fill('short');
    await page.getByRole('textbox', { name: 'Display name', exact: true }).fill(uniqueName('Ines'));
    await page.getByRole('checkbox', { name: 'Learner' }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await fieldError(password, /must be|too short|at least/i);

    await email.fill(taken.email);
    await password.fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByText(/already exists|taken|in use/i)
      .first()
      .waitFor();
    expect(await signOutButton(page).count()).toBe(0);
  });

  it('sign in with the keyboard alone, then sign out: the session is gone after a reload', async () => {
    const user = await suite.api.register(['learner']);
    const page = await suite.page();
    await page.goto('/login');
    await heading(page, 'Sign in').waitFor();
    await page.getByRole('link', { name: 'Forgot password?' }).waitFor();

    await tabTo(page, page.getByRole('textbox', { name: 'Email', exact: true }));
    await page.keyboard.type(user.email);
    await tabTo(page, page.getByRole('textbox', { name: 'Password', exact: true }));
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await expectSignedIn(page);
    expect((await page.context().cookies()).map((c) => c.name)).toContain(SESSION_COOKIE);

    await tabTo(page, signOutButton(page), 80);
    await page.keyboard.press('Enter');
    await until(
      async () => !(await page.context().cookies()).some((c) => c.name === SESSION_COOKIE),
      'the session cookie to be cleared',
    );
    await expectSignedOut(page);
    await page.reload();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(await signOutButton(page).count()).toBe(0);
  });

  it('a wrong password is refused with a message, and nobody is signed in', async () => {
    const user = await suite.api.register(['learner']);
    const page = await suite.page();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByText(/invalid|incorrect|wrong/i)
      .first()
      .waitFor();
    expect(await signOutButton(page).count()).toBe(0);
  });

  it('a reload keeps the session, and no token is kept in web storage', async () => {
    const user = await suite.api.register(['learner']);
    const page = await suite.page(user);
    await page.goto('/');
    await expectSignedIn(page);
    await page.reload();
    await expectSignedIn(page);
    const stored = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return [w.localStorage, w.sessionStorage].flatMap((s) =>
        Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i) ?? '') ?? ''),
      );
    });
    // Access tokens are JWTs (eyJ…); refresh tokens belong in the HttpOnly cookie only.
    expect(stored.filter((v) => /eyJ[\w-]+\.[\w-]+\./.test(v))).toEqual([]);
  });

  it('two tabs loading and reloading at once do not sign each other out', async () => {
    const user = await suite.api.register(['learner']);
    const context = await suite.context();
    const login = await context.request.post('/v1/auth/login', {
      data: { email: user.email, password: user.password, cookie: true },
    });
    expect(login.status()).toBe(200);
    const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all([a.goto('/requests'), b.goto('/mentorships')]);
    await Promise.all([expectSignedIn(a), expectSignedIn(b)]);
    await Promise.all([a.reload(), b.reload()]);
    await Promise.all([expectSignedIn(a), expectSignedIn(b)]);

    // Had both tabs presented the same refresh token, the whole session would now be revoked.
    const c = await context.newPage();
    await c.goto('/');
    await expectSignedIn(c);
  });
});
