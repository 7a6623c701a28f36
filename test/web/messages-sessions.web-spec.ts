import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { choose, heading, until } from './support/browser.js';
import { pageProblems } from './support/page-checks.js';
import type { Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * Conversations and mentorship sessions in the browser: a learner and a mentor in an active mentorship (set up
 * through the API) write to each other and book a session, each in a browser context of their own.
 */
const suite = browserSuite();

interface Pair {
  learner: Account;
  mentor: Account;
  mentorshipId: string;
  conversationId: string;
}

/**
 * Both are free on one evening three days from now only (Berlin and UTC: they share 17:00–20:00 UTC), so every
 * free time lies days ahead whenever the suite runs: a half hour that starts during the test cannot shift them.
 */
const SHARED_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(Date.now() + 3 * 86_400_000).getUTCDay()];

/** A fresh learner and mentor with an active mentorship and one shared evening. */
async function pair(): Promise<Pair> {
  const [learner, mentor] = await Promise.all([suite.api.learner(), suite.api.mentor()]);
  const availability = [{ day: SHARED_DAY, start: '17:00', end: '21:00' }];
  await Promise.all([learner, mentor].map((who) => suite.api.call('PATCH', '/v1/profiles/me', { availability }, who)));
  const mentorshipId = await suite.api.mentorship(learner, mentor);
  const conversations = await suite.api.call<{ items: { id: string; mentorshipId: string | null }[] }>(
    'GET',
    '/v1/conversations',
    undefined,
    learner,
  );
  const conversation = conversations.items.find((c) => c.mentorshipId === mentorshipId);
  if (!conversation) throw new Error('the accepted request opened no conversation');
  return { learner, mentor, mentorshipId, conversationId: conversation.id };
}

const REQUEST_MESSAGE = 'Could you help me get better at PostgreSQL?';

function sessionsSection(page: Page) {
  return page.getByRole('region', { name: 'Sessions' });
}

async function findTimes(page: Page, minutes: string) {
  const section = sessionsSection(page);
  await choose(section.getByRole('combobox', { name: 'Session length' }), minutes);
  await section.getByRole('button', { name: 'Find a time' }).click();
  const free = section.getByRole('list', { name: 'Free times' });
  await free.waitFor();
  return free;
}

describe('messages', () => {
  it('the learner writes; it shows in the mentor’s open conversation without reload; opening reads it', async () => {
    const { learner, mentor, conversationId } = await pair();
    const mentorPage = await suite.page(mentor);
    await mentorPage.goto('/messages');
    await heading(mentorPage, 'Messages').waitFor();
    const item = mentorPage.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first();
    await item.getByText('1 unread').waitFor();
    await item.getByText(REQUEST_MESSAGE).waitFor();
    await item.getByRole('link', { name: learner.displayName }).click();
    await heading(mentorPage, `Conversation with ${learner.displayName}`).waitFor();
    expect(mentorPage.url()).toContain(`/messages/${conversationId}`);
    await mentorPage
      .getByRole('list', { name: /^Messages/ })
      .getByText(REQUEST_MESSAGE)
      .waitFor();

    // Opening it read it: the list no longer counts it.
    await until(async () => {
      const list = await suite.api.call<{ items: { id: string; unreadCount: number }[] }>(
        'GET',
        '/v1/conversations',
        undefined,
        mentor,
      );
      return list.items.find((c) => c.id === conversationId)?.unreadCount === 0;
    }, 'the conversation to be read');

    const learnerPage = await suite.page(learner);
    await learnerPage.goto('/messages');
    await learnerPage
      .getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: mentor.displayName })
      .click();
    await heading(learnerPage, `Conversation with ${mentor.displayName}`).waitFor();
    const text = 'Thank you for accepting! Shall we meet on Tuesday?\nI have a query plan to show you.';
    await learnerPage.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
    await learnerPage.getByRole('button', { name: 'Send' }).click();
    await learnerPage
      .getByRole('list', { name: /^Messages/ })
      .getByText(/Shall we meet on Tuesday/)
      .waitFor();
    expect(await learnerPage.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe('');

    // The mentor's page was open all along: the message arrives by itself, after the request's, oldest first.
    const thread = mentorPage.getByRole('list', { name: /^Messages/ });
    await thread.getByText(/Shall we meet on Tuesday/).waitFor({ timeout: 20_000 });
    const bodies = await thread.getByRole('listitem').allInnerTexts();
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain(REQUEST_MESSAGE);
    expect(bodies[1]).toContain('I have a query plan to show you.');
  });

  it('an empty list says how a conversation starts', async () => {
    const loner = await suite.api.learner();
    const page = await suite.page(loner);
    await page.goto('/messages');
    await page.getByText('No conversations yet').waitFor();
    await page.getByText(/starts with a mentorship request/).waitFor();
  });
});

