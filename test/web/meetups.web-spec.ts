import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, fieldError, heading, search, until } from './support/browser.js';
import { pageProblems } from './support/page-checks.js';
import { uniqueName, type Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * Meetups in the browser: an organizer publishes one through the form (read in the organizer's zone, not the
 * browser's), edits it, two learners answer a one-seat meetup (the second is waitlisted), the organizer checks
 * the first in and cancels it; a visitor who is not signed in browses and is asked to sign in to answer.
 */
const suite = browserSuite();
// Each test walks several pages through a form and two or three browser contexts: more than the 30 s default
// on a busy two-core machine.
jest.setTimeout(90_000);

interface MeetupJson {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  status: string;
  goingCount: number;
  waitlistCount: number;
  venue: { city: string; country: string } | null;
}

/** An organizer whose profile zone (New York) differs from the browser's (Berlin). */
async function organizer(): Promise<Account> {
  const o = await suite.api.register(['organizer'], uniqueName('Olu'));
  await suite.api.call('PATCH', '/v1/profiles/me', { timezone: 'America/New_York' }, o);
  return o;
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The API paths (with their query) a page asks the network for, as they happen. */
function apiRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/v1/')) paths.push(url.pathname + url.search);
  });
  return paths;
}

const getMeetup = (id: string, who?: Account) => suite.api.call<MeetupJson>('GET', `/v1/meetups/${id}`, undefined, who);

