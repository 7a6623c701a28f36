import { Injectable } from '@nestjs/common';
import { Conflict, NotFound, type FieldError } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type PageQuery } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { MentorshipsService } from '../matching/mentorships.service.js';
import { EventsService, type PendingEvent } from '../queues/events.service.js';
import type {
  MatchRunPage,
  MatchRunPair,
  MatchRunStarted,
  MatchRunView,
  PublishedMatchRun,
} from './dto/match-run.dto.js';
import {
  matchRunSummary,
  matchRunView,
  PROGRAM_COLUMNS,
  programView,
  RUN_COLUMNS,
  RUN_SUMMARY_COLUMNS,
  type MatchRunRow,
  type ProgramRow,
  type RunSummaryRow,
} from './program.view.js';

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

/**
 * Match runs as the organizer sees them: start one (the worker computes it), read it, and publish its
 * pairs as mentorships. Another organizer's program and its runs answer 404, as any object the caller may
 * not see (ownership is part of every query).
 */
@Injectable()
export class MatchRunsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly mentorships: MentorshipsService,
  ) {}

  /**
   * The run row and its outbox event commit together; the worker turns the event into the job, so this never needs
   * Redis.
   */
  async start(organizerId: string, programId: string): Promise<MatchRunStarted> {
    return this.uow.run(async (tx) => {
      const program = await this.ownProgram(tx, organizerId, programId, 'FOR SHARE');
      if (program.status !== 'open') throw new Conflict('PROGRAM_PUBLISHED', 'This program is already published.');
      const run = await sqlOne<{ id: string }>(
        tx,
        `INSERT INTO match_runs (program_id, mode) VALUES ($1, $2) RETURNING id`,
        [programId, program.mode],
      );
      await this.events.emit(tx, 'program.match_requested', { programId, runId: run!.id });
      return { id: run!.id, status: 'running' as const };
    });
  }

  async get(organizerId: string, programId: string, runId: string): Promise<MatchRunView> {
    const row = await sqlOne<MatchRunRow>(
      this.uow.db,
      `SELECT ${RUN_COLUMNS} FROM match_runs r JOIN programs p ON p.id = r.program_id
        WHERE r.id = $1 AND r.program_id = $2 AND p.organizer_id = $3`,
      [runId, programId, organizerId],
    );
    if (!row) throw new NotFound('Match run');
    return matchRunView(row);
  }

  /** Newest first, without pairs (read one run for those); the program must be the caller's. */
  async list(organizerId: string, programId: string, q: PageQuery): Promise<MatchRunPage> {
    await this.ownProgram(this.uow.db, organizerId, programId);
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const rows = await sql<RunSummaryRow & { key: string }>(
      this.uow.db,
      `SELECT ${RUN_SUMMARY_COLUMNS}, ${cursorTimestamp('r.created_at')} AS key
         FROM match_runs r
        WHERE r.program_id = $1
          AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $4`,
      [programId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return LIST_CURSOR.page(rows, limit, matchRunSummary, (r) => [r.key, r.id]);
  }

  /**
   * One transaction: the program row is locked first (so concurrent publishes queue behind it and all but one
   * see it published), the pairs are re-checked against the memberships as they are now, every profile
   * involved is locked in id order (the order every multi-profile path uses), the learner limit is checked
   * under those locks, then the matching module starts the mentorships. Any pair that cannot be created fails
   * the whole publish.
   */
  async publish(organizerId: string, programId: string, runId: string): Promise<PublishedMatchRun> {
    return this.uow.run(async (tx) => {
      await this.ownProgram(tx, organizerId, programId, 'FOR UPDATE');
      const run = await sqlOne<MatchRunRow>(
        tx,
        `SELECT ${RUN_COLUMNS} FROM match_runs r WHERE r.id = $1 AND r.program_id = $2 FOR UPDATE`,
        [runId, programId],
      );
      if (!run) throw new NotFound('Match run');
      const program = (await sqlOne<ProgramRow>(tx, `SELECT ${PROGRAM_COLUMNS} FROM programs p WHERE p.id = $1`, [
        programId,
      ]))!;
      if (run.published_at) throw new Conflict('RUN_ALREADY_PUBLISHED', 'This match run is already published.');
      if (program.status !== 'open')
        throw new Conflict('PROGRAM_PUBLISHED', 'This program already published another match run.');
      if (run.status !== 'done')
        throw new Conflict('RUN_NOT_DONE', `Only a finished match run can be published; this one is ${run.status}.`);

      const pairs = run.pairs;
      await this.assertPairsStillValid(tx, programId, pairs);
      await this.mentorships.lockParties(
        tx,
        pairs.flatMap((p) => [p.learnerId, p.mentorId]),
      );
      await this.assertLearnersBelowLimit(tx, pairs);
      const created = await this.mentorships.start(
        tx,
        pairs.map((p) => ({ learnerId: p.learnerId, mentorId: p.mentorId, programId })),
      );
      const published = (await sqlOne<ProgramRow>(
        tx,
        `UPDATE programs p SET status = 'published', published_at = now() WHERE p.id = $1 RETURNING ${PROGRAM_COLUMNS}`,
        [programId],
      ))!;
      const runRow = (await sqlOne<MatchRunRow>(
        tx,
        `UPDATE match_runs r SET published_at = now() WHERE r.id = $1 RETURNING ${RUN_COLUMNS}`,
        [runId],
      ))!;

      // mentorship.accepted is the notification type for "you now have a mentorship" (the types are fixed:
      // docs/api.md#notifications).
      const events: PendingEvent[] = created.map((c) => ({
        type: 'mentorship.accepted',
        payload: {
          mentorshipId: c.id,
          programId,
          learnerId: c.learner_id,
          mentorId: c.mentor_id,
          recipientIds: [c.learner_id, c.mentor_id],
        },
      }));
      events.push({ type: 'program.published', payload: { programId, runId, mentorships: created.length } });
      await this.events.emitMany(tx, events);
      return {
        program: programView(published),
        run: matchRunView(runRow),
        mentorships: created.map((c) => ({ id: c.id, learnerId: c.learner_id, mentorId: c.mentor_id })),
      };
    });
  }

  private async ownProgram(
    tx: Tx,
    organizerId: string,
    programId: string,
    lock: 'FOR SHARE' | 'FOR UPDATE' | '' = '',
  ): Promise<ProgramRow> {
    const program = await sqlOne<ProgramRow>(
      tx,
      `SELECT ${PROGRAM_COLUMNS} FROM programs p WHERE p.id = $1 AND p.organizer_id = $2 ${lock}`,
      [programId, organizerId],
    );
    if (!program) throw new NotFound('Program');
    return program;
  }

  /** A learner who reached MAX_ACTIVE_MENTORSHIPS_PER_LEARNER since the run fails the publish, named in `errors`. */
  private async assertLearnersBelowLimit(tx: Tx, pairs: MatchRunPair[]): Promise<void> {
    const full = new Set(
      await this.mentorships.learnersAtLimit(
        tx,
        pairs.map((p) => p.learnerId),
      ),
    );
    if (!full.size) return;
    const errors: FieldError[] = [];
    pairs.forEach((p, i) => {
      if (full.has(p.learnerId))
        errors.push({
          field: `pairs[${i}].learnerId`,
          message: `learner ${p.learnerId} already holds the most active mentorships allowed`,
        });
    });
    throw new Conflict(
      'PUBLISH_CONFLICT',
      `${errors.length} learner(s) of this run reached their active mentorship limit since it ran; ` +
        'nothing was published.',
      { errors },
    );
  }

  /**
   * Memberships can change after a run (a mentor lowers their capacity) and blocks can appear: the stored
   * pairs must still be a valid matching of the program as it is now, or nothing is published.
   */
  private async assertPairsStillValid(tx: Tx, programId: string, pairs: MatchRunPair[]): Promise<void> {
    if (!pairs.length) return;
    const members = await sql<{ profile_id: string; side: string; capacity: number | null }>(
      tx,
      `SELECT profile_id, side, capacity FROM program_members WHERE program_id = $1 AND profile_id = ANY($2::uuid[])`,
      [programId, [...new Set(pairs.flatMap((p) => [p.learnerId, p.mentorId]))]],
    );
    const byId = new Map(members.map((m) => [m.profile_id, m]));
    const learners = new Set<string>();
    const load = new Map<string, number>();
    for (const p of pairs) {
      if (byId.get(p.learnerId)?.side !== 'learner' || byId.get(p.mentorId)?.side !== 'mentor') {
        throw new Conflict(
          'PAIR_NOT_MEMBERS',
          `The pair ${p.learnerId} -> ${p.mentorId} no longer matches the program's members.`,
        );
      }
      if (learners.has(p.learnerId))
        throw new Conflict('LEARNER_MATCHED_TWICE', `Learner ${p.learnerId} appears in more than one pair.`);
      learners.add(p.learnerId);
      const n = (load.get(p.mentorId) ?? 0) + 1;
      load.set(p.mentorId, n);
      if (n > (byId.get(p.mentorId)!.capacity ?? 0)) {
        throw new Conflict(
          'MENTOR_AT_PROGRAM_CAPACITY',
          `Mentor ${p.mentorId} now offers fewer seats in this program than the run assigns.`,
        );
      }
    }
    const blocked = await sqlOne<{ learner_id: string; mentor_id: string }>(
      tx,
      `SELECT t.l AS learner_id, t.m AS mentor_id FROM unnest($1::uuid[], $2::uuid[]) AS t(l, m)
        WHERE EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = t.l AND b.blocked_id = t.m) OR (b.blocker_id = t.m
          AND b.blocked_id = t.l))
        LIMIT 1`,
      [pairs.map((p) => p.learnerId), pairs.map((p) => p.mentorId)],
    );
    if (blocked)
      throw new Conflict(
        'PAIR_BLOCKED',
        `Learner ${blocked.learner_id} and mentor ${blocked.mentor_id} blocked each other since the run.`,
      );
  }
}