describe('sessions', () => {
  it('the learner finds a time and proposes it; the mentor confirms; the .ics downloads', async () => {
    const { learner, mentor, mentorshipId } = await pair();
    const learnerPage = await suite.page(learner);
    await learnerPage.goto(`/mentorships/${mentorshipId}`);
    await heading(learnerPage, `Mentorship with ${mentor.displayName}`).waitFor();
    const section = sessionsSection(learnerPage);
    const free = await findTimes(learnerPage, '45 minutes');
    // The learner's profile is in Europe/Berlin: the times are given, and named, in it.
    await section.getByText(/Times in Europe\/Berlin/).waitFor();
    const first = free.getByRole('button').first();
    const slotName = (await first.getAttribute('aria-label')) ?? '';
    expect(slotName).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, (18|19|20):[03]0$/);
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await section.getByRole('textbox', { name: 'Agenda' }).fill('Read an EXPLAIN ANALYZE together');
    await section.getByRole('textbox', { name: 'Meeting link' }).fill('https://meet.example.test/pg');
    await section.getByRole('button', { name: 'Propose session' }).click();

    const sessions = section.getByRole('list', { name: /^Sessions/ });
    const mine = sessions.getByRole('listitem').first();
    await mine.getByText('proposed', { exact: true }).waitFor();
    await mine.getByText(/waiting for .* to confirm/).waitFor();
    expect(await mine.getByRole('button', { name: 'Confirm' }).count()).toBe(0);

    type Sessions = { items: { id: string; status: string; durationMinutes: number; agenda: string | null }[] };
    const listed = await suite.api.call<Sessions>('GET', `/v1/mentorships/${mentorshipId}/sessions`, undefined, mentor);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ status: 'proposed', durationMinutes: 45 });

    const mentorPage = await suite.page(mentor);
    await mentorPage.goto(`/mentorships/${mentorshipId}`);
    const theirs = sessionsSection(mentorPage)
      .getByRole('list', { name: /^Sessions/ })
      .getByRole('listitem')
      .first();
    await theirs.getByRole('button', { name: 'Confirm' }).click();
    await theirs.getByText('confirmed', { exact: true }).waitFor();
    expect(await theirs.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
    await theirs.getByRole('button', { name: 'Cancel session' }).waitFor();

    // "Add to calendar" needs the Bearer token: the app fetches the file and hands it over as a download.
    const [download] = await Promise.all([
      mentorPage.waitForEvent('download'),
      theirs.getByRole('link', { name: 'Add to calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^guildhall-session-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:`);
    expect(ics).toMatch(/STATUS:CONFIRMED/);

    // The learner’s page, still open, follows without a reload: the stream brings the confirmation.
    await mine.getByText('confirmed', { exact: true }).waitFor({ timeout: 25_000 });
  });

  it('a time taken meanwhile is refused (SESSION_CLASH), said in words; the free times are refreshed', async () => {
    const { learner, mentor, mentorshipId } = await pair();
    const page = await suite.page(learner);
    await page.goto(`/mentorships/${mentorshipId}`);
    const section = sessionsSection(page);
    const free = await findTimes(page, '60 minutes');
    const first = free.getByRole('button').first();
    const taken = (await first.getAttribute('aria-label')) ?? '';
    await first.click();

    // The mentor books that very time from elsewhere before the learner sends the proposal.
    const slots = await suite.api.call<{ items: { startsAt: string }[] }>(
      'GET',
      `/v1/mentorships/${mentorshipId}/slots?minutes=60`,
      undefined,
      mentor,
    );
    await suite.api.call(
      'POST',
      `/v1/mentorships/${mentorshipId}/sessions`,
      { startsAt: slots.items[0].startsAt, durationMinutes: 60 },
      mentor,
    );
    await section.getByRole('button', { name: 'Propose session' }).click();
    await section
      .getByRole('alert')
      .getByText(/no longer free: it overlaps another session/)
      .waitFor();
    await until(
      async () => (await free.getByRole('button', { name: taken, exact: true }).count()) === 0,
      'the taken time to leave the free times',
    );
    await section.getByText(/No time chosen yet/).waitFor();
  });
});

describe('every new page', () => {
  it('/messages, /messages/:id and /mentorships/:id: landmarks, title, accessibility, 375 px', async () => {
    const { learner, mentor, mentorshipId, conversationId } = await pair();
    await suite.api.call(
      'POST',
      `/v1/conversations/${conversationId}/messages`,
      { body: 'Happy to help. Send me the query and its EXPLAIN output.' },
      mentor,
    );
    const page = await suite.page(learner);

    await page.goto('/messages');
    await page.getByRole('list', { name: 'Conversations' }).getByText('1 unread').waitFor();
    expect(await pageProblems(page, 'Messages', 'messages')).toEqual([]);

    await page.goto(`/messages/${conversationId}`);
    const h1 = `Conversation with ${mentor.displayName}`;
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await page.getByText(/Send me the query/).waitFor();
    expect(await pageProblems(page, h1, 'conversation')).toEqual([]);

    // With a session of each kind the learner can act on: one to confirm, one confirmed.
    const slots = await suite.api.call<{ items: { startsAt: string }[] }>(
      'GET',
      `/v1/mentorships/${mentorshipId}/slots?minutes=30`,
      undefined,
      mentor,
    );
    const [a, b] = [slots.items[0].startsAt, slots.items.at(-1)?.startsAt];
    const path = `/v1/mentorships/${mentorshipId}/sessions`;
    await suite.api.call(
      'POST',
      path,
      { startsAt: a, durationMinutes: 30, meetingUrl: 'https://meet.example.test/a' },
      mentor,
    );
    const later = await suite.api.call<{ id: string }>('POST', path, { startsAt: b, durationMinutes: 30 }, learner);
    await suite.api.call('POST', `${path}/${later.id}/confirm`, {}, mentor);
    await page.goto(`/mentorships/${mentorshipId}`);
    await sessionsSection(page).getByRole('button', { name: 'Confirm' }).waitFor();
    await findTimes(page, '30 minutes');
    await sessionsSection(page).getByRole('list', { name: 'Free times' }).getByRole('button').first().click();
    expect(await pageProblems(page, `Mentorship with ${mentor.displayName}`, 'mentorship-sessions')).toEqual([]);
  });
});
