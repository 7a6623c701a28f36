import { PASSWORD, registerUser, type Harness, type TestUser } from './harness.js';

/** Test setup for matching specs, straight in SQL so they do not depend on the profiles endpoints. */

export interface MentorSetup {
  capacity?: number;
  accepting?: boolean;
  skills?: Record<string, number>;
  languages?: string[];
  timezone?: string;
  availability?: { day: string; start: string; end: string }[];
  headline?: string;
  displayName?: string;
}

export async function makeMentor(h: Harness, setup: MentorSetup = {}, roles: string[] = ['mentor']): Promise<TestUser> {
  const u = await registerUser(h, roles, { displayName: setup.displayName ?? 'Mentor' });
  await h.db.query(
    `UPDATE profiles SET accepting_mentees = $2, mentor_capacity = $3, languages = $4, timezone = $5,
                         availability = $6::jsonb, headline = $7
      WHERE id = $1`,
    [
      u.id,
      setup.accepting ?? true,
      setup.capacity ?? 3,
      setup.languages ?? ['en'],
      setup.timezone ?? 'UTC',
      JSON.stringify(setup.availability ?? []),
      setup.headline ?? '',
    ],
  );
  await setSkills(h, u.id, setup.skills ?? {});
  return u;
}

export async function setSkills(h: Harness, profileId: string, skills: Record<string, number>): Promise<void> {
  await h.db.query(`DELETE FROM profile_skills WHERE profile_id = $1`, [profileId]);
  for (const [skill, level] of Object.entries(skills)) {
    await h.db.query(`INSERT INTO profile_skills (profile_id, skill, level) VALUES ($1, $2, $3)`, [
      profileId,
      skill,
      level,
    ]);
  }
}

export async function addGoal(h: Harness, profileId: string, skill: string, targetLevel: number): Promise<string> {
  const [row] = await h.db.query(
    `INSERT INTO goals (profile_id, skill, target_level) VALUES ($1, $2, $3) RETURNING id`,
    [profileId, skill, targetLevel],
  );
  return row.id;
}

export interface OutboxRow {
  type: string;
  payload: Record<string, unknown> & { recipientIds?: string[] };
}

/** Outbox events whose payload has `key` = `value`, oldest first. */
export async function outboxEvents(h: Harness, key: string, value: string, type?: string): Promise<OutboxRow[]> {
  return h.db.query(
    `SELECT type, payload FROM outbox WHERE payload->>$1 = $2 AND ($3::text IS NULL OR type = $3) ORDER BY seq`,
    [key, value, type ?? null],
  );
}

export async function makeAdmin(h: Harness, user: TestUser): Promise<TestUser> {
  await h.db.query(`UPDATE users SET roles = roles || '{admin}' WHERE id = $1`, [user.id]);
  const res = await h.http().post('/v1/auth/login').send({ email: user.email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return {
    ...user,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}
