import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { ListReportsQuery, ReportDto, ReportView } from './dto/moderation.dto.js';

interface ReportRow {
  id: string;
  reporter_id: string;
  reporter_name: string;
  profile_id: string;
  profile_name: string;
  reason: string;
  details: string;
  status: ReportView['status'];
  created_at: Date;
}

const COLUMNS = 'id, reporter_id, profile_id, reason, details, status, created_at';
/** A report row (alias r) with both display names; both profiles exist (the foreign keys cascade). */
const VIEW_COLUMNS = `r.id, r.reporter_id, rp.display_name AS reporter_name, r.profile_id,
  pp.display_name AS profile_name, r.reason, r.details, r.status, r.created_at`;
const NAME_JOINS = 'JOIN profiles rp ON rp.id = r.reporter_id JOIN profiles pp ON pp.id = r.profile_id';

const view = (r: ReportRow): ReportView => ({
  id: r.id,
  reporterId: r.reporter_id,
  reporterName: r.reporter_name,
  profileId: r.profile_id,
  profileName: r.profile_name,
  reason: r.reason,
  details: r.details,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

@Injectable()
export class ReportsService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(reporterId: string, dto: ReportDto): Promise<ReportView> {
    const profileId = dto.profileId.toLowerCase();
    if (profileId === reporterId)
      throw ValidationFailed.field('profileId', 'You cannot report yourself.', 'SELF_REPORT');
    const row = await sqlOne<ReportRow>(
      this.uow.db,
      `WITH r AS (INSERT INTO reports (reporter_id, profile_id, reason, details)
         SELECT $1, p.id, $3, $4 FROM profiles p WHERE p.id = $2
         RETURNING ${COLUMNS})
       SELECT ${VIEW_COLUMNS} FROM r ${NAME_JOINS}`,
      [reporterId, profileId, dto.reason, dto.details],
    );
    if (!row) throw new NotFound('Profile');
    return view(row);
  }

  async list(q: ListReportsQuery): Promise<Page<ReportView>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const rows = await sql<ReportRow & { key: string }>(
      this.uow.db,
      `SELECT ${VIEW_COLUMNS}, ${cursorTimestamp('r.created_at')} AS key FROM reports r ${NAME_JOINS}
        WHERE ($1::text IS NULL OR r.status = $1)
          AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
        ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
      [q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return LIST_CURSOR.page(rows, limit, view, (r) => [r.key, r.id]);
  }
}
