import { randomBytes } from 'node:crypto';

/**
 * Test data through the public HTTP API (quicker than clicking, and only what a client may do), with bearer
 * tokens, independent of the browser's cookie session.
 */
export interface Account {
  id: string;
  email: string;
  password: string;
  displayName: string;
  token: string;
}

export const PASSWORD = 'correct horse battery';
export const uniqueEmail = (tag: string): string => `${tag}-${randomBytes(6).toString('hex')}@example.test`;
/** Display names unique to one test, so texts on shared pages point at this test's people only. */
export const uniqueName = (first: string): string => `${first} ${randomBytes(3).toString('hex')}`;

export class Api {
  constructor(readonly url: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, who?: Account): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who ? { authorization: `Bearer ${who.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async register(roles: string[], displayName = uniqueName(roles[0] === 'mentor' ? 'Mentor' : 'Learner')) {
    const email = uniqueEmail(roles.join('-'));
    const res = await this.call<{ user: { id: string }; accessToken: string }>('POST', '/v1/auth/register', {
      email,
      password: PASSWORD,
      displayName,
      roles,
    });
    return { id: res.user.id, email, password: PASSWORD, displayName, token: res.accessToken } satisfies Account;
  }

  /** A mentor who accepts mentees, shares English and has evening hours in UTC every weekday. */
  async mentor(setup: { skills?: Record<string, number>; headline?: string; displayName?: string } = {}) {
    const m = await this.register(['mentor'], setup.displayName);
    await this.call(
      'PATCH',
      '/v1/profiles/me',
      {
        headline: setup.headline ?? 'Backend engineer, ten years of PostgreSQL',
        bio: 'Happy to review schemas and pair on queries.',
        timezone: 'UTC',
        languages: ['en', 'de'],
        availability: WEEKDAY_EVENINGS,
      },
      m,
    );
    await this.skills(m, setup.skills ?? { postgresql: 5, sql: 5, nodejs: 4 });
    await this.call('PUT', '/v1/profiles/me/mentoring', { acceptingMentees: true, capacity: 3 }, m);
    return m;
  }

  /** A learner with a profile, beginner skills and one goal, ready to be matched. */
  async learner(displayName?: string) {
    const l = await this.register(['learner'], displayName);
    await this.call(
      'PATCH',
      '/v1/profiles/me',
      { timezone: 'Europe/Berlin', languages: ['en'], availability: WEEKDAY_EVENINGS },
      l,
    );
    await this.skills(l, { sql: 1, postgresql: 1 });
    const goal = await this.call<{ id: string }>(
      'POST',
      '/v1/profiles/me/goals',
      { skill: 'postgresql', targetLevel: 4 },
      l,
    );
    return { ...l, goalId: goal.id };
  }

  skills(who: Account, skills: Record<string, number>) {
    return this.call(
      'PUT',
      '/v1/profiles/me/skills',
      { skills: Object.entries(skills).map(([skill, level]) => ({ skill, level })) },
      who,
    );
  }

  /** Refreshes the learner's suggestions and waits for the worker to finish them. */
  async readySuggestions(learner: Account): Promise<void> {
    await this.call('POST', '/v1/match-suggestions/refresh', {}, learner);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const s = await this.call<{ status: string }>('GET', '/v1/match-suggestions', undefined, learner);
      if (s.status === 'ready') return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('suggestions not ready within 30 s');
  }

  request(learner: Account, mentor: Account, message = 'Could you help me get better at PostgreSQL?') {
    return this.call<{ id: string }>('POST', '/v1/mentorship-requests', { mentorId: mentor.id, message }, learner);
  }

  /** A request accepted by the mentor: an active mentorship between the two. */
  async mentorship(learner: Account, mentor: Account): Promise<string> {
    const req = await this.request(learner, mentor);
    const res = await this.call<{ mentorship: { id: string } }>(
      'POST',
      `/v1/mentorship-requests/${req.id}/accept`,
      {},
      mentor,
    );
    return res.mentorship.id;
  }
}

const WEEKDAY_EVENINGS = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '17:00', end: '21:00' }));
