import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService, type PendingEvent } from '../queues/events.service.js';
import type { BlockView } from './dto/moderation.dto.js';

interface BlockRow {
  blocker_id: string;
  blocked_id: string;
  created_at: Date;
}

const view = (r: BlockRow): BlockView => ({
  blockerId: r.blocker_id,
  blockedId: r.blocked_id,
  createdAt: r.created_at.toISOString(),
});

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

@Injectable()
export class BlocksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
  ) {}

  /**
   * Idempotent: blocking someone already blocked answers the existing block. Pending requests between the
   * pair end at once, as the blocker's own decision would end them (the learner cancels, the mentor declines),
   * so nothing blocked stays actionable.
   */
  async block(blockerId: string, profileId: string): Promise<BlockView> {
    const blockedId = profileId.toLowerCase();
    if (blockedId === blockerId) throw ValidationFailed.field('profileId', 'You cannot block yourself.', 'SELF_BLOCK');
    return this.uow.run(async (tx) => {
      const target = await sqlOne(tx, `SELECT id FROM profiles WHERE id = $1`, [blockedId]);
      if (!target) throw new NotFound('Profile');
      await tx.query(`INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        blockerId,
        blockedId,
      ]);
      const row = (await sqlOne<BlockRow>(
        tx,
        `SELECT blocker_id, blocked_id, created_at FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`,
        [blockerId, blockedId],
      ))!;
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
      const events: PendingEvent[] = closed.map((r) =>
        r.status === 'cancelled'
          ? {
              type: 'mentorship.cancelled',
              payload: { requestId: r.id, learnerId: r.learner_id, mentorId: r.mentor_id, recipientIds: [r.mentor_id] },
            }
          : {
              type: 'mentorship.declined',
              payload: {
                requestId: r.id,
                learnerId: r.learner_id,
                mentorId: r.mentor_id,
                reason: 'other',
                recipientIds: [r.learner_id],
              },
            },
      );
      await this.events.emitMany(tx, events);
      return view(row);
    });
  }

  async unblock(blockerId: string, profileId: string): Promise<void> {
    await this.uow.query(`DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`, [blockerId, profileId]);
  }

  async list(blockerId: string, q: { limit?: number; cursor?: string }): Promise<Page<BlockView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const rows = await sql<BlockRow & { key: string }>(
      this.uow.dataSource,
      `SELECT blocker_id, blocked_id, created_at, ${cursorTimestamp('created_at')} AS key FROM blocks
        WHERE blocker_id = $1 AND ($2::timestamptz IS NULL OR (created_at, blocked_id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, blocked_id DESC LIMIT $4`,
      [blockerId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return LIST_CURSOR.page(rows, limit, view, (r) => [r.key, r.blocked_id]);
  }
}
