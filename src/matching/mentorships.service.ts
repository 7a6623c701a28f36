import { Inject, Injectable } from '@nestjs/common';
import { ConversationsService } from '../conversations/conversations.service.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne, type Queryable } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { EventsService, type PendingEvent } from '../queues/events.service.js';
import type {
  CreateTaskDto,
  FeedbackDto,
  FeedbackView,
  ListMentorshipsQuery,
  MentorshipDetailView,
  MentorshipView,
  TaskView,
  UpdateTaskDto,
} from './dto/mentorship.dto.js';
import {
  MENTORSHIP_COLUMNS,
  PARTY_NAMES,
  TASK_COLUMNS,
  TASKS_AGGREGATE,
  mentorshipView,
  taskView,
  type MentorshipRow,
  type StartedMentorshipRow,
  type TaskRow,
} from './mentorship.view.js';

interface FeedbackRow {
  id: string;
  mentorship_id: string;
  author_id: string;
  subject_id: string;
  rating: number;
  comment: string | null;
  created_at: Date;
}

/** A feedback row as json_build_object gives it: its time is a string. */
type FeedbackJson = Omit<FeedbackRow, 'created_at'> & { created_at: string };

function feedbackView(row: FeedbackRow | FeedbackJson): FeedbackView {
  return {
    id: row.id,
    mentorshipId: row.mentorship_id,
    authorId: row.author_id,
    subjectId: row.subject_id,
    rating: row.rating,
    comment: row.comment,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

/** A mentorship about to start, from an accepted request or a published program. */
export interface NewMentorship {
  learnerId: string;
  mentorId: string;
  requestId?: string;
  programId?: string;
}

@Injectable()
export class MentorshipsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly conversations: ConversationsService,
  ) {}

  /**
   * Row-locks the profiles of everyone a mentorship change involves, in id order: the one global order of
   * every multi-profile path (accept, complete, publish), so they queue instead of deadlocking.
   */
  async lockParties(tx: Tx, profileIds: (string | null)[]): Promise<void> {
    await sql(tx, `SELECT id FROM profiles WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      [...new Set(profileIds.filter((id) => id !== null))],
    ]);
  }

  /**
   * Account deletion: every active mentorship of the member is completed (the mentor's slot frees by trigger)
   * and the other party is told why (`reason: account_deleted`). Runs in the deletion's transaction.
   */
  async completeAllOf(tx: Tx, profileId: string): Promise<void> {
    const active = await sql<{ learner_id: string; mentor_id: string }>(
      tx,
      `SELECT learner_id, mentor_id FROM mentorships WHERE status = 'active' AND (learner_id = $1 OR mentor_id = $1)`,
      [profileId],
    );
    if (!active.length) return;
    await this.lockParties(
      tx,
      active.flatMap((m) => [m.learner_id, m.mentor_id]),
    );
    const done = await sql<{ id: string; learner_id: string; mentor_id: string }>(
      tx,
      `UPDATE mentorships SET status = 'completed', ended_at = now()
        WHERE status = 'active' AND (learner_id = $1 OR mentor_id = $1)
        RETURNING id, learner_id, mentor_id`,
      [profileId],
    );
    await this.events.emitMany(
      tx,
      done.map((m) => ({
        type: 'mentorship.completed' as const,
        payload: {
          mentorshipId: m.id,
          learnerId: m.learner_id,
          mentorId: m.mentor_id,
          reason: 'account_deleted',
          recipientIds: [m.learner_id === profileId ? m.mentor_id : m.learner_id],
        },
      })),
    );
  }

  /** Of these learners, those who already hold MAX_ACTIVE_MENTORSHIPS_PER_LEARNER active mentorships. */
  async learnersAtLimit(db: Queryable, learnerIds: string[]): Promise<string[]> {
    if (!learnerIds.length) return [];
    const rows = await sql<{ learner_id: string }>(
      db,
      `SELECT learner_id FROM mentorships WHERE learner_id = ANY($1::uuid[]) AND status = 'active'
        GROUP BY learner_id HAVING count(*) >= $2 ORDER BY learner_id`,
      [learnerIds, this.config.maxActiveMentorshipsPerLearner],
    );
    return rows.map((r) => r.learner_id);
  }

  /**
   * Every mentorship starts here, whichever path starts it. The caller holds the row locks of every profile
   * involved (taken in id order, as every multi-profile path does), so the limits it checked cannot be
   * overtaken; the learner limit is checked again here as the last word. profiles.active_mentees follows by
   * trigger. A learner who reaches the limit has their other pending requests withdrawn, as the contract says.
   */
  async start(tx: Tx, pairs: NewMentorship[]): Promise<StartedMentorshipRow[]> {
    if (!pairs.length) return [];
    const learnerIds = [...new Set(pairs.map((p) => p.learnerId))];
    if ((await this.learnersAtLimit(tx, learnerIds)).length)
      throw new Conflict('LEARNER_AT_MENTORSHIP_LIMIT', 'The learner already has the most active mentorships allowed.');
    const created = await sql<StartedMentorshipRow>(
      tx,
      `INSERT INTO mentorships AS m (learner_id, mentor_id, request_id, program_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
       ON CONFLICT DO NOTHING RETURNING ${MENTORSHIP_COLUMNS}, ${PARTY_NAMES}`,
      [
        pairs.map((p) => p.learnerId),
        pairs.map((p) => p.mentorId),
        pairs.map((p) => p.requestId ?? null),
        pairs.map((p) => p.programId ?? null),
      ],
    );
    if (created.length !== pairs.length) {
      const made = new Set(created.map((c) => `${c.learner_id}|${c.mentor_id}`));
      const clash = pairs.find((p) => !made.has(`${p.learnerId}|${p.mentorId}`))!;
      throw new Conflict(
        'ALREADY_IN_MENTORSHIP',
        `Learner ${clash.learnerId} already has an active mentorship with mentor ${clash.mentorId}.`,
      );
    }
    // Published program pairs have had no request, so this is where their conversation opens.
    await this.conversations.attachMentorships(
      tx,
      created.map((c) => ({ learnerId: c.learner_id, mentorId: c.mentor_id, mentorshipId: c.id })),
    );
    await this.withdrawPendingAtLimit(tx, learnerIds);
    return created;
  }

  private async withdrawPendingAtLimit(tx: Tx, learnerIds: string[]): Promise<void> {
    const full = await this.learnersAtLimit(tx, learnerIds);
    if (!full.length) return;
    const withdrawn = await sql<{ id: string; learner_id: string; mentor_id: string }>(
      tx,
      `UPDATE mentorship_requests SET status = 'withdrawn', decided_at = now()
        WHERE learner_id = ANY($1::uuid[]) AND status = 'pending' RETURNING id, learner_id, mentor_id`,
      [full],
    );
    await this.events.emitMany(
      tx,
      withdrawn.map((w): PendingEvent => ({
        type: 'mentorship.withdrawn',
        payload: { requestId: w.id, learnerId: w.learner_id, mentorId: w.mentor_id, recipientIds: [w.mentor_id] },
      })),
    );
  }

  async list(userId: string, q: ListMentorshipsQuery): Promise<Page<MentorshipView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const party =
      q.as === 'learner'
        ? 'm.learner_id = $1'
        : q.as === 'mentor'
          ? 'm.mentor_id = $1'
          : '(m.learner_id = $1 OR m.mentor_id = $1)';
    const rows = await sql<MentorshipRow & { key: string }>(
      this.uow.db,
      `SELECT ${MENTORSHIP_COLUMNS}, ${PARTY_NAMES}, ${TASKS_AGGREGATE}, ${cursorTimestamp('m.started_at')} AS key
         FROM mentorships m
        WHERE ${party}
          AND ($2::text IS NULL OR m.status = $2)
          AND ($3::timestamptz IS NULL OR (m.started_at, m.id) < ($3::timestamptz, $4::uuid))
        ORDER BY m.started_at DESC, m.id DESC
        LIMIT $5`,
      [userId, q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return LIST_CURSOR.page(rows, limit, mentorshipView, (r) => [r.key, r.id]);
  }

  async get(userId: string, id: string): Promise<MentorshipDetailView> {
    const row = await sqlOne<MentorshipRow & { my_feedback: FeedbackJson | null }>(
      this.uow.db,
      `SELECT ${MENTORSHIP_COLUMNS}, ${PARTY_NAMES}, ${TASKS_AGGREGATE},
              (SELECT json_build_object('id', f.id, 'mentorship_id', f.mentorship_id, 'author_id', f.author_id,
                                        'subject_id', f.subject_id, 'rating', f.rating, 'comment', f.comment,
                                        'created_at', f.created_at)
                 FROM mentorship_feedback f WHERE f.mentorship_id = m.id AND f.author_id = $2) AS my_feedback
         FROM mentorships m WHERE m.id = $1 AND (m.learner_id = $2 OR m.mentor_id = $2)`,
      [id, userId],
    );
    if (!row) throw new NotFound('Mentorship');
    return { ...mentorshipView(row), myFeedback: row.my_feedback && feedbackView(row.my_feedback) };
  }

  /** Ends the mentorship; the mentor's slot frees by trigger in the same statement (profiles.active_mentees). */
  async complete(userId: string, id: string): Promise<MentorshipView> {
    return this.uow.run(async (tx) => {
      // Same global lock order as accept: both profiles by id, then the mentorship.
      const parties = await this.findParty(tx, id, userId);
      await this.lockParties(tx, [parties.learner_id, parties.mentor_id]);
      const m = await this.lockParty(tx, id, userId);
      if (m.status !== 'active') throw new Conflict('MENTORSHIP_NOT_ACTIVE', 'This mentorship is already completed.');
      const done = (await sqlOne<MentorshipRow>(
        tx,
        `UPDATE mentorships m SET status = 'completed', ended_at = now() WHERE m.id = $1
         RETURNING ${MENTORSHIP_COLUMNS}, ${PARTY_NAMES}, ${TASKS_AGGREGATE}`,
        [id],
      ))!;
      const other = userId === m.learner_id ? m.mentor_id : m.learner_id;
      await this.events.emit(tx, 'mentorship.completed', {
        mentorshipId: id,
        learnerId: m.learner_id,
        mentorId: m.mentor_id,
        completedBy: userId,
        recipientIds: [other],
      });
      return mentorshipView(done);
    });
  }

  async addTask(userId: string, id: string, dto: CreateTaskDto): Promise<TaskView> {
    return this.uow.run(async (tx) => {
      await this.assertActiveParty(tx, id, userId);
      const row = (await sqlOne<TaskRow>(
        tx,
        `INSERT INTO mentorship_tasks (mentorship_id, title, due_date, created_by) VALUES ($1, $2, $3::date, $4)
         RETURNING ${TASK_COLUMNS}`,
        [id, dto.title, dto.dueDate ?? null, userId],
      ))!;
      return taskView(row);
    });
  }

  async updateTask(userId: string, id: string, taskId: string, dto: UpdateTaskDto): Promise<TaskView> {
    return this.uow.run(async (tx) => {
      await this.assertActiveParty(tx, id, userId);
      const row = await sqlOne<TaskRow>(
        tx,
        `UPDATE mentorship_tasks SET
            title = coalesce($3, title),
            due_date = CASE WHEN $4::boolean THEN $5::date ELSE due_date END,
            done = coalesce($6, done),
            updated_at = now()
          WHERE id = $2 AND mentorship_id = $1 RETURNING ${TASK_COLUMNS}`,
        [id, taskId, dto.title ?? null, dto.dueDate !== undefined, dto.dueDate ?? null, dto.done ?? null],
      );
      if (!row) throw new NotFound('Task');
      return taskView(row);
    });
  }

  async addFeedback(userId: string, id: string, dto: FeedbackDto): Promise<FeedbackView> {
    return this.uow.run(async (tx) => {
      const m = await this.lockParty(tx, id, userId);
      if (m.status !== 'completed')
        throw new Conflict('MENTORSHIP_NOT_COMPLETED', 'Feedback can be given once the mentorship is completed.');
      const asLearner = userId === m.learner_id;
      const row = await sqlOne<FeedbackRow>(
        tx,
        `INSERT INTO mentorship_feedback (mentorship_id, author_id, subject_id, subject_role, rating, comment)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (mentorship_id, author_id) DO NOTHING
         RETURNING id, mentorship_id, author_id, subject_id, rating, comment, created_at`,
        [
          id,
          userId,
          asLearner ? m.mentor_id : m.learner_id,
          asLearner ? 'mentor' : 'learner',
          dto.rating,
          dto.comment ?? null,
        ],
      );
      if (!row) throw new Conflict('FEEDBACK_EXISTS', 'You already gave feedback for this mentorship.');
      return feedbackView(row);
    });
  }

  private async findParty(tx: Tx, id: string, userId: string): Promise<MentorshipRow> {
    const m = await sqlOne<MentorshipRow>(
      tx,
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m WHERE m.id = $1 AND (m.learner_id = $2 OR m.mentor_id = $2)`,
      [id, userId],
    );
    if (!m) throw new NotFound('Mentorship');
    return m;
  }

  private async lockParty(tx: Tx, id: string, userId: string): Promise<MentorshipRow> {
    const m = await sqlOne<MentorshipRow>(
      tx,
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m WHERE m.id = $1 AND (m.learner_id = $2
       OR m.mentor_id = $2) FOR UPDATE`,
      [id, userId],
    );
    if (!m) throw new NotFound('Mentorship');
    return m;
  }

  /** Tasks belong to a running mentorship; a share lock keeps it from completing mid-change. */
  private async assertActiveParty(tx: Tx, id: string, userId: string): Promise<void> {
    const m = await sqlOne<{ status: string }>(
      tx,
      `SELECT status FROM mentorships WHERE id = $1 AND (learner_id = $2 OR mentor_id = $2) FOR SHARE`,
      [id, userId],
    );
    if (!m) throw new NotFound('Mentorship');
    if (m.status !== 'active')
      throw new Conflict('MENTORSHIP_NOT_ACTIVE', 'Tasks can only change while the mentorship is active.');
  }
}
