import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { heading, tabTo, until } from './support/browser.js';
import { pageProblems } from './support/page-checks.js';
import type { Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * Every page of the learner's part of the app, with real content in it: one main landmark, one h1 that the
 * title repeats, no serious or critical WCAG 2.1 A/AA finding, no sideways scrolling at 375 px.
 */
// A learner here holds a mentorship and a pending request at once.
const suite = browserSuite({ MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '3' });

interface World {
  learner: Account & { goalId: string };
  /** Suggested, not yet asked: their page offers "Request mentorship". */
  mentor: Account;
  /** Asked, pending. */
  asked: Account;
  /** In an active mentorship with the learner. */
  partner: Account;
  mentorshipId: string;
}
let world: World;

beforeAll(async () => {
  const api = suite.api;
  const [mentor, asked, partner, learner] = await Promise.all([
    api.mentor(),
    api.mentor(),
    api.mentor(),
    api.learner(),
  ]);
  const mentorshipId = await api.mentorship(learner, partner);
  await api.request(learner, asked);
  await api.readySuggestions(learner);
  world = { learner, mentor, asked, partner, mentorshipId };
}, 60_000);

interface Visit {
  name: string;
  path: () => string;
  h1: () => string;
  signedIn: boolean;
  /** What must be on the page before it is judged (its content, not only its frame). */
  ready?: (page: Page) => Promise<void>;
}

const VISITS: Visit[] = [
  { name: 'home-signed-out', path: () => '/', h1: () => 'Guildhall', signedIn: false },
  { name: 'register', path: () => '/register', h1: () => 'Create account', signedIn: false },
  { name: 'login', path: () => '/login', h1: () => 'Sign in', signedIn: false },
  {
    name: 'home',
    path: () => '/',
    h1: () => 'Guildhall',
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('list', { name: 'Next steps' }).waitFor();
      // The learner has unread notifications (a mentorship began): the link's name carries the count.
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ }).waitFor();
    },
  },
  {
    name: 'profile',
    path: () => '/settings/profile',
    h1: () => 'Your profile',
    signedIn: true,
    ready: (page) => page.getByRole('button', { name: 'Save profile' }).waitFor(),
  },
  {
    name: 'skills',
    path: () => '/settings/skills',
    h1: () => 'Your skills',
    signedIn: true,
    ready: (page) => page.getByText('PostgreSQL').first().waitFor(),
  },
  {
    name: 'goals',
    path: () => '/settings/goals',
    h1: () => 'Your goals',
    signedIn: true,
    ready: (page) => page.getByRole('button', { name: 'Mark achieved' }).first().waitFor(),
  },
  {
    name: 'suggestions',
    path: () => '/suggestions',
    h1: () => 'Suggested mentors',
    signedIn: true,
    ready: (page) => page.getByRole('link', { name: world.mentor.displayName }).waitFor(),
  },
  {
    name: 'mentors',
    path: () => '/mentors',
    h1: () => 'Find a mentor',
    signedIn: true,
    ready: (page) => page.getByRole('link', { name: world.mentor.displayName }).waitFor(),
  },
  {
    name: 'person',
    path: () => `/people/${world.mentor.id}`,
    h1: () => world.mentor.displayName,
    signedIn: true,
    ready: (page) => page.getByRole('button', { name: 'Request mentorship' }).waitFor(),
  },
  {
    name: 'request-dialog',
    path: () => `/people/${world.mentor.id}`,
    h1: () => world.mentor.displayName,
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('button', { name: 'Request mentorship' }).click();
      await page.getByRole('dialog', { name: 'Request mentorship' }).waitFor();
    },
  },
  {
    name: 'requests',
    path: () => '/requests',
    h1: () => 'Requests',
    signedIn: true,
    ready: (page) => page.getByText(world.asked.displayName).first().waitFor(),
  },
  {
    name: 'mentorships',
    path: () => '/mentorships',
    h1: () => 'Mentorships',
    signedIn: true,
    ready: (page) => page.getByRole('link', { name: new RegExp(world.partner.displayName) }).waitFor(),
  },
  {
    name: 'mentorship',
    path: () => `/mentorships/${world.mentorshipId}`,
    h1: () => `Mentorship with ${world.partner.displayName}`,
    signedIn: true,
    ready: (page) => page.getByRole('button', { name: 'Add task' }).waitFor(),
  },
];

describe('every page', () => {
  it.each(VISITS.map((v) => [v.name, v] as const))('%s: landmarks, title, accessibility, 375 px', async (_, visit) => {
    const page = await suite.page(visit.signedIn ? world.learner : undefined);
    await page.goto(visit.path());
    await heading(page, visit.h1()).waitFor();
    await visit.ready?.(page);
    expect(await pageProblems(page, visit.h1(), visit.name)).toEqual([]);
  });

  it('the request dialog works with the keyboard alone: open, fill, tick a goal, send', async () => {
    const learner = await suite.api.learner();
    const page = await suite.page(learner);
    await page.goto(`/people/${world.mentor.id}`);
    await heading(page, world.mentor.displayName).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Request mentorship' }), 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Request mentorship' });
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('textbox', { name: 'Message', exact: true }));
    await page.keyboard.type('Hello! Could you help me with query plans?');
    const goal = dialog.getByRole('checkbox', { name: /PostgreSQL/ });
    await tabTo(page, goal);
    if (!(await goal.isChecked())) await page.keyboard.press('Space');
    expect(await goal.isChecked()).toBe(true);
    await tabTo(page, dialog.getByRole('button', { name: 'Send request' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    type Requests = { items: { mentorId: string; goalIds: string[] }[] };
    await until(async () => {
      const sent = await suite.api.call<Requests>('GET', '/v1/mentorship-requests?as=learner', undefined, learner);
      return sent.items.some((r) => r.mentorId === world.mentor.id && r.goalIds.includes(learner.goalId));
    }, 'the request to be sent');
  });
});
