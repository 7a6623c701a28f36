import { Injectable } from '@nestjs/common';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService, type PendingEvent } from '../queues/events.service.js';

const SWEEP_BATCH = 500;

interface ExpiredRow {
  id: string;
  learner_id: string;
  mentor_id: string;
}

export type ExpireOutcome = 'expired' | 'not_pending' | 'not_due';

const expiredEvent = (r: ExpiredRow): PendingEvent => ({
  type: 'mentorship.expired',
  payload: {
    requestId: r.id,
    learnerId: r.learner_id,
    mentorId: r.mentor_id,
    recipientIds: [r.learner_id, r.mentor_id],
  },
});

/**
 * Expiry is decided by the database clock and state, never by the timer alone: the delayed job and the
 * periodic sweep both run a conditional UPDATE, so a late, early, duplicated or lost timer is harmless.
 */
@Injectable()
export class MentorshipRequestExpiryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
  ) {}

  async expireIfDue(requestId: string): Promise<ExpireOutcome> {
    return this.uow.run(async (tx) => {
      const [row] = await sql<ExpiredRow>(
        tx,
        `UPDATE mentorship_requests SET status = 'expired', decided_at = now()
          WHERE id = $1 AND status = 'pending' AND expires_at <= now() RETURNING id, learner_id, mentor_id`,
        [requestId],
      );
      if (row) {
        await this.events.emitMany(tx, [expiredEvent(row)]);
        return 'expired';
      }
      const still = await sqlOne<{ pending: boolean }>(
        tx,
        `SELECT status = 'pending' AS pending FROM mentorship_requests WHERE id = $1`,
        [requestId],
      );
      return still?.pending ? 'not_due' : 'not_pending';
    });
  }

  /** Expires every overdue pending request, in batches that never wait on rows another transaction holds. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.uow.run(async (tx) => {
        const rows = await sql<ExpiredRow>(
          tx,
          `UPDATE mentorship_requests SET status = 'expired', decided_at = now()
            WHERE id IN (SELECT id FROM mentorship_requests
                          WHERE status = 'pending' AND expires_at <= now()
                          ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING id, learner_id, mentor_id`,
          [SWEEP_BATCH],
        );
        await this.events.emitMany(tx, rows.map(expiredEvent));
        return rows.length;
      });
      total += n;
      if (n < SWEEP_BATCH) return total;
    }
  }

  /** When the delayed expiry job should fire, or null when the request is no longer pending. */
  async dueAt(requestId: string): Promise<Date | null> {
    const row = await sqlOne<{ expires_at: Date }>(
      this.uow.db,
      `SELECT expires_at FROM mentorship_requests WHERE id = $1 AND status = 'pending'`,
      [requestId],
    );
    return row?.expires_at ?? null;
  }
}
