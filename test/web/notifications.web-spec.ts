import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { fieldError, heading, until } from './support/browser.js';
import { pageProblems } from './support/page-checks.js';
import { uniqueName, type Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/** The inbox and its count in the navigation, notification settings, and the admins' reports. */
const suite = browserSuite({ WEBHOOK_ALLOW_PRIVATE: 'false' });

let learner: Account;
let mentor: Account;

beforeAll(async () => {
  [learner, mentor] = await Promise.all([suite.api.learner(uniqueName('Lena')), suite.api.mentor()]);
}, 60_000);

const unreadCount = async (who: Account) =>
  (await suite.api.call<{ count: number }>('GET', '/v1/notifications/unread-count', undefined, who)).count;

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describe('notifications', () => {
  it('a learner reads notifications in words, follows one, marks all read, and sets what to be told', async () => {
    // The mentor accepting the request notifies the learner (the worker fans it out).
    const mentorshipId = await suite.api.mentorship(learner, mentor);
    await until(async () => (await unreadCount(learner)) === 1, 'the acceptance to reach the inbox');

    const page = await suite.page(learner);
    await page.goto('/inbox');
    await mainNav(page).getByRole('link', { name: 'Notifications (1 unread)', exact: true }).waitFor();
    const list = page.getByRole('list', { name: 'Notifications' });
    const accepted = list.getByRole('link', {
      name: `Unread: ${mentor.displayName} accepted your mentorship request.`,
      exact: true,
    });
    await accepted.waitFor();
    expect(await pageProblems(page, 'Notifications', 'inbox')).toEqual([]);
    // Admin-only parts stay hidden.
    expect(await mainNav(page).getByRole('link', { name: 'Reports' }).count()).toBe(0);

    // Following it opens the mentorship and marks it read.
    await accepted.click();
    await heading(page, `Mentorship with ${mentor.displayName}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/mentorships/${mentorshipId}`);
    await mainNav(page).getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    expect(await unreadCount(learner)).toBe(0);

    // A new message: "Mark all as read" clears the count.
    type Conversations = { items: { id: string; with: { id: string } }[] };
    const conversations = await suite.api.call<Conversations>('GET', '/v1/conversations', undefined, mentor);
    const conversation = conversations.items.find((c) => c.with.id === learner.id)!;
    await suite.api.call('POST', `/v1/conversations/${conversation.id}/messages`, { body: 'Welcome!' }, mentor);
    await until(async () => (await unreadCount(learner)) === 1, 'the message notification');
    await page.goto('/inbox');
    const message = list.getByRole('link', { name: `Unread: ${mentor.displayName} sent you a message.` });
    await message.waitFor();
    await mainNav(page).getByRole('link', { name: 'Notifications (1 unread)' }).waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await mainNav(page).getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    const read = list.getByRole('link', { name: `${mentor.displayName} sent you a message.`, exact: true });
    await read.waitFor();
    expect(await list.getByRole('link', { name: /^Unread:/ }).count()).toBe(0);
    expect(await unreadCount(learner)).toBe(0);
    expect(await read.getAttribute('href')).toBe(`/messages/${conversation.id}`);

    // Settings: mute two kinds, save, and they stay muted after a reload.
    await page.goto('/settings/notifications');
    const reminders = page.getByRole('checkbox', { name: 'Meetup reminders' });
    await reminders.waitFor();
    expect(await pageProblems(page, 'Notification settings', 'notification-settings')).toEqual([]);
    expect(await page.getByRole('checkbox', { name: 'E-mail me' }).isChecked()).toBe(true);
    await page.getByRole('group', { name: 'Messages and suggestions' }).waitFor();
    await reminders.check();
    await page.getByRole('checkbox', { name: 'New messages' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    type Preferences = { mutedTypes: string[] };
    await until(async () => {
      const saved = await suite.api.call<Preferences>('GET', '/v1/notification-preferences', undefined, learner);
      return saved.mutedTypes.length === 2;
    }, 'the preferences to be saved');
    await page.reload();
    await reminders.waitFor();
    expect(await reminders.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'New messages' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Session reminders' }).isChecked()).toBe(false);

    // A webhook to a private address is refused, and the field says why.
    const webhook = page.getByRole('textbox', { name: 'Webhook URL' });
    await webhook.fill('https://127.0.0.1/hooks/guildhall');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(webhook, /non-public address/)).toMatch(/127\.0\.0\.1/);
    expect(await webhook.getAttribute('aria-invalid')).toBe('true');

    // Reports are for admins only.
    await page.goto('/admin/reports');
    await heading(page, 'Not allowed').waitFor();
  });

  it('an admin reads reports in a table, dates in their zone', async () => {
    const reported = await suite.api.register(['mentor'], uniqueName('Sam'));
    await suite.api.call(
      'POST',
      '/v1/reports',
      { profileId: reported.id, reason: 'spam', details: 'Sends links to a crypto scheme' },
      learner,
    );
    const admin = await suite.api.register(['organizer'], uniqueName('Ada'));
    await suite.stack.grantAdmin(admin.email);

    const page = await suite.page(admin);
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Reports' }).click();
    const table = page.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: reported.displayName });
    await row.waitFor();
    expect(await pageProblems(page, 'Reports', 'admin-reports')).toEqual([]);
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers).toEqual(['Reporter', 'Reported person', 'Reason', 'Details', 'Date']);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual([
      learner.displayName,
      reported.displayName,
      'spam',
      'Sends links to a crypto scheme',
    ]);
    const me = await suite.api.call<{ timezone: string }>('GET', '/v1/profiles/me', undefined, admin);
    expect(cells[4]).toContain(`(${me.timezone})`);
  });
});
