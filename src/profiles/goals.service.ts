import { Injectable } from '@nestjs/common';
import { NotFound } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, cursorTimestamp, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import { SkillsService } from '../skills/skills.service.js';
import type { CreateGoalDto, Goal, GoalsQuery, GoalStatus, UpdateGoalDto } from './dto/goals.dto.js';
import { emitMatchingChanged } from './matching-events.js';

interface GoalRow {
  id: string;
  skill: string;
  target_level: number;
  target_date: string | null;
  note: string | null;
  status: GoalStatus;
  created_at: Date;
  updated_at: Date;
  created_key: string;
}

// target_date as text: node-pg would turn a date into a local-midnight Date and shift it across zones.
// created_key keeps the microseconds a JS Date drops, so the keyset cursor never repeats a row.
const COLUMNS = `id, skill, target_level::int AS target_level, to_char(target_date, 'YYYY-MM-DD') AS target_date,
  note, status, created_at, updated_at, ${cursorTimestamp('created_at')} AS created_key`;

const LIST_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  skill: r.skill,
  targetLevel: r.target_level,
  targetDate: r.target_date,
  note: r.note,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** A profile's learning goals. Ownership is part of every query, so another profile's goal is a 404. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly skills: SkillsService,
    private readonly events: EventsService,
  ) {}

  async create(profileId: string, dto: CreateGoalDto): Promise<Goal> {
    return this.uow.run(async (tx) => {
      await this.skills.assertKnown([dto.skill], { field: () => 'skill', db: tx });
      const row = await sqlOne<GoalRow>(
        tx,
        `INSERT INTO goals (profile_id, skill, target_level, target_date, note) VALUES ($1, $2, $3, $4::date, $5)
         RETURNING ${COLUMNS}`,
        [profileId, dto.skill, dto.targetLevel, dto.targetDate ?? null, dto.note ?? null],
      );
      await emitMatchingChanged(this.events, tx, profileId, ['goals']);
      return toGoal(row!);
    });
  }

  /** Oldest first, keyset-paginated on (created_at, id). */
  async list(profileId: string, query: GoalsQuery): Promise<Page<Goal>> {
    const limit = pageLimit(query);
    const after = LIST_CURSOR.decode(query.cursor);
    const params: unknown[] = [profileId, limit + 1];
    const where = [`profile_id = $1`];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (after)
      where.push(`(created_at, id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = await sql<GoalRow>(
      this.uow.db,
      `SELECT ${COLUMNS} FROM goals WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $2`,
      params,
    );
    return LIST_CURSOR.page(rows, limit, toGoal, (r) => [r.created_key, r.id]);
  }

  async update(profileId: string, id: string, dto: UpdateGoalDto): Promise<Goal> {
    const sets: string[] = [];
    const params: unknown[] = [id, profileId];
    if (dto.targetLevel !== undefined) sets.push(`target_level = $${params.push(dto.targetLevel)}`);
    if (dto.targetDate !== undefined) sets.push(`target_date = $${params.push(dto.targetDate)}::date`);
    if (dto.note !== undefined) sets.push(`note = $${params.push(dto.note)}`);
    if (dto.status !== undefined) sets.push(`status = $${params.push(dto.status)}`);
    return this.uow.run(async (tx) => {
      const row = await sqlOne<GoalRow>(
        tx,
        sets.length
          ? `UPDATE goals SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 AND profile_id = $2
            RETURNING ${COLUMNS}`
          : `SELECT ${COLUMNS} FROM goals WHERE id = $1 AND profile_id = $2`,
        params,
      );
      if (!row) throw new NotFound('Goal');
      if (sets.length) await emitMatchingChanged(this.events, tx, profileId, ['goals']);
      return toGoal(row);
    });
  }

  async remove(profileId: string, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const rows = await sql(tx, `DELETE FROM goals WHERE id = $1 AND profile_id = $2 RETURNING id`, [id, profileId]);
      if (!rows.length) throw new NotFound('Goal');
      await emitMatchingChanged(this.events, tx, profileId, ['goals']);
    });
  }
}
