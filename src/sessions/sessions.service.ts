import { Inject, Injectable } from '@nestjs/common';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { renderCalendar } from '../meetups/ical/render-calendar.js';
import { uidDomain } from '../meetups/meetups.service.js';
import { EventsService } from '../queues/events.service.js';
import type { CreateSessionDto, ListSessionsQuery, SessionView, UpdateSessionDto } from './dto/session.dto.js';
import { SESSION_COLUMNS, sessionIcsEvent, sessionView, type SessionRow } from './session.view.js';

interface MentorshipParties {
  learner_id: string;
  mentor_id: string;
  status: 'active' | 'completed';
}

const MINUTE_MS = 60_000;

const clash = () =>
  new Conflict('SESSION_CLASH', 'This time overlaps another proposed or confirmed session of one of you.');

/**
 * Mentorship sessions: propose, confirm (the other party only), move, cancel. No one is double-booked,
 * however requests race: each live session holds one session_participants row per person, and an
 * exclusion constraint keeps a person's live rows from overlapping (a row it refuses → SESSION_CLASH).
 * The mentorship row is share-locked while a session changes, so it cannot complete mid-change.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(userId: string, mentorshipId: string, q: ListSessionsQuery): Promise<Page<SessionView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const rows = await sql<SessionRow & { key: string }>(
      this.uow.db,
      `SELECT ${SESSION_COLUMNS}, ${cursorTimestamp('s.starts_at')} AS key
         FROM mentorships m JOIN mentorship_sessions s ON s.mentorship_id = m.id
        WHERE m.id = $1 AND (m.learner_id = $2 OR m.mentor_id = $2)
          AND ($3::text IS NULL OR s.status = $3)
          AND ($4::timestamptz IS NULL OR (s.starts_at, s.id) > ($4::timestamptz, $5::uuid))
        ORDER BY s.starts_at, s.id
        LIMIT $6`,
      [mentorshipId, userId, q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    if (!rows.length) await this.parties(this.uow.db, mentorshipId, userId, '');
    return LIST_CURSOR.page(rows, limit, sessionView, (r) => [r.key, r.id]);
  }

  async propose(userId: string, mentorshipId: string, dto: CreateSessionDto): Promise<SessionView> {
    const startsAt = this.futureStart(dto.startsAt);
    const endsAt = new Date(startsAt.getTime() + dto.durationMinutes * MINUTE_MS);
    return this.uow.run(async (tx) => {
      const m = await this.activeParties(tx, mentorshipId, userId);
      const row = (await sqlOne<SessionRow>(
        tx,
        `INSERT INTO mentorship_sessions AS s (mentorship_id, starts_at, ends_at, agenda, meeting_url, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SESSION_COLUMNS}`,
        [mentorshipId, startsAt, endsAt, dto.agenda ?? null, dto.meetingUrl ?? null, userId],
      ))!;
      await this.hold(tx, row.id, [m.learner_id, m.mentor_id], startsAt, endsAt);
      await this.notify(tx, 'session.proposed', row, userId, m);
      return sessionView(row);
    });
  }

  async confirm(userId: string, mentorshipId: string, sessionId: string): Promise<SessionView> {
    return this.uow.run(async (tx) => {
      const m = await this.activeParties(tx, mentorshipId, userId);
      const s = await this.lockSession(tx, mentorshipId, sessionId);
      if (s.status !== 'proposed')
        throw new Conflict(
          'SESSION_NOT_PROPOSED',
          `This session is ${s.status}; only a proposed session can be confirmed.`,
        );
      if (s.proposed_by === userId)
        throw new Forbidden('NOT_THE_OTHER_PARTY', 'Only the party who did not propose this time can confirm it.');
      const row = (await sqlOne<SessionRow>(
        tx,
        `UPDATE mentorship_sessions s SET status = 'confirmed', sequence = sequence + 1, updated_at = now()
          WHERE s.id = $1 RETURNING ${SESSION_COLUMNS}`,
        [sessionId],
      ))!;
      await this.notify(tx, 'session.confirmed', row, userId, m);
      return sessionView(row);
    });
  }

  /** Any change notifies the other party; a new time makes the session proposed again, by the mover. */
  async update(userId: string, mentorshipId: string, sessionId: string, dto: UpdateSessionDto): Promise<SessionView> {
    return this.uow.run(async (tx) => {
      const m = await this.activeParties(tx, mentorshipId, userId);
      const s = await this.lockSession(tx, mentorshipId, sessionId);
      if (s.status === 'cancelled')
        throw new Conflict('SESSION_CANCELLED', 'A cancelled session can no longer change.');
      const startsAt = dto.startsAt !== undefined ? this.futureStart(dto.startsAt) : s.starts_at;
      const minutes = dto.durationMinutes ?? Math.round((s.ends_at.getTime() - s.starts_at.getTime()) / MINUTE_MS);
      const endsAt = new Date(startsAt.getTime() + minutes * MINUTE_MS);
      const moved = startsAt.getTime() !== s.starts_at.getTime() || endsAt.getTime() !== s.ends_at.getTime();
      // A PATCH that names nothing new changes nothing: no SEQUENCE bump, no notification.
      if (!moved && dto.agenda === undefined && dto.meetingUrl === undefined && dto.notes === undefined)
        return sessionView(s);
      if (moved) {
        // Re-placing both rows lets the exclusion constraint judge the new period, without an error on a clash.
        await tx.query(`DELETE FROM session_participants WHERE session_id = $1`, [sessionId]);
        await this.hold(tx, sessionId, [m.learner_id, m.mentor_id], startsAt, endsAt);
      }
      const row = (await sqlOne<SessionRow>(
        tx,
        `UPDATE mentorship_sessions s SET
            starts_at = $2, ends_at = $3,
            status = CASE WHEN $4::boolean THEN 'proposed' ELSE status END,
            proposed_by = CASE WHEN $4::boolean THEN $5::uuid ELSE proposed_by END,
            agenda = CASE WHEN $6::boolean THEN $7 ELSE agenda END,
            meeting_url = CASE WHEN $8::boolean THEN $9 ELSE meeting_url END,
            notes = CASE WHEN $10::boolean THEN $11 ELSE notes END,
            sequence = sequence + 1, updated_at = now()
          WHERE s.id = $1 RETURNING ${SESSION_COLUMNS}`,
        [
          sessionId,
          startsAt,
          endsAt,
          moved,
          userId,
          dto.agenda !== undefined,
          dto.agenda ?? null,
          dto.meetingUrl !== undefined,
          dto.meetingUrl ?? null,
          dto.notes !== undefined,
          dto.notes ?? null,
        ],
      ))!;
      await this.notify(tx, 'session.updated', row, userId, m, { previousStartsAt: s.starts_at.toISOString() });
      return sessionView(row);
    });
  }

  async cancel(userId: string, mentorshipId: string, sessionId: string): Promise<SessionView> {
    return this.uow.run(async (tx) => {
      const m = await this.activeParties(tx, mentorshipId, userId);
      const s = await this.lockSession(tx, mentorshipId, sessionId);
      if (s.status === 'cancelled') throw new Conflict('SESSION_CANCELLED', 'This session is already cancelled.');
      await tx.query(`UPDATE session_participants SET active = false WHERE session_id = $1`, [sessionId]);
      const row = (await sqlOne<SessionRow>(
        tx,
        `UPDATE mentorship_sessions s SET status = 'cancelled', sequence = sequence + 1, updated_at = now()
          WHERE s.id = $1 RETURNING ${SESSION_COLUMNS}`,
        [sessionId],
      ))!;
      await this.notify(tx, 'session.cancelled', row, userId, m);
      return sessionView(row);
    });
  }

  /**
   * Account deletion: the member's sessions still ahead are cancelled (their slots free up for the other party,
   * whose reminders are dropped by the session.cancelled handler) and the other party is told why.
   */
  async cancelUpcomingOf(tx: Tx, profileId: string): Promise<void> {
    const rows = await sql<SessionRow & { learner_id: string; mentor_id: string }>(
      tx,
      `UPDATE mentorship_sessions s SET status = 'cancelled', sequence = sequence + 1, updated_at = now()
         FROM mentorships m
        WHERE m.id = s.mentorship_id AND (m.learner_id = $1 OR m.mentor_id = $1)
          AND s.status <> 'cancelled' AND s.ends_at > now()
        RETURNING ${SESSION_COLUMNS}, m.learner_id, m.mentor_id`,
      [profileId],
    );
    if (!rows.length) return;
    await sql(tx, `UPDATE session_participants SET active = false WHERE session_id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
    ]);
    for (const row of rows)
      await this.notify(
        tx,
        'session.cancelled',
        row,
        profileId,
        { learner_id: row.learner_id, mentor_id: row.mentor_id, status: 'active' },
        { reason: 'account_deleted' },
      );
  }

  /** One VEVENT: UID stable per session, SEQUENCE growing with each change, STATUS:CANCELLED once cancelled. */
  async ics(userId: string, mentorshipId: string, sessionId: string): Promise<string> {
    const row = await sqlOne<SessionRow & { other_name: string }>(
      this.uow.db,
      `SELECT ${SESSION_COLUMNS}, o.display_name AS other_name
         FROM mentorship_sessions s
         JOIN mentorships m ON m.id = s.mentorship_id
         JOIN profiles o ON o.id = CASE WHEN m.learner_id = $3 THEN m.mentor_id ELSE m.learner_id END
        WHERE s.id = $1 AND s.mentorship_id = $2 AND (m.learner_id = $3 OR m.mentor_id = $3)`,
      [sessionId, mentorshipId, userId],
    );
    if (!row) throw new NotFound('Session');
    return renderCalendar([sessionIcsEvent(row, row.other_name)], {
      uidDomain: uidDomain(this.config),
      now: new Date(),
      prodId: '-//Guildhall//Mentorship sessions//EN',
    });
  }

  private futureStart(value: string): Date {
    const startsAt = new Date(value);
    if (startsAt.getTime() <= Date.now())
      throw ValidationFailed.field('startsAt', 'startsAt must be in the future.', 'SESSION_IN_PAST');
    return startsAt;
  }

  /**
   * One live row per person, or SESSION_CLASH. ON CONFLICT DO NOTHING covers exclusion constraints too, so a
   * clash (even with a proposal committing concurrently) leaves a row out instead of aborting with an error;
   * the caller's transaction then rolls back. Rows go in profile id order, so racing proposals never deadlock.
   */
  private async hold(tx: Tx, sessionId: string, people: string[], startsAt: Date, endsAt: Date): Promise<void> {
    const held = await sql(
      tx,
      `INSERT INTO session_participants (session_id, profile_id, period)
       SELECT $1, p, tstzrange($3, $4) FROM unnest($2::uuid[]) AS p ORDER BY p
       ON CONFLICT DO NOTHING RETURNING profile_id`,
      [sessionId, people, startsAt, endsAt],
    );
    if (held.length !== people.length) throw clash();
  }

  private async notify(
    tx: Tx,
    type: 'session.proposed' | 'session.confirmed' | 'session.updated' | 'session.cancelled',
    row: SessionRow,
    actorId: string,
    m: MentorshipParties,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const other = actorId === m.learner_id ? m.mentor_id : m.learner_id;
    await this.events.emit(tx, type, {
      sessionId: row.id,
      mentorshipId: row.mentorship_id,
      startsAt: row.starts_at.toISOString(),
      status: row.status,
      actorId,
      ...extra,
      recipientIds: [other],
    });
  }

  private async parties(
    db: Tx,
    mentorshipId: string,
    userId: string,
    lock: '' | 'FOR SHARE',
  ): Promise<MentorshipParties> {
    const m = await sqlOne<MentorshipParties>(
      db,
      `SELECT learner_id, mentor_id, status FROM mentorships
        WHERE id = $1 AND (learner_id = $2 OR mentor_id = $2) ${lock}`,
      [mentorshipId, userId],
    );
    if (!m) throw new NotFound('Mentorship');
    return m;
  }

  private async activeParties(tx: Tx, mentorshipId: string, userId: string): Promise<MentorshipParties> {
    const m = await this.parties(tx, mentorshipId, userId, 'FOR SHARE');
    if (m.status !== 'active')
      throw new Conflict('MENTORSHIP_NOT_ACTIVE', 'Sessions of a completed mentorship can no longer change.');
    return m;
  }

  private async lockSession(tx: Tx, mentorshipId: string, sessionId: string): Promise<SessionRow> {
    const s = await sqlOne<SessionRow>(
      tx,
      `SELECT ${SESSION_COLUMNS} FROM mentorship_sessions s WHERE s.id = $1 AND s.mentorship_id = $2 FOR UPDATE`,
      [sessionId, mentorshipId],
    );
    if (!s) throw new NotFound('Session');
    return s;
  }
}
