import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MentorshipRequestsService } from '../matching/mentorship-requests.service.js';
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
    private readonly requests: MentorshipRequestsService,
  ) {}

  /**
   * Idempotent: blocking someone already blocked answers the existing block. Pending requests between the
   * pair end in the same transaction (the matching module closes them), so nothing blocked stays actionable.
   */
  async block(blockerId: string, profileId: string): Promise<BlockView> {
    const blockedId = profileId.toLowerCase();
    if (blockedId === blockerId) throw ValidationFailed.field('profileId', 'You cannot block yourself.', 'SELF_BLOCK');
    return this.uow.run(async (tx) => {
      const target = await sqlOne(tx, `SELECT id FROM profiles WHERE id = $1`, [blockedId]);
      if (!target) throw new NotFound('Profile');
      await sql(tx, `INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        blockerId,
        blockedId,
      ]);
      const row = (await sqlOne<BlockRow>(
        tx,
        `SELECT blocker_id, blocked_id, created_at FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`,
        [blockerId, blockedId],
      ))!;
      await this.requests.closeBetween(tx, blockerId, blockedId);
      return view(row);
    });
  }

  async unblock(blockerId: string, profileId: string): Promise<void> {
    await sql(this.uow.db, `DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`, [blockerId, profileId]);
  }

  async list(blockerId: string, q: { limit?: number; cursor?: string }): Promise<Page<BlockView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const rows = await sql<BlockRow & { key: string }>(
      this.uow.db,
      `SELECT blocker_id, blocked_id, created_at, ${cursorTimestamp('created_at')} AS key FROM blocks
        WHERE blocker_id = $1 AND ($2::timestamptz IS NULL OR (created_at, blocked_id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, blocked_id DESC LIMIT $4`,
      [blockerId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return LIST_CURSOR.page(rows, limit, view, (r) => [r.key, r.blocked_id]);
  }
}
