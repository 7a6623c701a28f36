import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { NotFound } from '../common/errors/domain-error.js';
import { REQUEST_COLUMNS, requestView, type RequestRow } from '../matching/mentorship-request.view.js';
import {
  MENTORSHIP_COLUMNS,
  PARTY_NAMES,
  mentorshipView,
  TASKS_AGGREGATE,
  type MentorshipRow,
} from '../matching/mentorship.view.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import { SESSION_COLUMNS, sessionView, type SessionRow } from '../sessions/session.view.js';
import { EXPORT_VERSION } from './dto/account-export.responses.js';

type Section = [key: string, read: (id: string) => Promise<unknown>];

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One JSON object per row, built in SQL in the export's (camelCase) shape. */
const rows = (db: UnitOfWork['db'], query: string, id: string) =>
  sql<{ j: unknown }>(db, query, [id]).then((r) => r.map((x) => x.j));

/**
 * GET /v1/me/export. The document is written section by section as each is read, so memory holds one section at a
 * time, not the whole document. Every query selects named columns: a password hash, a refresh or link token, a
 * calendar-feed token or a webhook secret is never read, so it cannot leak into the export.
 */
@Injectable()
export class AccountExportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly profiles: ProfilesService,
  ) {}

  private sections(): Section[] {
    const db = this.uow.db;
    return [
      [
        'emailChanges',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('oldEmail', old_email, 'newEmail', new_email,
                      'changedAt', ${iso('created_at')}) AS j
               FROM account_email_changes WHERE user_id = $1 ORDER BY created_at, id`,
            id,
          ),
      ],
      ['profile', (id) => this.profiles.getOwn(id)],
      [
        'skills',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('skill', ps.skill, 'name', s.name, 'level', ps.level, 'years', ps.years) AS j
               FROM profile_skills ps JOIN skills s ON s.slug = ps.skill
              WHERE ps.profile_id = $1 ORDER BY ps.level DESC, ps.skill`,
            id,
          ),
      ],
      [
        'goals',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('id', id, 'skill', skill, 'targetLevel', target_level,
                      'targetDate', to_char(target_date, 'YYYY-MM-DD'), 'note', note, 'status', status,
                      'createdAt', ${iso('created_at')}, 'updatedAt', ${iso('updated_at')}) AS j
               FROM goals WHERE profile_id = $1 ORDER BY created_at, id`,
            id,
          ),
      ],
      [
        'mentoring',
        async (id) =>
          (
            await sqlOne<{ j: unknown }>(
              db,
              `SELECT json_build_object('acceptingMentees', accepting_mentees, 'capacity', mentor_capacity,
                        'activeMentees', active_mentees,
                        'openSlots', greatest(0, mentor_capacity - active_mentees)) AS j
                 FROM profiles WHERE id = $1 AND 'mentor' = ANY (roles)`,
              [id],
            )
          )?.j ?? null,
      ],
      [
        'requests',
        async (id) =>
          (
            await sql<RequestRow>(
              db,
              `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests WHERE learner_id = $1 OR mentor_id = $1
                ORDER BY created_at DESC, id DESC`,
              [id],
            )
          ).map(requestView),
      ],
      [
        'mentorships',
        async (id) =>
          (
            await sql<MentorshipRow>(
              db,
              `SELECT ${MENTORSHIP_COLUMNS}, ${PARTY_NAMES}, ${TASKS_AGGREGATE} FROM mentorships m
                WHERE m.learner_id = $1 OR m.mentor_id = $1 ORDER BY m.started_at DESC, m.id DESC`,
              [id],
            )
          ).map(mentorshipView),
      ],
      ['feedbackGiven', (id) => rows(db, feedbackQuery('author_id'), id)],
      ['feedbackReceived', (id) => rows(db, feedbackQuery('subject_id'), id)],
      [
        'rsvps',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('meetupId', m.id, 'meetupTitle', m.title, 'meetupStartsAt', ${iso('m.starts_at')},
                      'status', r.status,
                      'waitlistPosition', CASE WHEN r.status = 'waitlisted' THEN (
                        SELECT count(*)::int FROM meetup_rsvps w WHERE w.meetup_id = r.meetup_id
                           AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq) END,
                      'checkedInAt', ${iso('r.checked_in_at')}, 'updatedAt', ${iso('r.updated_at')}) AS j
               FROM meetup_rsvps r JOIN meetups m ON m.id = r.meetup_id
              WHERE r.profile_id = $1 ORDER BY m.starts_at DESC, m.id`,
            id,
          ),
      ],
      [
        'organizedMeetups',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('id', id, 'title', title, 'startsAt', ${iso('starts_at')}, 'status', status) AS j
               FROM meetups WHERE organizer_id = $1 ORDER BY starts_at DESC, id`,
            id,
          ),
      ],
      [
        'programs',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('programId', program_id, 'profileId', profile_id, 'as', side,
                      'capacity', capacity, 'preferences', preferences, 'joinedAt', ${iso('joined_at')}) AS j
               FROM program_members WHERE profile_id = $1 ORDER BY joined_at, program_id`,
            id,
          ),
      ],
      [
        'notifications',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('id', id, 'type', type, 'data', data, 'createdAt', ${iso('created_at')},
                      'readAt', ${iso('read_at')}) AS j
               FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC`,
            id,
          ),
      ],
      [
        'notificationPreferences',
        async (id) =>
          (
            await sqlOne<{ j: unknown }>(
              db,
              `SELECT json_build_object('email', email, 'webhookUrl', webhook_url, 'mutedTypes', muted_types) AS j
                 FROM notification_preferences WHERE profile_id = $1`,
              [id],
            )
          )?.j ?? null,
      ],
      [
        'conversations',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('id', c.id,
                      'withId', CASE WHEN c.learner_id = $1 THEN c.mentor_id ELSE c.learner_id END,
                      'messages', coalesce((
                        SELECT json_agg(json_build_object('id', m.id, 'authorId', m.author_id, 'body', m.body,
                                 'createdAt', ${iso('m.created_at')}) ORDER BY m.created_at, m.id)
                          FROM conversation_messages m WHERE m.conversation_id = c.id), '[]')) AS j
               FROM conversations c WHERE c.learner_id = $1 OR c.mentor_id = $1 ORDER BY c.created_at, c.id`,
            id,
          ),
      ],
      [
        'sessions',
        async (id) =>
          (
            await sql<SessionRow>(
              db,
              `SELECT ${SESSION_COLUMNS} FROM mentorship_sessions s JOIN mentorships m ON m.id = s.mentorship_id
                WHERE m.learner_id = $1 OR m.mentor_id = $1 ORDER BY s.starts_at DESC, s.id`,
              [id],
            )
          ).map(sessionView),
      ],
      [
        'blocks',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('blockedId', blocked_id, 'createdAt', ${iso('created_at')}) AS j
               FROM blocks WHERE blocker_id = $1 ORDER BY created_at, blocked_id`,
            id,
          ),
      ],
      [
        'reportsFiled',
        (id) =>
          rows(
            db,
            `SELECT json_build_object('id', id, 'profileId', profile_id, 'reason', reason, 'details', details,
                      'status', status, 'createdAt', ${iso('created_at')}) AS j
               FROM reports WHERE reporter_id = $1 ORDER BY created_at, id`,
            id,
          ),
      ],
    ];
  }

  /** 404 before any byte is sent when the account is gone; later failures end the stream with an error. */
  async stream(userId: string): Promise<Readable> {
    const account = await sqlOne<{ j: unknown }>(
      this.uow.db,
      `SELECT json_build_object('id', u.id, 'email', u.email, 'displayName', p.display_name, 'roles', u.roles,
                'emailVerified', u.email_verified, 'createdAt', ${iso('u.created_at')}) AS j
         FROM users u JOIN profiles p ON p.id = u.id WHERE u.id = $1`,
      [userId],
    );
    if (!account) throw new NotFound('Account');
    const sections = this.sections();
    async function* document(): AsyncGenerator<string> {
      const head = { version: EXPORT_VERSION, exportedAt: new Date().toISOString(), account: account!.j };
      yield JSON.stringify(head).slice(0, -1);
      for (const [key, read] of sections) {
        const value = await read(userId);
        if (!Array.isArray(value)) {
          yield `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
          continue;
        }
        yield `,${JSON.stringify(key)}:[`;
        for (const [i, item] of value.entries()) yield (i ? ',' : '') + JSON.stringify(item);
        yield ']';
      }
      yield '}\n';
    }
    return Readable.from(document());
  }
}

function feedbackQuery(party: 'author_id' | 'subject_id'): string {
  return `SELECT json_build_object('id', id, 'mentorshipId', mentorship_id, 'authorId', author_id,
                   'subjectId', subject_id, 'rating', rating, 'comment', comment,
                   'createdAt', ${iso('created_at')}) AS j
            FROM mentorship_feedback WHERE ${party} = $1 ORDER BY created_at DESC, id DESC`;
}
