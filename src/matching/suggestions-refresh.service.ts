import { Injectable, Logger } from '@nestjs/common';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import {
  PARTIAL_LEVEL_CREDIT,
  prepareLearner,
  RELATION_CREDIT,
  scoreMentor,
  type MatchFactors,
} from './scoring/index.js';
import { SkillGraphCache } from './skill-graph.cache.js';
import {
  loadCandidatePage,
  loadLearner,
  loadMentorDetails,
  type CandidateRow,
  type CoverageRules,
} from './suggestion-queries.js';
import { COVERAGE_SLACK, selectTopMatches } from './top-matches.js';

/** How many suggestions are kept per learner. */
export const SUGGESTIONS_KEPT = 50;
const DETAIL_BATCH = 200;
/** Most refreshes end within the first page; a second read takes everything left. */
const FIRST_PAGE = 1000;
const RULES: CoverageRules = { relationCredit: RELATION_CREDIT, partialLevelCredit: PARTIAL_LEVEL_CREDIT };
const MAX_RECOMPUTES = 3;

export interface StoredSuggestion {
  mentorId: string;
  score: number;
  factors: MatchFactors;
  reasons: string[];
}

export interface ComputeStats {
  /** Candidate rows read from the database (coverage only). */
  candidates: number;
  scored: number;
  batches: number;
  pages: number;
}

/**
 * The worker side of suggestions: retrieve candidates in SQL, score them with the pure scorer, keep the
 * best SUGGESTIONS_KEPT, store them, and notify the learner when they asked for it.
 */
@Injectable()
export class SuggestionsRefreshService {
  private readonly logger = new Logger('SuggestionsRefresh');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly graphs: SkillGraphCache,
  ) {}

  /**
   * Marks a learner's suggestions as pending when a matching-relevant change is worth a recompute: the
   * profile is a learner who asked for suggestions before or has an active goal. Returns whether to run.
   */
  async markPendingIfWanted(profileId: string): Promise<boolean> {
    const row = await sqlOne<{ learner_id: string }>(
      this.uow.db,
      `INSERT INTO match_suggestions (learner_id, status, requested_at)
       SELECT p.id, 'pending', clock_timestamp() FROM profiles p
        WHERE p.id = $1 AND 'learner' = ANY(p.roles)
          AND (EXISTS (SELECT 1 FROM match_suggestions s WHERE s.learner_id = p.id)
               OR EXISTS (SELECT 1 FROM goals g WHERE g.profile_id = p.id AND g.status = 'active'))
       ON CONFLICT (learner_id) DO UPDATE SET status = 'pending', requested_at = clock_timestamp()
       RETURNING learner_id`,
      [profileId],
    );
    return Boolean(row);
  }

  /**
   * Recomputes and stores. A change that arrives while this runs moves requested_at past the snapshot, so
   * the result is stored but stays pending and is recomputed at once.
   */
  async refresh(learnerId: string, now: Date = new Date()): Promise<ComputeStats & { status: 'ready' | 'pending' }> {
    let stats: ComputeStats = { candidates: 0, scored: 0, batches: 0, pages: 0 };
    for (let attempt = 1; attempt <= MAX_RECOMPUTES; attempt++) {
      const snapshot = await sqlOne<{ at: string }>(
        this.uow.db,
        `SELECT requested_at::text AS at FROM match_suggestions WHERE learner_id = $1`,
        [learnerId],
      );
      const computed = await this.compute(learnerId, attempt === 1 ? now : new Date());
      stats = computed.stats;
      const fresh = await this.store(learnerId, snapshot?.at ?? null, computed.items);
      if (fresh) return { ...stats, status: 'ready' };
    }
    this.logger.warn(`suggestions for ${learnerId} kept changing during ${MAX_RECOMPUTES} recomputes; left pending`);
    return { ...stats, status: 'pending' };
  }

  async compute(learnerId: string, now: Date): Promise<{ items: StoredSuggestion[]; stats: ComputeStats }> {
    const db = this.uow.db;
    const [graph, learner] = await Promise.all([this.graphs.get(), loadLearner(db, learnerId)]);
    const prepared = learner?.roles.includes('learner') ? prepareLearner(learner, graph, { now }) : null;
    // No active goal, nothing to teach: retrieval is by skill, so there is no candidate to rank.
    if (!prepared?.goals.length) return { items: [], stats: { candidates: 0, scored: 0, batches: 0, pages: 0 } };
    const goals = prepared.goals;
    let candidates = 0;
    async function* pages(): AsyncGenerator<CandidateRow[]> {
      let after: CandidateRow | null = null;
      for (let limit: number | null = FIRST_PAGE; ; limit = null) {
        const page = await loadCandidatePage(db, learnerId, goals, RULES, after, limit);
        candidates += page.length;
        if (page.length) yield page;
        if (limit === null || page.length < limit) return;
        after = page[page.length - 1];
      }
    }
    const top = await selectTopMatches(
      pages(),
      { n: SUGGESTIONS_KEPT, batchSize: DETAIL_BATCH, weights: prepared.weights, parallelBatches: 2 },
      async (batch) => {
        const details = await loadMentorDetails(
          db,
          batch.map((c) => c.id),
        );
        const scored: StoredSuggestion[] = [];
        for (const c of batch) {
          const mentor = details.get(c.id);
          if (!mentor) continue;
          let result;
          try {
            result = scoreMentor(prepared, mentor);
          } catch (e) {
            // Malformed stored availability or zone: skip that mentor rather than fail the learner's run.
            if (!(e instanceof RangeError)) throw e;
            this.logger.warn(`skipped mentor ${c.id}: ${e.message}`);
            continue;
          }
          // The pruning is only exact while the database's coverage is the scorer's; say so loudly if not.
          if (result.factors.skillCoverage > c.coverage + COVERAGE_SLACK + 1e-4) {
            this.logger.error(
              `coverage mismatch for mentor ${c.id}: database ${c.coverage}, scorer ${result.factors.skillCoverage}`,
            );
          }
          scored.push({ mentorId: c.id, ...result });
        }
        return scored;
      },
    );
    return { items: top.items, stats: { candidates, scored: top.scored, batches: top.batches, pages: top.pages } };
  }

  /** Stores the result; returns false when a newer change made it stale (it is kept, but stays pending). */
  private async store(learnerId: string, snapshot: string | null, items: StoredSuggestion[]): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const current = await sqlOne<{ fresh: boolean; notify: boolean }>(
        tx,
        `SELECT ($2::timestamptz IS NULL OR requested_at <= $2::timestamptz) AS fresh, notify
           FROM match_suggestions WHERE learner_id = $1 FOR UPDATE`,
        [learnerId, snapshot],
      );
      const fresh = !current || (snapshot !== null && current.fresh);
      await sql(
        tx,
        `INSERT INTO match_suggestions AS s (learner_id, status, computed_at, items)
         VALUES ($1, 'ready', now(), $2::jsonb)
         ON CONFLICT (learner_id) DO UPDATE SET
           items = EXCLUDED.items, computed_at = EXCLUDED.computed_at,
           status = CASE WHEN $3 THEN 'ready' ELSE s.status END,
           notify = CASE WHEN $3 THEN false ELSE s.notify END`,
        [learnerId, JSON.stringify(items), fresh],
      );
      if (fresh && current?.notify) {
        await this.events.emit(tx, 'suggestions.ready', { learnerId, count: items.length, recipientIds: [learnerId] });
      }
      return fresh;
    });
  }
}