describe('meetups', () => {
  it('an organizer publishes a meetup read in their zone, then edits it; field errors show at the field', async () => {
    const org = await organizer();
    const page = await suite.page(org);
    await page.goto('/meetups');
    await heading(page, 'Meetups').waitFor();
    await page.getByRole('list', { name: 'Upcoming meetups' }).or(page.getByText('No upcoming meetups yet')).waitFor();
    expect(await pageProblems(page, 'Meetups', 'meetups-organizer')).toEqual([]);
    await page.getByRole('link', { name: 'New meetup' }).first().click();
    await heading(page, 'New meetup').waitFor();

    // The meetup's zone defaults to the organizer's profile zone.
    const zone = page.getByRole('combobox', { name: 'Time zone', exact: true });
    await until(async () => (await zone.inputValue()) === 'America/New_York', 'the organizer’s zone as default');
    const title = uniqueName('Postgres evening');
    await field(page, 'Title').fill(title);
    await field(page, 'Description').fill('Query plans, indexes and a slice of pizza.');
    await field(page, 'Starts').fill('2027-07-15 18:30');
    await field(page, 'Ends').fill('2027-07-15 20:30');
    await field(page, 'Venue name').fill('Guild Hall');
    await field(page, 'Address').fill('1 Main Street');
    await search(page.getByRole('combobox', { name: 'City', exact: true }), 'New York', /New York/);
    await page.getByRole('textbox', { name: 'Capacity', exact: true }).fill('1');
    await search(page.getByRole('combobox', { name: 'Skills', exact: true }), 'postgres', 'PostgreSQL');
    await page.keyboard.press('Escape');
    await choose(page.getByRole('combobox', { name: 'Level', exact: true }), 'Beginner');
    expect(await pageProblems(page, 'New meetup', 'meetup-new')).toEqual([]);
    await page.getByRole('button', { name: 'Publish meetup' }).click();

    await heading(page, title).waitFor();
    const id = /\/meetups\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    const saved = await getMeetup(id, org);
    // 18:30 in New York in July (EDT, UTC−4), whatever the browser's zone.
    expect(new Date(saved.startsAt).toISOString()).toBe('2027-07-15T22:30:00.000Z');
    expect(saved).toMatchObject({ timezone: 'America/New_York', venue: { city: 'New York City', country: 'US' } });
    await page.getByText('18:30 (America/New_York)').first().waitFor();
    expect(await pageProblems(page, title, 'meetup-organizer')).toEqual([]);

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await heading(page, 'Edit meetup').waitFor();
    expect(await field(page, 'Starts').inputValue()).toBe('2027-07-15 18:30');
    // The API refuses an end before the start: its message sits at "Ends".
    await field(page, 'Ends').fill('2027-07-15 17:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await fieldError(field(page, 'Ends'), /after/i);
    expect(await pageProblems(page, 'Edit meetup', 'meetup-edit')).toEqual([]);
    await field(page, 'Ends').fill('2027-07-15 21:00');
    await field(page, 'Title').fill(`${title} (edited)`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, `${title} (edited)`).waitFor();
    expect(new Date((await getMeetup(id, org)).endsAt).toISOString()).toBe('2027-07-16T01:00:00.000Z');
  });

  it('learners answer a one-seat meetup; the second is waitlisted; the organizer checks in and cancels', async () => {
    const org = await organizer();
    const [first, second] = await Promise.all([
      suite.api.learner(uniqueName('Ada')),
      suite.api.learner(uniqueName('Bo')),
    ]);
    const meetup = await suite.api.call<MeetupJson>(
      'POST',
      '/v1/meetups',
      {
        title: uniqueName('Index clinic'),
        description: 'Bring a slow query.',
        startsAt: '2027-05-20T16:00:00Z',
        endsAt: '2027-05-20T18:00:00Z',
        timezone: 'Europe/Berlin',
        online: true,
        onlineUrl: 'https://meet.example.test/index-clinic',
        capacity: 1,
        skills: ['postgresql'],
      },
      org,
    );

    const firstPage = await suite.page(first);
    await firstPage.goto(`/meetups/${meetup.id}`);
    await heading(firstPage, meetup.title).waitFor();
    await firstPage.getByRole('radio', { name: 'Going', exact: true }).check();
    await until(async () => (await getMeetup(meetup.id, org)).goingCount === 1, 'the first learner going');

    const secondPage = await suite.page(second);
    await secondPage.goto(`/meetups/${meetup.id}`);
    await heading(secondPage, meetup.title).waitFor();
    await secondPage.getByText('0 of 1').waitFor();
    await secondPage.getByRole('radio', { name: 'Going', exact: true }).check();
    await secondPage.getByText('Waitlisted: position 1').waitFor();
    expect(await secondPage.getByRole('radio', { name: 'Going', exact: true }).isChecked()).toBe(true);
    // Shown in the learner's own zone (Berlin), named.
    await secondPage.getByText('18:00 (Europe/Berlin)').first().waitFor();
    // The link is the going members' only: the waitlisted one does not get it.
    expect(await secondPage.getByRole('link', { name: 'Join online' }).count()).toBe(0);
    expect(await pageProblems(secondPage, meetup.title, 'meetup-member')).toEqual([]);

    const orgPage = await suite.page(org);
    await orgPage.goto(`/meetups/${meetup.id}/attendees`);
    await heading(orgPage, 'Attendees').waitFor();
    const table = orgPage.getByRole('table');
    const firstRow = table.getByRole('row').filter({ hasText: first.displayName });
    await firstRow.getByRole('button', { name: 'Check in' }).click();
    await firstRow.getByRole('button', { name: 'Check in' }).waitFor({ state: 'detached' });
    await firstRow.getByText('(America/New_York)').waitFor();
    expect(await table.getByRole('row').filter({ hasText: second.displayName }).innerText()).toMatch(/Waitlisted\s+1/i);
    await orgPage.getByRole('searchbox', { name: 'Find attendee' }).fill(second.displayName.split(' ')[1]);
    await until(async () => (await table.getByRole('row').count()) === 2, 'the search to leave one row');
    expect(await pageProblems(orgPage, 'Attendees', 'meetup-attendees')).toEqual([]);

    await orgPage.goto(`/meetups/${meetup.id}`);
    await orgPage.getByRole('button', { name: 'Cancel meetup' }).click();
    const dialog = orgPage.getByRole('dialog', { name: 'Cancel this meetup?' });
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await orgPage.getByText('This meetup was cancelled').waitFor();
    expect((await getMeetup(meetup.id, org)).status).toBe('cancelled');

    await firstPage.reload();
    await firstPage.getByText('This meetup was cancelled').waitFor();
    expect(await firstPage.getByRole('radio', { name: 'Going', exact: true }).isDisabled()).toBe(true);
  });

  it('a visitor who is not signed in browses meetups and is asked to sign in to answer', async () => {
    const org = await organizer();
    const title = uniqueName('Open testing night');
    const meetup = await suite.api.call<MeetupJson>(
      'POST',
      '/v1/meetups',
      {
        title,
        description: 'Property-based tests for everyone.',
        startsAt: '2027-06-10T17:00:00Z',
        endsAt: '2027-06-10T19:00:00Z',
        timezone: 'Europe/Berlin',
        online: true,
        onlineUrl: 'https://meet.example.test/testing-night',
        capacity: 30,
        skills: [],
      },
      org,
    );
    const page = await suite.page();
    // The document preloads the list's first page (page-data-preloads.ts): the app must use that answer, not
    // fetch it again, and a shared meetup link does the same with its meetup.
    const fetched = apiRequests(page);
    await page.goto('/meetups');
    await heading(page, 'Meetups').waitFor();
    await page.getByRole('list', { name: 'Upcoming meetups' }).getByRole('link', { name: title }).waitFor();
    expect(fetched.filter((path) => path.startsWith('/v1/meetups'))).toEqual(['/v1/meetups?limit=20']);
    await page.getByRole('searchbox', { name: 'Search meetups' }).fill(title.split(' ').slice(-1)[0]);
    await until(() => Promise.resolve(new URL(page.url()).searchParams.has('q')), 'the search in the address');
    const list = page.getByRole('list', { name: 'Upcoming meetups' });
    // The unfiltered answer may still be on screen when the address changes: wait for the filtered one.
    await until(async () => (await list.getByRole('listitem').count()) === 1, 'the one matching meetup');
    await list.getByRole('link', { name: title }).waitFor();
    expect(await pageProblems(page, 'Meetups', 'meetups-visitor')).toEqual([]);

    const shared = await suite.page();
    const fetchedShared = apiRequests(shared);
    await shared.goto(`/meetups/${meetup.id}`);
    await heading(shared, title).waitFor();
    expect(fetchedShared.filter((path) => path.startsWith('/v1/meetups'))).toEqual([`/v1/meetups/${meetup.id}`]);
    await shared.close();

    await list.getByRole('link', { name: title }).click();
    await heading(page, title).waitFor();
    await page.getByText('(Europe/Berlin)').first().waitFor();
    // The link is for members who are going only.
    expect(await page.getByRole('link', { name: 'Join online' }).count()).toBe(0);
    expect(await pageProblems(page, title, 'meetup-visitor')).toEqual([]);
    await page.getByRole('link', { name: 'Sign in to RSVP' }).click();
    await heading(page, 'Sign in').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/meetups/${meetup.id}`);

    // The back button restores the filtered list.
    await page.goBack();
    await page.goBack();
    await heading(page, 'Meetups').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search meetups' }).inputValue()).toBe(
      title.split(' ').slice(-1)[0],
    );

    // "My location" puts the browser's position in the address; near a place means in person, so the online
    // meetup drops out and the empty state says what to do.
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 38.7223, longitude: -9.1393 });
    await page.getByRole('button', { name: 'My location' }).click();
    await until(
      () => Promise.resolve(new URL(page.url()).searchParams.get('lat') === '38.722'),
      'the position in the address',
    );
    const near = page.getByRole('combobox', { name: 'Near', exact: true });
    await until(async () => (await near.inputValue()) === 'Your location', '"Near" showing "Your location"');
    await page.getByText('No upcoming meetup matches these filters').waitFor();
    await page.getByRole('button', { name: 'clear every filter' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search meetups' }).inputValue()).toBe('');
  });
});
