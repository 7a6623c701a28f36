import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { heading, until } from './support/browser.js';
import { pageProblems } from './support/page-checks.js';
import type { PageGlobals } from './support/page-globals.js';
import { uniqueName } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * Mentoring programs in the browser: the organizer creates one, a learner joins and ranks through the UI (the
 * others through the API), the organizer runs matching, reads the result and publishes it. A learner limit of
 * one lets a mentorship started after the run make the first publish a 409 PUBLISH_CONFLICT.
 */
const suite = browserSuite({ MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '1' });

interface Membership {
  preferences: string[];
}

function newestRun(page: Page) {
  return page.getByRole('list', { name: 'Match runs' }).getByRole('listitem').first();
}

async function runMatching(page: Page) {
  const before = await page.getByRole('list', { name: 'Match runs' }).getByRole('listitem').count();
  await page.getByRole('button', { name: 'Run matching' }).click();
  await until(
    async () => (await page.getByRole('list', { name: 'Match runs' }).getByRole('listitem').count()) === before + 1,
    'the new run in the list',
  );
  // The list polls by itself until the worker is done: no reload.
  await newestRun(page).getByText('Done', { exact: true }).waitFor({ timeout: 30_000 });
  return newestRun(page);
}

describe('mentoring programs', () => {
  it('create, join, rank, run, see the pairs, publish (with a conflict first)', async () => {
    const api = suite.api;
    const organizer = await api.register(['organizer'], uniqueName('Olga'));
    const [ada, ben, mia, max, outsider] = await Promise.all([
      api.learner(uniqueName('Ada')),
      api.learner(uniqueName('Ben')),
      api.mentor({ displayName: uniqueName('Mia') }),
      api.mentor({ displayName: uniqueName('Max') }),
      api.mentor(),
    ]);
    const name = uniqueName('Backend cohort');

    // The organizer creates the program and finds it in their list.
    const org = await suite.page(organizer);
    await org.goto('/programs');
    await heading(org, 'Programs').waitFor();
    await org.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await org.getByRole('textbox', { name: 'Description', exact: true }).fill('Six weeks of PostgreSQL, paired.');
    await org.getByRole('combobox', { name: 'Mode' }).selectOption({ label: 'Stable' });
    await org.getByRole('button', { name: 'Create program' }).click();
    const link = org.getByRole('list', { name: 'Your programs' }).getByRole('link', { name });
    await link.waitFor();
    expect(await pageProblems(org, 'Programs', 'programs')).toEqual([]);
    await link.click();
    await heading(org, name).waitFor();
    const programId = org.url().split('/programs/')[1];
    await org.getByText('No match runs yet').waitFor();

    // Both mentors join through the API; Ada joins on the page and ranks.
    for (const mentor of [mia, max]) {
      await api.call('POST', `/v1/programs/${programId}/join`, { as: 'mentor', capacity: 1 }, mentor);
    }
    const learner = await suite.page(ada);
    await learner.goto(`/programs/${programId}`);
    await heading(learner, name).waitFor();
    expect(await learner.getByRole('button', { name: 'Join as mentor' }).count()).toBe(0);
    await learner.getByRole('button', { name: 'Join as learner' }).click();
    const ranking = learner.getByRole('list', { name: 'Your ranking' });
    await ranking.waitFor();
    const names = async () =>
      (await ranking.getByRole('listitem').allInnerTexts()).map((t) => (t.includes(max.displayName) ? 'max' : 'mia'));
    const first = (await names())[0];
    const lower = first === 'max' ? mia : max;
    const moved = ranking.getByRole('listitem', { name: lower.displayName });
    await moved.getByRole('button', { name: 'Move up' }).click();
    expect((await names())[0]).not.toBe(first);
    // Now first, its "Move up" is disabled: the keyboard focus stays with the person, on "Move down".
    const focused = await moved
      .getByRole('button', { name: 'Move down' })
      .evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement);
    expect(focused).toBe(true);
    await learner.getByText(`${lower.displayName} is now number 1 of 2`).waitFor();
    await learner.getByRole('button', { name: 'Save ranking' }).click();
    await learner.getByText('Ranking saved').waitFor();
    const mine = await api.call<Membership>('GET', `/v1/programs/${programId}/members/me`, undefined, ada);
    expect(mine.preferences[0]).toBe(lower.id);
    expect(await pageProblems(learner, name, 'program-member')).toEqual([]);
    // Ben wants the other mentor: with no contention, stable matching must give Ada her first choice. (Unranked, he
    // could be the mentors' favourite for Ada's choice too, and the pair the test expects would be up to scores.)
    const other = lower === mia ? max : mia;
    await api.call('POST', `/v1/programs/${programId}/join`, { as: 'learner', preferences: [other.id] }, ben);

    // The organizer sees both sides, runs matching and reads the result.
    await org.reload();
    await org.getByRole('list', { name: 'Learners' }).getByText(ada.displayName).waitFor();
    await org.getByRole('list', { name: 'Mentors' }).getByText(mia.displayName).waitFor();
    const run = await runMatching(org);
    for (const term of ['Matched', 'Unmatched', 'Total score', 'Blocking pairs']) {
      await run.getByText(term, { exact: true }).waitFor();
    }
    const pairs = run.getByRole('table');
    await pairs.getByRole('row', { name: new RegExp(`${ada.displayName}.*${lower.displayName}`) }).waitFor();
    expect(await pairs.getByRole('row').count()).toBe(3);
    expect(await pageProblems(org, name, 'program-organizer')).toEqual([]);

    // Ben started a mentorship elsewhere since the run: publishing names him and creates nothing.
    await api.mentorship(ben, outsider);
    await run.getByRole('button', { name: 'Publish' }).click();
    const dialog = org.getByRole('dialog', { name: 'Publish this match run?' });
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByRole('list', { name: 'Learners at their limit' }).getByText(ben.displayName).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A new run leaves him out; publishing it asks first, then the program is published.
    const second = await runMatching(org);
    expect(await second.getByRole('table').getByRole('row').count()).toBe(2);
    await second.getByRole('button', { name: 'Publish' }).click();
    await org.getByRole('dialog', { name: 'Publish this match run?' }).getByRole('button', { name: 'Publish' }).click();
    await second.getByText('Published', { exact: true }).waitFor();
    await org.getByText(/Published .*: its pairs are now mentorships/).waitFor();
    expect(await org.getByRole('button', { name: 'Run matching' }).count()).toBe(0);
    const program = await api.call<{ status: string }>('GET', `/v1/programs/${programId}`, undefined, organizer);
    expect(program.status).toBe('published');
    // One journey with two match runs and three full page checks: longer than the default 30 s on a busy machine.
  }, 90_000);
});
