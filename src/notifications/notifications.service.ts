import { Injectable } from '@nestjs/common';
import { NotFound } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import type { NotificationType } from '../queues/event-types.js';
import type { ListNotificationsQuery, NotificationView } from './dto/notifications.dto.js';
import { UnitOfWork } from '../database/unit-of-work.js';

interface NotificationRow {
  id: string;
  type: NotificationType;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  /** created_at at full (microsecond) precision, which a JS Date would lose, for the cursor. */
  sort_key: string;
}

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

const toView = (r: NotificationRow): NotificationView => ({
  id: r.id,
  type: r.type,
  data: r.data,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/** The inbox: every query is scoped to the caller, so another user's notification is simply not found. */
@Injectable()
export class NotificationsService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(userId: string, q: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const params: unknown[] = [userId, limit + 1];
    let where = 'recipient_id = $1';
    if (q.unread) where += ' AND read_at IS NULL';
    if (after) {
      params.push(after[0], after[1]);
      where += ' AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = await sql<NotificationRow>(
      this.uow.db,
      `SELECT id, type, data, created_at, read_at,
              ${cursorTimestamp('created_at')} AS sort_key
         FROM notifications WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return LIST_CURSOR.page(rows, limit, toView, (r) => [r.sort_key, r.id]);
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await sqlOne<{ count: number }>(
      this.uow.db,
      `SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.count ?? 0;
  }

  /** Idempotent: reading a read notification keeps its first read time. */
  async markRead(userId: string, id: string): Promise<void> {
    const rows = await sql(
      this.uow.db,
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id`,
      [id, userId],
    );
    if (!rows.length) throw new NotFound('Notification');
  }

  async markAllRead(userId: string): Promise<number> {
    const row = await sqlOne<{ n: number }>(
      this.uow.db,
      `WITH done AS (UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM done`,
      [userId],
    );
    return row?.n ?? 0;
  }
}
