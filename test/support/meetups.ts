import { randomBytes } from 'node:crypto';
import type { Harness, TestUser } from './harness.js';

/** A word no other test uses, to scope full-text searches to the meetups one test created (the file's other
 * tests write to the same database). */
export const uniqueWord = (): string => `zq${randomBytes(5).toString('hex')}`;

export const inDays = (days: number, hour = 18): string => {
  const d = new Date(Date.now() + days * 86400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

export const plusHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3600_000).toISOString();

export function meetupBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const startsAt = (overrides.startsAt as string | undefined) ?? inDays(14);
  return {
    title: 'PostgreSQL indexing night',
    description: 'B-trees, GIN and GiST explained over pizza.',
    startsAt,
    endsAt: plusHours(startsAt, 2),
    timezone: 'Europe/Berlin',
    online: false,
    venue: { name: 'c-base', address: 'Rungestraße 20', city: 'Berlin', country: 'DE', lat: 52.5129, lng: 13.4201 },
    capacity: 50,
    skills: ['postgresql'],
    level: 'intermediate',
    ...overrides,
  };
}

export async function createMeetup(
  h: Harness,
  organizer: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: string }> {
  const res = await h.http().post('/v1/meetups').set(organizer.auth).send(meetupBody(overrides));
  if (res.status !== 201) throw new Error(`create meetup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function rsvp(h: Harness, user: TestUser, meetupId: string, status: string) {
  return h.http().post(`/v1/meetups/${meetupId}/rsvp`).set(user.auth).send({ status });
}

export async function outboxRows(
  h: Harness,
  type: string,
  meetupId: string,
): Promise<{ payload: Record<string, unknown> }[]> {
  return h.db.query(`SELECT payload FROM outbox WHERE type = $1 AND payload->>'meetupId' = $2 ORDER BY seq`, [
    type,
    meetupId,
  ]);
}

/** Row truth for a meetup: counters and the RSVP rows they must equal. */
export async function counts(h: Harness, meetupId: string) {
  const [row] = await h.db.query(
    `SELECT m.going_count, m.waitlist_count, m.capacity,
            (SELECT count(*)::int FROM meetup_rsvps r WHERE r.meetup_id = m.id AND r.status = 'going') AS going_rows,
            (SELECT count(*)::int FROM meetup_rsvps r WHERE r.meetup_id = m.id AND r.status = 'waitlisted') AS
            waitlisted_rows
       FROM meetups m WHERE m.id = $1`,
    [meetupId],
  );
  return row as {
    going_count: number;
    waitlist_count: number;
    capacity: number;
    going_rows: number;
    waitlisted_rows: number;
  };
}
