import { describe, expect, it } from '@jest/globals';
import { choose, expectSignedIn, heading, search, until } from './support/browser.js';
import { uniqueName, type Account } from './support/seed.js';
import { browserSuite } from './support/suite.js';

/**
 * The learner's journey of the web app, page by page in the order a newcomer takes it: each test starts from
 * the state the previous step leaves (seeded through the API) and does its own step through the UI, by the
 * accessible names the UI contract fixes.
 */
const suite = browserSuite();

interface Profile {
  displayName: string;
  timezone: string;
  languages: string[];
  location: { city: string; country: string; lat: number; lng: number } | null;
  availability: { day: string; start: string; end: string }[];
}

const profileOf = (who: Account) => suite.api.call<Profile>('GET', '/v1/profiles/me', undefined, who);

describe('the learner journey', () => {
  it('a newcomer creates a learner account and sees the next steps', async () => {
    const page = await suite.page();
    await page.goto('/');
    await page.getByRole('link', { name: 'Create account' }).click();
    await heading(page, 'Create account').waitFor();
    const name = uniqueName('Noor');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`noor-${Date.now()}@example.test`);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
    await page.getByRole('textbox', { name: 'Display name', exact: true }).fill(name);
    await page.getByRole('checkbox', { name: 'Learner' }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectSignedIn(page);

    await page.goto('/');
    const steps = page.getByRole('list', { name: 'Next steps' });
    await steps.waitFor();
    expect(await steps.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
  });

  it('profile: browser zone proposed; city from the places search, languages and a time window saved', async () => {
    const learner = await suite.api.register(['learner']);
    const page = await suite.page(learner);
    await page.goto('/settings/profile');
    await heading(page, 'Your profile').waitFor();

    // A fresh profile is in UTC; the page proposes the browser's zone (this context runs in Europe/Berlin).
    const timezone = page.getByRole('combobox', { name: 'Time zone', exact: true });
    const proposed =
      (await timezone.inputValue()).includes('Berlin') || (await page.getByText(/Europe\/Berlin/).count()) > 0;
    expect(proposed).toBe(true);

    await page
      .getByRole('textbox', { name: 'Headline', exact: true })
      .fill('Career changer, learning backend development');
    await search(timezone, 'Lisbon', /Europe\/Lisbon/);
    await search(page.getByRole('combobox', { name: 'Languages', exact: true }), 'Portug', /Portuguese/);
    // Typo-tolerant: "Lisbn" still finds Lisbon.
    await search(page.getByRole('combobox', { name: 'City' }), 'Lisbn', /Lisbon/);
    await page.getByRole('button', { name: 'Add time window' }).click();
    await choose(page.getByRole('combobox', { name: 'Day', exact: true }).last(), /^Wed/);
    await page.getByRole('textbox', { name: 'From', exact: true }).last().fill('18:00');
    await page.getByRole('textbox', { name: 'To', exact: true }).last().fill('20:00');
    await page.getByRole('button', { name: 'Save profile' }).click();

    await until(async () => (await profileOf(learner)).location !== null, 'the profile to be saved');
    const saved = await profileOf(learner);
    expect(saved.timezone).toBe('Europe/Lisbon');
    expect(saved.languages).toContain('pt');
    expect(saved.location).toMatchObject({ city: 'Lisbon', country: 'PT' });
    expect(saved.location?.lat).toBeCloseTo(38.7, 0);
    expect(saved.location?.lng).toBeCloseTo(-9.1, 0);
    expect(saved.availability).toContainEqual({ day: 'wed', start: '18:00', end: '20:00' });
  });

  it('skills: "Add a skill" finds a skill by its alias, with a level, saved', async () => {
    const learner = await suite.api.register(['learner']);
    const page = await suite.page(learner);
    await page.goto('/settings/skills');
    await heading(page, 'Your skills').waitFor();

    await search(page.getByRole('combobox', { name: 'Add a skill' }), 'K8s', /Kubernetes/);
    await choose(page.getByRole('combobox', { name: 'Level', exact: true }), '3 Practitioner');
    await page.getByRole('button', { name: 'Save skills' }).click();

    type Skills = { skills: { skill: string; level: number }[] };
    const skillsOf = () => suite.api.call<Skills>('GET', `/v1/profiles/${learner.id}/skills`, undefined, learner);
    await until(async () => (await skillsOf()).skills.length > 0, 'the skills to be saved');
    expect((await skillsOf()).skills).toEqual([expect.objectContaining({ skill: 'kubernetes', level: 3 })]);
  });

  it('goals: a goal added through the taxonomy search, then marked achieved', async () => {
    const learner = await suite.api.register(['learner']);
    const page = await suite.page(learner);
    await page.goto('/settings/goals');
    await heading(page, 'Your goals').waitFor();

    await search(page.getByRole('combobox', { name: 'Skill', exact: true }), 'Postgres', /PostgreSQL/);
    await choose(page.getByRole('combobox', { name: 'Target level', exact: true }), /4/);
    await page.getByRole('textbox', { name: 'Target date', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Read query plans without fear');
    await page.getByRole('button', { name: 'Add goal' }).click();

    type Goals = { items: { id: string; skill: string; targetLevel: number; status: string; note: string }[] };
    const goalsOf = () => suite.api.call<Goals>('GET', '/v1/profiles/me/goals', undefined, learner);
    await until(async () => (await goalsOf()).items.length > 0, 'the goal to be added');
    expect((await goalsOf()).items).toEqual([
      expect.objectContaining({
        skill: 'postgresql',
        targetLevel: 4,
        status: 'active',
        note: 'Read query plans without fear',
      }),
    ]);

    await page.getByRole('button', { name: 'Mark achieved' }).click();
    await until(async () => (await goalsOf()).items[0]?.status === 'achieved', 'the goal to be achieved');
  });

  it('suggestions: "Refresh suggestions" resolves by itself into ranked, explained mentors', async () => {
    const mentor = await suite.api.mentor();
    const learner = await suite.api.learner();
    const page = await suite.page(learner);
    await page.goto('/suggestions');
    await heading(page, 'Suggested mentors').waitFor();

    const refresh = page.getByRole('button', { name: 'Refresh suggestions' });
    await refresh.click();
    const link = page.getByRole('link', { name: mentor.displayName });
    await link.waitFor({ timeout: 30_000 });
    await until(() => refresh.isEnabled(), '"Refresh suggestions" to be usable again');

    expect(await link.getAttribute('href')).toMatch(new RegExp(`/people/${mentor.id}$`));
    const item = page.getByRole('listitem').filter({ has: link });
    expect(await item.innerText()).toMatch(/\d+\s?%/);
    type Suggestions = { items: { mentor: { id: string }; reasons: string[] }[] };
    const api = await suite.api.call<Suggestions>('GET', '/v1/match-suggestions', undefined, learner);
    const reasons = api.items.find((s) => s.mentor.id === mentor.id)?.reasons ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) await item.getByText(reason, { exact: true }).first().waitFor();
    await item.getByRole('button', { name: 'Request mentorship' }).waitFor();
  });

  it('a suggested mentor gets a request, listed under Sent, still signed in after a reload', async () => {
    const mentor = await suite.api.mentor();
    const learner = await suite.api.learner();
    await suite.api.readySuggestions(learner);
    const page = await suite.page(learner);
    // session-start.js asks for the page's first answers as soon as the session is resumed; the app takes them
    // rather than asking again (early-answers.ts): each is requested once.
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/suggestions');
    await page.getByRole('link', { name: mentor.displayName }).waitFor();
    for (const path of ['/v1/profiles/me', '/v1/notifications/unread-count', '/v1/match-suggestions']) {
      expect(requested.filter((p) => p === path)).toHaveLength(1);
    }
    await page.getByRole('link', { name: mentor.displayName }).click();
    await page.waitForURL(`**/people/${mentor.id}`);
    await heading(page, mentor.displayName).waitFor();

    await page.getByRole('button', { name: 'Request mentorship' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request mentorship' });
    const message = 'I want to read query plans fluently; could we meet weekly?';
    await dialog.getByRole('textbox', { name: 'Message', exact: true }).fill(message);
    await dialog.getByRole('checkbox', { name: /PostgreSQL/ }).check();
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });

    type Requests = { items: { mentorId: string; message: string; goalIds: string[]; status: string }[] };
    const sent = await suite.api.call<Requests>('GET', '/v1/mentorship-requests?as=learner', undefined, learner);
    expect(sent.items).toEqual([
      expect.objectContaining({ mentorId: mentor.id, message, goalIds: [learner.goalId], status: 'pending' }),
    ]);

    requested.length = 0;
    await page.goto('/requests');
    await heading(page, 'Requests').waitFor();
    await page.getByRole('tab', { name: 'Sent' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText(mentor.displayName).waitFor();
    // The list's answer names the mentor (mentorName): no profile fetched per row.
    expect(requested).not.toContain(`/v1/profiles/${mentor.id}`);
    await panel.getByText(message).waitFor();
    await panel
      .getByText(/pending/i)
      .first()
      .waitFor();
    await panel.getByRole('button', { name: 'Cancel request' }).waitFor();

    await page.reload();
    await expectSignedIn(page);
    await heading(page, 'Requests').waitFor();
    await page.getByRole('tab', { name: 'Sent' }).click();
    await page.getByRole('tabpanel').getByText(mentor.displayName).waitFor();
  });

  it('the mentor accepts under Received; tasks, completion and feedback in the mentorship', async () => {
    const mentor = await suite.api.mentor();
    const contactUrl = `https://example.test/calendar/${mentor.id}`;
    await suite.api.call('PATCH', '/v1/profiles/me', { contactUrl }, mentor);
    const learner = await suite.api.learner();
    const request = await suite.api.request(learner, mentor);

    const mentorPage = await suite.page(mentor);
    await mentorPage.goto('/requests');
    await mentorPage.getByRole('tab', { name: 'Received' }).click();
    const received = mentorPage.getByRole('tabpanel');
    await received.getByText(learner.displayName).waitFor();
    await received.getByRole('button', { name: 'Accept' }).click();
    type Req = { status: string };
    await until(
      async () =>
        (await suite.api.call<Req>('GET', `/v1/mentorship-requests/${request.id}`, undefined, mentor)).status ===
        'accepted',
      'the request to be accepted',
    );

    await mentorPage.goto('/mentorships');
    await heading(mentorPage, 'Mentorships').waitFor();
    await mentorPage.getByRole('link', { name: new RegExp(learner.displayName) }).click();
    await heading(mentorPage, `Mentorship with ${learner.displayName}`).waitFor();
    const mentorshipId = mentorPage.url().split('/').pop() ?? '';

    const task = 'Read the chapter on EXPLAIN ANALYZE';
    await mentorPage.getByRole('textbox', { name: 'Task', exact: true }).fill(task);
    await mentorPage.getByRole('button', { name: 'Add task' }).click();
    // The box may follow the server's answer rather than flip at once: click, then wait for it to show done.
    const box = mentorPage.getByRole('checkbox', { name: task });
    await box.click();
    await until(() => box.isChecked(), 'the task box to be ticked');
    type Mentorship = { status: string; tasks: { title: string; done: boolean }[] };
    const mentorship = () => suite.api.call<Mentorship>('GET', `/v1/mentorships/${mentorshipId}`, undefined, learner);
    await until(async () => (await mentorship()).tasks.some((t) => t.title === task && t.done), 'the task to be done');

    // The learner, in a browser of their own, sees the task and the mentor's contact link, and completes.
    const learnerPage = await suite.page(learner);
    await learnerPage.goto(`/mentorships/${mentorshipId}`);
    await heading(learnerPage, `Mentorship with ${mentor.displayName}`).waitFor();
    expect(await learnerPage.getByRole('checkbox', { name: task }).isChecked()).toBe(true);
    const hrefs = await learnerPage.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(contactUrl);

    await learnerPage.getByRole('button', { name: 'Complete mentorship' }).click();
    // Completing asks first; the dialog opens with a transition, so wait for it rather than look once.
    const confirm = learnerPage.getByRole('dialog', { name: 'Complete this mentorship?' });
    await confirm.getByRole('button', { name: 'Complete', exact: true }).click();
    await until(async () => (await mentorship()).status === 'completed', 'the mentorship to be completed');

    await learnerPage.getByRole('radiogroup', { name: 'Rating' }).getByRole('radio', { name: '5' }).check();
    await learnerPage.getByRole('textbox', { name: 'Comment', exact: true }).fill('Patient and precise.');
    const sent = learnerPage.waitForResponse(
      (r) => r.url().endsWith(`/v1/mentorships/${mentorshipId}/feedback`) && r.request().method() === 'POST',
    );
    await learnerPage.getByRole('button', { name: 'Send feedback' }).click();
    expect((await sent).status()).toBe(201);
    // Once per party: the form's feedback is the stored one.
    await expect(
      suite.api.call('POST', `/v1/mentorships/${mentorshipId}/feedback`, { rating: 1 }, learner),
    ).rejects.toThrow(/409/);
  });
});
