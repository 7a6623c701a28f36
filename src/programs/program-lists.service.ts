import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Forbidden, NotFound } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type {
  ListProgramsQuery,
  ProgramListItem,
  ProgramMemberList,
  ProgramRole,
  ProgramSide,
} from './dto/program.dto.js';
import { PROGRAM_COLUMNS, programView, type ProgramRow } from './program.view.js';

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

type ListRow = ProgramRow & { your_role: ProgramRole | null; key: string; learners: number; mentors: number };

/** Member counts for one page only: computed after the LIMIT, so a long list never counts rows it does not show. */
const WITH_COUNTS = (page: string) => `
  SELECT page.*, n.learners, n.mentors FROM (${page}) page
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE c.side = 'learner')::int AS learners,
           count(*) FILTER (WHERE c.side = 'mentor')::int AS mentors
      FROM program_members c WHERE c.program_id = page.id) n
  ORDER BY page.created_at DESC, page.id DESC`;

/**
 * The reads the web app's program pages need (docs/api.md#mentoring-programs-cohort-matching): the caller's
 * programs, the open ones they could join, and who is in a program.
 */
@Injectable()
export class ProgramListsService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(user: AuthUser, q: ListProgramsQuery): Promise<Page<ProgramListItem>> {
    const limit = pageLimit(q);
    const after = LIST_CURSOR.decode(q.cursor);
    const keyset = `($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))`;
    const params = [user.id, after?.[0] ?? null, after?.[1] ?? null, limit + 1];
    let rows: ListRow[];
    if (q.scope === 'open') {
      const roles = user.roles as string[];
      // Only learners and mentors can join: to anyone else no program is open.
      if (!roles.includes('learner') && !roles.includes('mentor')) return { items: [], nextCursor: null };
      rows = await sql<ListRow>(
        this.uow.db,
        WITH_COUNTS(`
          SELECT ${PROGRAM_COLUMNS}, NULL::text AS your_role, ${cursorTimestamp('p.created_at')} AS key
            FROM programs p
           WHERE p.status = 'open' AND p.organizer_id <> $1 AND ${keyset}
             AND NOT EXISTS (SELECT 1 FROM program_members m WHERE m.program_id = p.id AND m.profile_id = $1)
           ORDER BY p.created_at DESC, p.id DESC
           LIMIT $4`),
        params,
      );
    } else {
      // An organizer who also joined their own program sees it once, as its organizer.
      rows = await sql<ListRow>(
        this.uow.db,
        WITH_COUNTS(`
          SELECT ${PROGRAM_COLUMNS}, mine.role AS your_role, ${cursorTimestamp('p.created_at')} AS key
            FROM (SELECT o.id, 'organizer'::text AS role FROM programs o WHERE o.organizer_id = $1
                  UNION ALL
                  SELECT m.program_id, m.side FROM program_members m JOIN programs o ON o.id = m.program_id
                   WHERE m.profile_id = $1 AND o.organizer_id <> $1) mine
            JOIN programs p ON p.id = mine.id
           WHERE ${keyset}
           ORDER BY p.created_at DESC, p.id DESC
           LIMIT $4`),
        params,
      );
    }
    return LIST_CURSOR.page(
      rows,
      limit,
      (r) => ({ ...programView(r), yourRole: r.your_role, learners: r.learners, mentors: r.mentors }),
      (r) => [r.key, r.id],
    );
  }

  /**
   * Its organizer sees everyone; a member sees the other side only (whom they can rank), without people they
   * blocked or who blocked them. Anyone else may read the program but not who is in it.
   */
  async members(userId: string, programId: string): Promise<ProgramMemberList> {
    const access = await sqlOne<{ organizer: boolean; side: ProgramSide | null }>(
      this.uow.db,
      `SELECT p.organizer_id = $2 AS organizer, m.side FROM programs p
         LEFT JOIN program_members m ON m.program_id = p.id AND m.profile_id = $2
        WHERE p.id = $1`,
      [programId, userId],
    );
    if (!access) throw new NotFound('Program');
    if (!access.organizer && !access.side)
      throw new Forbidden('NOT_PROGRAM_MEMBER', 'Only its organizer and members see who is in this program.');
    const side = access.organizer ? null : access.side === 'learner' ? 'mentor' : 'learner';
    const rows = await sql<{
      profile_id: string;
      display_name: string;
      side: ProgramSide;
      capacity: number | null;
      joined_at: Date;
    }>(
      this.uow.db,
      `SELECT m.profile_id, pr.display_name, m.side, m.capacity, m.joined_at
         FROM program_members m JOIN profiles pr ON pr.id = m.profile_id
        WHERE m.program_id = $1
          AND ($3::text IS NULL OR (m.side = $3 AND NOT EXISTS (
                SELECT 1 FROM blocks b WHERE (b.blocker_id = $2 AND b.blocked_id = m.profile_id)
                                          OR (b.blocker_id = m.profile_id AND b.blocked_id = $2))))
        ORDER BY m.side, lower(pr.display_name), m.profile_id`,
      [programId, userId, side],
    );
    return {
      items: rows.map((r) => ({
        profileId: r.profile_id,
        displayName: r.display_name,
        side: r.side,
        capacity: r.capacity,
        joinedAt: r.joined_at.toISOString(),
      })),
    };
  }
}
