import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { expectSignedIn, fieldError, heading, signOutButton, until } from './support/browser.js';
import { axeProblems, pageProblems } from './support/page-checks.js';
import { uniqueEmail, type Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * The account lifecycle in the browser, with the mails the worker really sends: a forgotten password reset
 * through the mailed link, an address verified through its link, a password changed, the data downloaded, the
 * account deleted. Each new page also meets the page promises (main, h1, title, axe, 375 px).
 */
const env: Record<string, string> = {};
let sink: SmtpSink;
// Registered before the suite's own beforeAll, so the stack starts with mail on.
beforeAll(async () => {
  sink = await startSmtpSink();
  env.SMTP_URL = sink.url;
});
const suite = browserSuite(env);
afterAll(async () => {
  await sink?.close();
});

const NEW_PASSWORD = 'a brand new passphrase';

/** A mail's text whatever its transfer encoding (quoted-printable or base64 parts). */
function mailText(raw: string): string {
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const base64Parts = [
    ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi),
  ]
    .map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'))
    .join('\n');
  return `${qp}\n${base64Parts}`;
}

/** The path and query of the newest mailed link to `route` for `to` (waits for it; `after` skips older mails). */
async function mailedLink(to: string, route: '/reset-password' | '/verify-email', after = 0): Promise<string> {
  const pattern = new RegExp(`${route}\\?token=[A-Za-z0-9_.~%-]+`);
  const newest = () =>
    sink.mails
      .slice(after)
      .filter((m) => m.to.includes(to))
      .map((m) => pattern.exec(mailText(m.raw))?.[0])
      .filter((l): l is string => Boolean(l))
      .at(-1);
  await until(() => Promise.resolve(newest() !== undefined), `a mail to ${to} with a ${route} link`, 30_000);
  return newest() as string;
}

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function apiLogin(email: string, password: string): Promise<number> {
  const res = await fetch(`${suite.stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('account pages', () => {
  it('forgot password → mailed link → new password (policy at the field) → sign in; a spent link says so', async () => {
    const user = await suite.api.register(['learner']);
    const page = await suite.page();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    expect(await pageProblems(page, 'Reset your password', 'forgot-password')).toEqual([]);

    // An address without an account gets the very same answer.
    const nobody = uniqueEmail('nobody');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(nobody);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const unknownAnswer = await page.getByRole('status').filter({ hasText: 'Check your inbox' }).innerText();

    await page.goto('/forgot-password');
    const before = sink.mails.length;
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const knownAnswer = await page.getByRole('status').filter({ hasText: 'Check your inbox' }).innerText();
    expect(knownAnswer.replace(user.email, '')).toBe(unknownAnswer.replace(nobody, ''));

    const link = await mailedLink(user.email, '/reset-password', before);
    await page.goto(link);
    expect(await pageProblems(page, 'Choose a new password', 'reset-password')).toEqual([]);
    const password = page.getByLabel('New password', { exact: true });
    await password.fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await fieldError(password, /must be|too short|at least|characters/i);
    await password.fill('password123');
    await page.getByRole('button', { name: 'Set password' }).click();
    await fieldError(password, /common/i);

    await password.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await heading(page, 'Sign in').waitFor();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedIn(page);
    expect(await apiLogin(user.email, user.password)).toBe(401);

    // The link works once: the API's error, and the way to a new one.
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link does not work' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await heading(page, 'Reset your password').waitFor();
  });

  it('verifies the e-mail by the mailed link; a bad link offers a new one, a spent one says it is done', async () => {
    const user = await suite.api.register(['learner']);
    const page = await suite.page(user);
    await page.goto('/settings/account');
    const email = region(page, 'E-mail');
    await email.getByText('Not verified').waitFor();
    await email.getByRole('button', { name: 'Send verification link' }).click();
    await email.getByRole('status').waitFor();

    await page.goto('/verify-email?token=not-a-token-we-ever-sent');
    await heading(page, 'Verify your e-mail').waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Not verified' })
      .getByText(/invalid|used|expired/i)
      .waitFor();
    const before = sink.mails.length;
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await page.getByText('A new link is on its way').waitFor();

    const link = await mailedLink(user.email, '/verify-email', before);
    await page.goto(link);
    expect(await pageProblems(page, 'Verify your e-mail', 'verify-email')).toEqual([]);
    await page.getByText('Your e-mail address is verified').waitFor();
    await page.getByRole('link', { name: 'Back to your account' }).click();
    await heading(page, 'Account').waitFor();
    await region(page, 'E-mail').getByText('Verified', { exact: true }).waitFor();
    expect(await region(page, 'E-mail').getByRole('button', { name: 'Send verification link' }).count()).toBe(0);

    await page.goto(link);
    await page.getByText('Your e-mail address is already verified').waitFor();
    expect(await page.getByRole('button', { name: 'Send a new link' }).count()).toBe(0);
  });

  it('changes the password (API messages at the fields) and downloads the data as JSON', async () => {
    const user = await suite.api.register(['learner']);
    const page = await suite.page(user);
    await page.goto('/');
    await expectSignedIn(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Account' }).click();
    await region(page, 'E-mail').waitFor();
    expect(await pageProblems(page, 'Account', 'account')).toEqual([]);

    const section = region(page, 'Password');
    const current = section.getByLabel('Current password', { exact: true });
    const next = section.getByLabel('New password', { exact: true });
    await current.fill(user.password);
    await next.fill('short');
    await section.getByRole('button', { name: 'Change password' }).click();
    await fieldError(next, /must be|too short|at least|characters/i);
    await next.fill('qwertyuiop');
    await section.getByRole('button', { name: 'Change password' }).click();
    await fieldError(next, /common/i);

    await current.fill('not my password at all');
    await next.fill(NEW_PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await fieldError(current, /not the account/i);

    await current.fill(user.password);
    await section.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor();
    expect(await apiLogin(user.email, NEW_PASSWORD)).toBe(200);
    expect(await apiLogin(user.email, user.password)).toBe(401);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(exported).toHaveProperty('version');
    expect(JSON.stringify(exported)).toContain(user.email);

    // A new address needs the password, is unverified until its mailed link is followed, and the old one is told.
    const email = region(page, 'E-mail');
    const newAddress = uniqueEmail('moved');
    const before = sink.mails.length;
    await email.getByRole('textbox', { name: 'New e-mail', exact: true }).fill(newAddress);
    await email.getByLabel('Current password', { exact: true }).fill(NEW_PASSWORD);
    await email.getByRole('button', { name: 'Change e-mail' }).click();
    await email.getByText(newAddress).first().waitFor();
    await email.getByText('Not verified').waitFor();
    await mailedLink(newAddress, '/verify-email', before);
    // This session survived its own password change.
    await expectSignedIn(page);
  });

  it('deletes the account after asking for the password: signed out on the home page, cannot sign in', async () => {
    const user: Account = await suite.api.register(['learner']);
    const page = await suite.page(user);
    await page.goto('/settings/account');
    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete account' });
    const password = dialog.getByLabel('Password', { exact: true });
    await password.waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await password.fill('not my password at all');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await fieldError(password, /not the account/i);
    await password.fill(user.password);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();

    await heading(page, 'Guildhall').waitFor();
    await until(() => Promise.resolve(new URL(page.url()).pathname === '/'), 'the home page');
    await page.getByText('Account deleted').waitFor();
    await until(
      async () => !(await page.context().cookies()).some((c) => c.name === 'guildhall_refresh'),
      'the session cookie to be cleared',
    );
    await page.getByRole('link', { name: 'Create account' }).waitFor();
    expect(await signOutButton(page).count()).toBe(0);

    await signInWithForm(page, user.email, user.password);
    await page
      .getByText(/invalid|incorrect|wrong/i)
      .first()
      .waitFor();
    expect(await signOutButton(page).count()).toBe(0);
  });
});
