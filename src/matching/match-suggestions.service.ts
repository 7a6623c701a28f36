import { Injectable } from '@nestjs/common';
import { sql } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import type { MatchSuggestionsView, RefreshAccepted } from './dto/match-suggestions.dto.js';
import { OPEN_MENTOR } from './suggestion-queries.js';
import type { StoredSuggestion } from './suggestions-refresh.service.js';

interface SuggestionRow {
  status: 'pending' | 'ready';
  computed_at: Date | null;
  item: StoredSuggestion | null;
  display_name: string | null;
  headline: string | null;
}

/** Read side: the stored list, re-filtered at read time because slots, settings and blocks change after a run. */
export const SUGGESTIONS_READ_SQL = `
  SELECT s.status, s.computed_at, x.item, x.display_name, x.headline
    FROM match_suggestions s
    LEFT JOIN LATERAL (
      SELECT e.ord, e.item, p.display_name, p.headline
        FROM jsonb_array_elements(s.items) WITH ORDINALITY AS e(item, ord)
        JOIN profiles p ON p.id = (e.item->>'mentorId')::uuid
       WHERE ${OPEN_MENTOR('p', 's.learner_id')}
    ) x ON true
   WHERE s.learner_id = $1
   ORDER BY x.ord`;

@Injectable()
export class MatchSuggestionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
  ) {}

  /**
   * Account deletion: a deleted mentor leaves every stored suggestion list at once (reads filter them out too,
   * but the stored rows should not name an account that no longer exists).
   */
  async forgetMentor(tx: Tx, mentorId: string): Promise<void> {
    await sql(
      tx,
      `UPDATE match_suggestions s
          SET items = (SELECT coalesce(jsonb_agg(e.item ORDER BY e.ord), '[]')
                         FROM jsonb_array_elements(s.items) WITH ORDINALITY AS e(item, ord)
                        WHERE e.item->>'mentorId' <> $1::text)
        WHERE s.items @> jsonb_build_array(jsonb_build_object('mentorId', $1::text))`,
      [mentorId],
    );
  }

  /**
   * The API never talks to the matching queue: it marks the learner pending and writes an event; the
   * worker turns the event into one deduplicated refresh job.
   */
  async requestRefresh(learnerId: string): Promise<RefreshAccepted> {
    await this.uow.run(async (tx) => {
      await sql(
        tx,
        `INSERT INTO match_suggestions (learner_id, status, requested_at, notify)
         VALUES ($1, 'pending', clock_timestamp(), true)
         ON CONFLICT (learner_id) DO UPDATE SET status = 'pending', requested_at = clock_timestamp(), notify = true`,
        [learnerId],
      );
      await this.events.emit(tx, 'profile.matching_changed', {
        profileId: learnerId,
        reasons: ['suggestions.requested'],
      });
    });
    return { status: 'pending' };
  }

  async get(learnerId: string): Promise<MatchSuggestionsView> {
    const rows = await sql<SuggestionRow>(this.uow.db, SUGGESTIONS_READ_SQL, [learnerId]);
    if (!rows.length) return { status: 'none', computedAt: null, items: [] };
    const items = rows
      .filter((r): r is SuggestionRow & { item: StoredSuggestion } => r.item !== null)
      .map((r, i) => ({
        rank: i + 1,
        score: r.item.score,
        mentor: { id: r.item.mentorId, displayName: r.display_name ?? '', headline: r.headline ?? '' },
        factors: r.item.factors as unknown as Record<string, unknown>,
        reasons: r.item.reasons,
      }));
    return {
      status: rows[0].status,
      computedAt: rows[0].computed_at ? rows[0].computed_at.toISOString() : null,
      items,
    };
  }
}
