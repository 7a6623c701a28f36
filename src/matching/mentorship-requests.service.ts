import { Inject, Injectable } from '@nestjs/common';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { EventsService, type PendingEvent } from '../queues/events.service.js';
import type {
  AcceptedMentorshipRequest,
  CreateMentorshipRequestDto,
  DeclineMentorshipRequestDto,
  ListMentorshipRequestsQuery,
  MentorshipRequestView,
} from './dto/mentorship-request.dto.js';
import { REQUEST_COLUMNS, requestView, type RequestRow } from './mentorship-request.view.js';
import { mentorshipView } from './mentorship.view.js';
import { withLearnerSummaries } from './request-learners.js';
import { MentorshipsService } from './mentorships.service.js';

type LockedRequest = RequestRow & { overdue: boolean };

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

/** Conflicts for a request that can no longer change state. */
function assertPending(r: LockedRequest): void {
  if (r.status !== 'pending')
    throw new Conflict('REQUEST_NOT_PENDING', `This request is ${r.status}; only pending requests can change.`, {
      requestStatus: r.status,
    });
  // Overdue but not yet swept: it is expired in all but name, and the expiry job will say so within seconds.
  if (r.overdue)
    throw new Conflict('REQUEST_NOT_PENDING', 'This request has expired; only pending requests can change.', {
      requestStatus: 'expired',
    });
}

