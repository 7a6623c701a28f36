import { Injectable, Logger } from '@nestjs/common';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { LearnerInput } from '../matching/scoring/index.js';
import { MentorshipsService } from '../matching/mentorships.service.js';
import { SkillGraphCache } from '../matching/skill-graph.cache.js';
import { loadLearner, loadMentorDetails } from '../matching/suggestion-queries.js';
import { blockKey, buildCohortInstance, type CohortMember } from './cohort-instance.js';
import type { ProgramMode } from './dto/program.dto.js';
import type { MatchRunStats } from './dto/match-run.dto.js';
import {
  countBlockingPairs,
  InvalidCohortInstanceError,
  solveOptimal,
  solveStable,
  type CohortInstance,
} from './solvers/index.js';

const LEARNER_LOAD_CONCURRENCY = 8;

export type RunOutcome = 'done' | 'failed' | 'skipped';

/**
 * The worker side of a match run: snapshot the members, build the scored candidate graph, solve it
 * in the program's mode, and store the result on the run row. Idempotent: only a run still `running`
 * is computed and written, so a re-delivered job changes nothing.
 */
@Injectable()
export class MatchRunExecutor {
  private readonly logger = new Logger('MatchRuns');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly graphs: SkillGraphCache,
    private readonly mentorships: MentorshipsService,
  ) {}

  /** `lastAttempt`: a transient failure on the final try marks the run failed instead of leaving it running. */
  async execute(runId: string, lastAttempt: boolean, now: Date = new Date()): Promise<RunOutcome> {
    const run = await sqlOne<{ program_id: string; mode: ProgramMode; status: string }>(
      this.uow.db,
      `SELECT program_id, mode, status FROM match_runs WHERE id = $1`,
      [runId],
    );
    if (!run || run.status !== 'running') return 'skipped';
    try {
      const instance = await this.loadInstance(run.program_id, now);
      const result = run.mode === 'stable' ? solveStable(instance) : solveOptimal(instance);
      // Counted again by the independent checker from the pairs, so the figure never rests on the solver's say-so.
      const stats: MatchRunStats = { ...result.stats, blockingPairs: countBlockingPairs(instance, result.pairs) };
      await this.finish(runId, { status: 'done', stats, pairs: result.pairs, error: null });
      return 'done';
    } catch (e) {
      const deterministic = e instanceof InvalidCohortInstanceError || e instanceof RangeError;
      if (!deterministic && !lastAttempt) throw e;
      this.logger.error(`match run ${runId} failed: ${(e as Error).message}`);
      await this.finish(runId, {
        status: 'failed',
        stats: null,
        pairs: [],
        error: (e as Error).message.slice(0, 1000),
      });
      return 'failed';
    }
  }

  async loadInstance(programId: string, now: Date): Promise<CohortInstance> {
    const db = this.uow.db;
    const members = await sql<{
      profile_id: string;
      side: 'learner' | 'mentor';
      capacity: number | null;
      preferences: string[];
    }>(
      db,
      `SELECT profile_id, side, capacity, preferences FROM program_members WHERE program_id = $1
       ORDER BY joined_at, profile_id`,
      [programId],
    );
    // Learners who already hold the most active mentorships allowed could not take a pair: the run leaves them out.
    const full = new Set(
      await this.mentorships.learnersAtLimit(
        db,
        members.filter((m) => m.side === 'learner').map((m) => m.profile_id),
      ),
    );
    const cohort: CohortMember[] = members
      .filter((m) => !full.has(m.profile_id))
      .map((m) => ({ profileId: m.profile_id, side: m.side, capacity: m.capacity, preferences: m.preferences }));
    const learnerIds = cohort.filter((m) => m.side === 'learner').map((m) => m.profileId);
    const mentorIds = cohort.filter((m) => m.side === 'mentor').map((m) => m.profileId);
    const blocks = await sql<{ blocker_id: string; blocked_id: string }>(
      db,
      `SELECT b.blocker_id, b.blocked_id FROM blocks b
        WHERE b.blocker_id IN (SELECT profile_id FROM program_members WHERE program_id = $1)
          AND b.blocked_id IN (SELECT profile_id FROM program_members WHERE program_id = $1)`,
      [programId],
    );
    const [graph, learners, mentors] = await Promise.all([
      this.graphs.get(),
      this.loadLearners(learnerIds),
      loadMentorDetails(db, mentorIds),
    ]);
    return buildCohortInstance({
      members: cohort,
      learners,
      mentors: mentors,
      blocked: new Set(blocks.map((b) => blockKey(b.blocker_id, b.blocked_id))),
      graph,
      now,
    });
  }

  private async loadLearners(ids: string[]): Promise<Map<string, LearnerInput>> {
    const out = new Map<string, LearnerInput>();
    for (let i = 0; i < ids.length; i += LEARNER_LOAD_CONCURRENCY) {
      const rows = await Promise.all(
        ids.slice(i, i + LEARNER_LOAD_CONCURRENCY).map((id) => loadLearner(this.uow.db, id)),
      );
      for (const row of rows) if (row) out.set(row.id, row);
    }
    return out;
  }

  private async finish(
    runId: string,
    result: { status: 'done' | 'failed'; stats: MatchRunStats | null; pairs: unknown[]; error: string | null },
  ): Promise<void> {
    await sql(
      this.uow.db,
      `UPDATE match_runs SET status = $2, stats = $3::jsonb, pairs = $4::jsonb, error = $5, finished_at = now()
        WHERE id = $1 AND status = 'running' RETURNING id`,
      [
        runId,
        result.status,
        result.stats === null ? null : JSON.stringify(result.stats),
        JSON.stringify(result.pairs),
        result.error,
      ],
    );
  }
}
