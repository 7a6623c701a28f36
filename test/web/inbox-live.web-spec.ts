import { describe, expect, it } from '@jest/globals';
import { heading } from './support/browser.js';
import { browserSuite } from './support/suite.js';

/**
 * The inbox is live: the app reads GET /v1/notifications/stream (Server-Sent Events) and refetches what it shows
 * on each event. Two API replicas behind a round-robin proxy, so the page's stream and the action that causes the
 * notification (and the worker that creates it) are on different processes.
 */
const suite = browserSuite({}, { apiReplicas: 2 });

describe('inbox without reload (two API replicas)', () => {
  it('shows a new notification and the unread count in the navigation as soon as it is created', async () => {
    const api = suite.api;
    const [learner, mentor] = await Promise.all([api.learner(), api.mentor()]);
    const request = await api.request(learner, mentor);

    const page = await suite.page(learner);
    await page.goto('/inbox');
    await heading(page, 'Notifications').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    const loadedAt = Date.now();
    // A mark on this document: a reload would lose it.
    await page.evaluate(() => ((globalThis as Record<string, unknown>).inboxLiveMark = true));

    await api.call('POST', `/v1/mentorship-requests/${request.id}/accept`, {}, mentor);

    // Far sooner than the page's own polling (20 s for the list, 30 s for the count) would show it.
    const item = page.getByRole('link', { name: /accepted your mentorship request\./ });
    await item.waitFor({ timeout: 10_000 });
    await nav.getByRole('link', { name: 'Notifications (1 unread)' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - loadedAt).toBeLessThan(19_000);
    // Still the same document: nothing reloaded.
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).inboxLiveMark)).toBe(true);
  }, 60_000);
});