@Injectable()
export class MentorshipRequestsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly mentorships: MentorshipsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly conversations: ConversationsService,
  ) {}

  async create(learnerId: string, dto: CreateMentorshipRequestDto): Promise<MentorshipRequestView> {
    const mentorId = dto.mentorId.toLowerCase();
    if (mentorId === learnerId)
      throw ValidationFailed.field('mentorId', 'You cannot send a mentorship request to yourself.', 'SELF_REQUEST');
    const goalIds = (dto.goalIds ?? []).map((g) => g.toLowerCase());
    return this.uow.run(async (tx) => {
      // Serialises this learner's creates, so parallel requests cannot count past the pending limit.
      const me = await sqlOne(tx, `SELECT id FROM profiles WHERE id = $1 FOR UPDATE`, [learnerId]);
      if (!me) throw new NotFound('Profile');
      const mentor = await sqlOne<{
        roles: string[];
        accepting_mentees: boolean;
        mentor_capacity: number;
        active_mentees: number;
        blocked: boolean;
      }>(
        tx,
        `SELECT p.roles, p.accepting_mentees, p.mentor_capacity, p.active_mentees,
                EXISTS (SELECT 1 FROM blocks b
                         WHERE (b.blocker_id = $1 AND b.blocked_id = p.id) OR (b.blocker_id = p.id
                           AND b.blocked_id = $1)) AS blocked
           FROM profiles p WHERE p.id = $2`,
        [learnerId, mentorId],
      );
      // A blocked pair looks exactly like an unknown profile, so a block is never revealed.
      if (!mentor || mentor.blocked) throw new NotFound('Mentor');
      if (!mentor.roles.includes('mentor')) throw new Conflict('NOT_A_MENTOR', 'This profile is not a mentor.');
      if (!mentor.accepting_mentees)
        throw new Conflict('MENTOR_NOT_ACCEPTING', 'This mentor is not accepting mentees.');
      if (mentor.active_mentees >= mentor.mentor_capacity)
        throw new Conflict('MENTOR_AT_CAPACITY', 'This mentor has no open mentee slot.');

      if (goalIds.length) {
        const own = await sql<{ id: string }>(
          tx,
          `SELECT id FROM goals WHERE id = ANY($1::uuid[]) AND profile_id = $2`,
          [goalIds, learnerId],
        );
        if (own.length !== goalIds.length)
          throw ValidationFailed.field('goalIds', 'goalIds must name your own goals.', 'UNKNOWN_GOAL');
      }

      const state = await sqlOne<{ pending: number; duplicate: boolean; active: number; with_mentor: boolean }>(
        tx,
        `SELECT (SELECT count(*)::int FROM mentorship_requests WHERE learner_id = $1 AND status = 'pending') AS pending,
                EXISTS (SELECT 1 FROM mentorship_requests WHERE learner_id = $1 AND mentor_id = $2
                  AND status = 'pending') AS duplicate,
                (SELECT count(*)::int FROM mentorships WHERE learner_id = $1 AND status = 'active') AS active,
                EXISTS (SELECT 1 FROM mentorships WHERE learner_id = $1 AND mentor_id = $2
                  AND status = 'active') AS with_mentor`,
        [learnerId, mentorId],
      );
      if (state!.duplicate) throw duplicate();
      if (state!.with_mentor)
        throw new Conflict('ALREADY_IN_MENTORSHIP', 'You already have an active mentorship with this mentor.');
      if (state!.active >= this.config.maxActiveMentorshipsPerLearner) {
        throw new Conflict(
          'ACTIVE_MENTORSHIP_LIMIT',
          `You already have ${state!.active} active mentorship(s), the most allowed.`,
        );
      }
      if (state!.pending >= this.config.maxPendingRequestsPerLearner) {
        throw new Conflict(
          'TOO_MANY_PENDING_REQUESTS',
          `You already have ${state!.pending} pending requests, the most allowed.`,
        );
      }

      // The partial unique index is the last word on duplicates; DO NOTHING keeps the transaction usable.
      const row = await sqlOne<RequestRow>(
        tx,
        `INSERT INTO mentorship_requests (learner_id, mentor_id, message, goal_ids, expires_at)
         VALUES ($1, $2, $3, $4::uuid[], now() + make_interval(secs => $5))
         ON CONFLICT (learner_id, mentor_id) WHERE status = 'pending' DO NOTHING
         RETURNING ${REQUEST_COLUMNS}`,
        [learnerId, mentorId, dto.message, goalIds, this.config.mentorshipRequestTtlSeconds],
      );
      if (!row) throw duplicate();
      await this.conversations.openForRequest(tx, { learnerId, mentorId, requestId: row.id, message: dto.message });
      await this.events.emit(tx, 'mentorship.requested', {
        requestId: row.id,
        learnerId,
        mentorId,
        recipientIds: [mentorId],
      });
      return requestView(row);
    });
  }

  async list(userId: string, q: ListMentorshipRequestsQuery): Promise<Page<MentorshipRequestView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const party =
      q.as === 'learner'
        ? 'learner_id = $1'
        : q.as === 'mentor'
          ? 'mentor_id = $1'
          : '(learner_id = $1 OR mentor_id = $1)';
    const rows = await sql<RequestRow & { key: string }>(
      this.uow.db,
      `SELECT ${REQUEST_COLUMNS}, ${cursorTimestamp('created_at')} AS key
         FROM mentorship_requests
        WHERE ${party}
          AND ($2::text IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $5`,
      [userId, q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const page = LIST_CURSOR.page(rows, limit, requestView, (r) => [r.key, r.id]);
    return { ...page, items: await withLearnerSummaries(this.uow.db, userId, page.items) };
  }

  async get(userId: string, id: string): Promise<MentorshipRequestView> {
    const row = await sqlOne<RequestRow>(
      this.uow.db,
      `SELECT ${REQUEST_COLUMNS} FROM mentorship_requests WHERE id = $1 AND (learner_id = $2 OR mentor_id = $2)`,
      [id, userId],
    );
    if (!row) throw new NotFound('Mentorship request');
    const [view] = await withLearnerSummaries(this.uow.db, userId, [requestView(row)]);
    return view;
  }

  /**
   * Atomic: both profile rows are locked first, in id order (the one global order every multi-profile path
   * uses), then the request; the slot check and the mentorship insert happen under those locks, so however
   * many accepts race a mentor never holds more active mentorships than their capacity.
   */
  async accept(mentorId: string, id: string): Promise<AcceptedMentorshipRequest> {
    return this.uow.run(async (tx) => {
      const parties = await this.parties(tx, id, mentorId);
      if (parties.mentor_id !== mentorId)
        throw new Forbidden('NOT_THE_MENTOR', 'Only the mentor can accept this request.');
      const learnerId = parties.learner_id;
      await this.mentorships.lockParties(tx, [learnerId, mentorId]);
      assertPending(await this.lockRequest(tx, id));

      const mentor = (await sqlOne<{ open: boolean }>(
        tx,
        `SELECT active_mentees < mentor_capacity AS open FROM profiles WHERE id = $1`,
        [mentorId],
      ))!;
      if (!mentor.open)
        throw new Conflict(
          'MENTOR_AT_CAPACITY',
          'You have no open mentee slot; raise your capacity or complete a mentorship first.',
        );
      // Accepted first, so the learner's other pending requests (withdrawn if this reaches their limit) exclude it;
      // start() checks the learner limit.
      const request = (await sqlOne<RequestRow>(
        tx,
        `UPDATE mentorship_requests SET status = 'accepted', decided_at = now() WHERE id = $1
         RETURNING ${REQUEST_COLUMNS}`,
        [id],
      ))!;
      const [mentorship] = await this.mentorships.start(tx, [{ learnerId, mentorId, requestId: id }]);

      await this.events.emit(tx, 'mentorship.accepted', {
        requestId: id,
        mentorshipId: mentorship.id,
        learnerId,
        mentorId,
        recipientIds: [learnerId],
      });
      return { request: requestView(request), mentorship: mentorshipView({ ...mentorship, tasks: [] }) };
    });
  }

  async decline(mentorId: string, id: string, dto: DeclineMentorshipRequestDto): Promise<MentorshipRequestView> {
    return this.uow.run(async (tx) => {
      const locked = await this.lockOwnRequest(tx, id, mentorId);
      if (locked.mentor_id !== mentorId)
        throw new Forbidden('NOT_THE_MENTOR', 'Only the mentor can decline this request.');
      assertPending(locked);
      const row = (await sqlOne<RequestRow>(
        tx,
        `UPDATE mentorship_requests SET status = 'declined', decline_reason = $2, decline_note = $3, decided_at = now()
          WHERE id = $1 RETURNING ${REQUEST_COLUMNS}`,
        [id, dto.reason, dto.note ?? null],
      ))!;
      await this.events.emit(tx, 'mentorship.declined', {
        requestId: id,
        learnerId: row.learner_id,
        mentorId,
        reason: dto.reason,
        recipientIds: [row.learner_id],
      });
      return requestView(row);
    });
  }

  async cancel(learnerId: string, id: string): Promise<MentorshipRequestView> {
    return this.uow.run(async (tx) => {
      const locked = await this.lockOwnRequest(tx, id, learnerId);
      if (locked.learner_id !== learnerId)
        throw new Forbidden('NOT_THE_LEARNER', 'Only the learner can cancel this request.');
      assertPending(locked);
      const row = (await sqlOne<RequestRow>(
        tx,
        `UPDATE mentorship_requests SET status = 'cancelled', decided_at = now() WHERE id = $1
         RETURNING ${REQUEST_COLUMNS}`,
        [id],
      ))!;
      await this.events.emit(tx, 'mentorship.cancelled', {
        requestId: id,
        learnerId,
        mentorId: row.mentor_id,
        recipientIds: [row.mentor_id],
      });
      return requestView(row);
    });
  }

  /**
   * Account deletion: every pending request the member sent or received ends as cancelled, and the other party
   * is told why (`reason: account_deleted`). Runs in the deletion's transaction.
   */
  async cancelAllOf(tx: Tx, profileId: string): Promise<void> {
    const closed = await sql<{ id: string; learner_id: string; mentor_id: string }>(
      tx,
      `UPDATE mentorship_requests SET status = 'cancelled', decided_at = now()
        WHERE status = 'pending' AND (learner_id = $1 OR mentor_id = $1)
        RETURNING id, learner_id, mentor_id`,
      [profileId],
    );
    await this.events.emitMany(
      tx,
      closed.map((r) => ({
        type: 'mentorship.cancelled' as const,
        payload: {
          requestId: r.id,
          learnerId: r.learner_id,
          mentorId: r.mentor_id,
          reason: 'account_deleted',
          recipientIds: [r.learner_id === profileId ? r.mentor_id : r.learner_id],
        },
      })),
    );
  }

  /**
   * Ends the pending requests between two profiles when one blocks the other, as the blocker's own decision
   * would end them: a blocking learner cancels, a blocking mentor declines (reason other).
   */
  async closeBetween(tx: Tx, blockerId: string, blockedId: string): Promise<void> {
    const closed = await sql<{ id: string; learner_id: string; mentor_id: string; status: string }>(
      tx,
      `UPDATE mentorship_requests
          SET status = CASE WHEN learner_id = $1 THEN 'cancelled' ELSE 'declined' END,
              decline_reason = CASE WHEN learner_id = $1 THEN NULL ELSE 'other' END,
              decided_at = now()
        WHERE status = 'pending' AND ((learner_id = $1 AND mentor_id = $2) OR (learner_id = $2 AND mentor_id = $1))
        RETURNING id, learner_id, mentor_id, status`,
      [blockerId, blockedId],
    );
    const events = closed.map((r): PendingEvent => {
      const ids = { requestId: r.id, learnerId: r.learner_id, mentorId: r.mentor_id };
      return r.status === 'cancelled'
        ? { type: 'mentorship.cancelled', payload: { ...ids, recipientIds: [r.mentor_id] } }
        : { type: 'mentorship.declined', payload: { ...ids, reason: 'other', recipientIds: [r.learner_id] } };
    });
    await this.events.emitMany(tx, events);
  }

  private async parties(tx: Tx, id: string, userId: string): Promise<{ learner_id: string; mentor_id: string }> {
    const row = await sqlOne<{ learner_id: string; mentor_id: string }>(
      tx,
      `SELECT learner_id, mentor_id FROM mentorship_requests WHERE id = $1 AND (learner_id = $2 OR mentor_id = $2)`,
      [id, userId],
    );
    if (!row) throw new NotFound('Mentorship request');
    return row;
  }

  private async lockRequest(tx: Tx, id: string): Promise<LockedRequest> {
    return (await sqlOne<LockedRequest>(
      tx,
      `SELECT ${REQUEST_COLUMNS}, expires_at <= now() AS overdue FROM mentorship_requests WHERE id = $1 FOR UPDATE`,
      [id],
    ))!;
  }

  private async lockOwnRequest(tx: Tx, id: string, userId: string): Promise<LockedRequest> {
    const row = await sqlOne<LockedRequest>(
      tx,
      `SELECT ${REQUEST_COLUMNS}, expires_at <= now() AS overdue FROM mentorship_requests
        WHERE id = $1 AND (learner_id = $2 OR mentor_id = $2) FOR UPDATE`,
      [id, userId],
    );
    if (!row) throw new NotFound('Mentorship request');
    return row;
  }
}

const duplicate = () => new Conflict('DUPLICATE_REQUEST', 'You already have a pending request to this mentor.');
