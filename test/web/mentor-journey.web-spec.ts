import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { choose, fieldError, heading, until } from './support/browser.js';
import { pageProblems } from './support/page-checks.js';
import { uniqueName, type Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * The mentor's side of the web app: mentoring settings, deciding on received requests with what the learner
 * shared (goals, skills), and a mentorship from accept to feedback. Learners and their requests are seeded
 * through the API; the mentor works in one browser context per test.
 */
const suite = browserSuite();

type Learner = Account & { goalId: string };
interface Req {
  status: string;
  declineReason: string | null;
  declineNote: string | null;
}

let mentor: Account;

beforeAll(async () => {
  mentor = await suite.api.register(['mentor'], uniqueName('Mira'));
}, 60_000);

const expectNoProblems = async (page: Page, h1: string, shot: string) =>
  expect(await pageProblems(page, h1, shot)).toEqual([]);

/** A learner with skills, a dated goal with a note, and a pending request to the mentor naming that goal. */
async function requestingLearner(first: string): Promise<{ learner: Learner; requestId: string }> {
  const learner = await suite.api.learner(uniqueName(first));
  const goal = await suite.api.call<{ id: string }>(
    'POST',
    '/v1/profiles/me/goals',
    { skill: 'docker', targetLevel: 3, targetDate: '2027-03-31', note: `${first} wants to ship containers` },
    learner,
  );
  const req = await suite.api.call<{ id: string }>(
    'POST',
    '/v1/mentorship-requests',
    { mentorId: mentor.id, message: `Hello from ${first}`, goalIds: [goal.id] },
    learner,
  );
  return { learner, requestId: req.id };
}

describe('the mentor journey', () => {
  it('mentoring settings: opt in with a capacity, errors at the field', async () => {
    const page = await suite.page(mentor);
    await page.goto('/settings/mentoring');
    await heading(page, 'Mentoring').waitFor();
    await page.getByText(/Learners cannot send you requests/).waitFor();

    const capacity = page.getByRole('textbox', { name: 'Capacity' });
    await capacity.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await fieldError(capacity, /Enter a capacity/);

    await page.getByRole('checkbox', { name: 'Accepting mentees' }).check();
    await capacity.fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Learners can find you and send requests.').waitFor();
    const saved = await suite.api.call('GET', '/v1/profiles/me/mentoring', undefined, mentor);
    expect(saved).toEqual({ acceptingMentees: true, capacity: 1, activeMentees: 0, openSlots: 1 });
    await expectNoProblems(page, 'Mentoring', 'mentor-settings');
  });

  it('received requests: decide with the learner’s goals and skills; then the mentorship to feedback', async () => {
    // Newest first on the page: Cy, then Bo, then Ada.
    const ada = await requestingLearner('Ada');
    const bo = await requestingLearner('Bo');
    const cy = await requestingLearner('Cy');
    const contactUrl = `https://example.test/meet/${bo.learner.id}`;
    await suite.api.call('PATCH', '/v1/profiles/me', { contactUrl }, bo.learner);
    const requestOf = (id: string) => suite.api.call<Req>('GET', `/v1/mentorship-requests/${id}`, undefined, mentor);

    const page = await suite.page(mentor);
    await page.goto('/requests');
    await heading(page, 'Requests').waitFor();
    await page.getByRole('tab', { name: 'Received' }).click();
    const received = page.getByRole('list', { name: 'Requests you received' });
    const card = (who: Learner) =>
      received.getByRole('listitem').filter({ has: page.getByRole('link', { name: who.displayName }) });

    // What the learner shared: a link to their page, their goal (target, date, note) and their skills.
    const adaCard = card(ada.learner);
    expect(await adaCard.getByRole('link', { name: ada.learner.displayName }).getAttribute('href')).toBe(
      `/people/${ada.learner.id}`,
    );
    const goals = adaCard.getByRole('list', { name: /Goals named/ });
    await goals.getByText(/Docker to 3 Practitioner by 31 Mar 2027/).waitFor();
    await goals.getByText('Ada wants to ship containers', { exact: false }).waitFor();
    const skills = adaCard.getByRole('list', { name: /skills/ });
    await skills.getByText('PostgreSQL: 1 Aware').waitFor();
    await skills.getByText('SQL: 1 Aware', { exact: true }).waitFor();
    await expectNoProblems(page, 'Requests', 'mentor-requests');

    // Decline Ada through the dialog, with a reason and a note.
    await adaCard.getByRole('button', { name: 'Decline', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Decline request' });
    await choose(dialog.getByRole('combobox', { name: 'Reason' }), 'Our schedules do not fit');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Try the Thursday meetup instead.');
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await until(async () => (await requestOf(ada.requestId)).status === 'declined', 'Ada’s request to be declined');
    expect(await requestOf(ada.requestId)).toMatchObject({
      declineReason: 'schedule_mismatch',
      declineNote: 'Try the Thursday meetup instead.',
    });
    await adaCard.getByText('Reason: Our schedules do not fit').waitFor();

    // Accept Bo: success with a link to the new mentorship. That fills the one slot, so Cy cannot be accepted.
    await card(bo.learner).getByRole('button', { name: 'Accept' }).click();
    const open = card(bo.learner).getByRole('link', { name: 'Open the mentorship' });
    await open.waitFor();
    const mentorshipHref = (await open.getAttribute('href')) ?? '';
    expect(mentorshipHref).toMatch(/^\/mentorships\/[0-9a-f-]{36}$/);
    await card(cy.learner).getByRole('button', { name: 'Accept' }).click();
    const full = card(cy.learner).getByRole('alert');
    await full.getByText('No open mentee slot').waitFor();
    expect(await full.getByRole('link').getAttribute('href')).toBe('/settings/mentoring');

    // The settings page lists Bo as an active mentee, linking to the mentorship.
    await full.getByRole('link').click();
    await heading(page, 'Mentoring').waitFor();
    await page.getByText('Open slots: 0').waitFor();
    await page
      .getByRole('list', { name: 'Active mentees' })
      .getByRole('link', { name: bo.learner.displayName })
      .click();

    await heading(page, `Mentorship with ${bo.learner.displayName}`).waitFor();
    expect(page.url()).toMatch(new RegExp(`${mentorshipHref}$`));
    const mentorshipId = mentorshipHref.split('/').pop() ?? '';
    const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(contactUrl);
    await page
      .getByRole('list', { name: 'Goals of this mentorship' })
      .getByText(/Docker to 3 Practitioner/)
      .waitFor();

    const task = 'Containerise the demo app';
    await page.getByRole('textbox', { name: 'Task', exact: true }).fill(task);
    await page.getByRole('textbox', { name: 'Due date' }).fill('2027-01-15');
    await page.getByRole('button', { name: 'Add task' }).click();
    const box = page.getByRole('checkbox', { name: task });
    await box.click();
    await until(() => box.isChecked(), 'the task box to be ticked');
    type Mentorship = { status: string; tasks: { title: string; dueDate: string | null; done: boolean }[] };
    const mentorship = () => suite.api.call<Mentorship>('GET', `/v1/mentorships/${mentorshipId}`, undefined, mentor);
    expect((await mentorship()).tasks).toEqual([expect.objectContaining({ title: task, dueDate: '2027-01-15' })]);
    await expectNoProblems(page, `Mentorship with ${bo.learner.displayName}`, 'mentor-mentorship');

    await page.getByRole('button', { name: 'Complete mentorship' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Complete', exact: true }).click();
    await until(async () => (await mentorship()).status === 'completed', 'the mentorship to be completed');

    await page.getByRole('radiogroup', { name: 'Rating' }).getByRole('radio', { name: '4' }).check();
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Keen and well prepared.');
    const sent = page.waitForResponse(
      (r) => r.url().endsWith(`/v1/mentorships/${mentorshipId}/feedback`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Send feedback' }).click();
    expect((await sent).status()).toBe(201);
    await page.getByText('Thank you: your feedback was sent.').waitFor();
    // Back later, the page shows the feedback given instead of offering the form again.
    await page.reload();
    await page.getByText(/You rated this mentorship 4 out of 5/).waitFor();
    await page.getByText('“Keen and well prepared.”').waitFor();
    expect(await page.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);
  });
});
