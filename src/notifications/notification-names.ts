import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/http/uuid.pipe.js';
import { sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';

type Data = Record<string, unknown>;

/** Person ids a notification's data may carry, and the key its display name is stored under. */
export const PERSON_NAME_KEYS = {
  learnerId: 'learnerName',
  mentorId: 'mentorName',
  authorId: 'authorName',
  actorId: 'actorName',
  completedBy: 'completedByName',
} as const;

interface NamesRow {
  meetup_title: string | null;
  learner_id: string | null;
  mentor_id: string | null;
  names: Record<string, string>;
}

/**
 * One read per event (never per recipient): the display names and meetup title the ids in the data name,
 * plus the two parties of the mentorship a session is about.
 */
const NAMES_SQL = `
  SELECT (SELECT m.title FROM meetups m WHERE m.id = $2::uuid) AS meetup_title,
         ms.learner_id, ms.mentor_id,
         (SELECT coalesce(jsonb_object_agg(p.id, p.display_name), '{}'::jsonb) FROM profiles p
           WHERE p.id = ANY ($1::uuid[] || ARRAY[ms.learner_id, ms.mentor_id])) AS names
    FROM (SELECT 1) AS one
    LEFT JOIN mentorships ms ON ms.id = $3::uuid`;

const uuidAt = (data: Data, key: string): string | null => {
  const v = data[key];
  return typeof v === 'string' && isUuid(v) ? v.toLowerCase() : null;
};

/**
 * Adds what the inbox shows in words to a notification's data when it is created, so a page of
 * notifications needs no look-up per item: `learnerName`, `mentorName`, `authorName`, `actorName`,
 * `completedByName` for the person ids present, `learnerId`/`mentorId` (and names) of the mentorship a
 * session is about, and a meetup's `title`. Names are as they were at the time; keys the emitting module
 * set are kept, and ids that name nothing (deleted accounts) get no name.
 */
@Injectable()
export class NotificationNames {
  constructor(private readonly uow: UnitOfWork) {}

  async enrich(data: Data): Promise<Data> {
    const people = Object.keys(PERSON_NAME_KEYS)
      .map((k) => uuidAt(data, k))
      .filter((id): id is string => id !== null);
    const meetupId = uuidAt(data, 'meetupId');
    const mentorshipId = uuidAt(data, 'mentorshipId');
    if (!people.length && !meetupId && !mentorshipId) return data;
    const row = await sqlOne<NamesRow>(this.uow.db, NAMES_SQL, [people, meetupId, mentorshipId]);
    if (!row) return data;
    const out: Data = { ...data };
    const setIfAbsent = (key: string, value: unknown) => {
      if (out[key] === undefined && value !== null && value !== undefined) out[key] = value;
    };
    setIfAbsent('learnerId', row.learner_id);
    setIfAbsent('mentorId', row.mentor_id);
    for (const [idKey, nameKey] of Object.entries(PERSON_NAME_KEYS)) {
      const id = uuidAt(out, idKey);
      if (id) setIfAbsent(nameKey, row.names[id]);
    }
    if (meetupId) setIfAbsent('title', row.meetup_title);
    return out;
  }
}
