import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { sql, sqlOne, type Queryable } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import { SkillsService } from '../skills/skills.service.js';
import type { ProfileSkill, SkillLevelDto } from './dto/profile-skills.dto.js';
import { emitMatchingChanged } from './matching-events.js';

const levelsKey = (rows: readonly { skill: string; level: number }[]): string =>
  rows
    .map((r) => `${r.skill}=${r.level}`)
    .sort()
    .join(',');

@Injectable()
export class ProfileSkillsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly skills: SkillsService,
    private readonly events: EventsService,
  ) {}

  async list(profileId: string, db: Queryable = this.uow.db): Promise<ProfileSkill[]> {
    return sql<ProfileSkill>(
      db,
      `SELECT ps.skill, s.name, ps.level::int AS level, ps.years::float8 AS years
         FROM profile_skills ps JOIN skills s ON s.slug = ps.skill
        WHERE ps.profile_id = $1
        ORDER BY ps.level DESC, s.name, ps.skill`,
      [profileId],
    );
  }

  async listOf(profileId: string): Promise<ProfileSkill[]> {
    const exists = await sqlOne(this.uow.db, `SELECT 1 FROM profiles WHERE id = $1`, [profileId]);
    if (!exists) throw new NotFound('Profile');
    return this.list(profileId);
  }

  /**
   * Replaces the whole inventory in one transaction. The profile row lock serialises concurrent replacements:
   * without it two DELETE+INSERT pairs interleave under READ COMMITTED and leave a mix of both (or a key error).
   */
  async replace(profileId: string, entries: readonly SkillLevelDto[]): Promise<ProfileSkill[]> {
    const firstAt = new Map<string, number>();
    const duplicates: FieldError[] = [];
    entries.forEach((e, i) => {
      const first = firstAt.get(e.skill);
      if (first === undefined) firstAt.set(e.skill, i);
      else
        duplicates.push({
          field: `skills[${i}].skill`,
          message: `skill "${e.skill}" is already listed at skills[${first}]`,
        });
    });
    if (duplicates.length) throw new ValidationFailed(duplicates, duplicates[0].message, 'DUPLICATE_SKILL');

    return this.uow.run(async (tx) => {
      const locked = await sqlOne(tx, `SELECT 1 FROM profiles WHERE id = $1 FOR UPDATE`, [profileId]);
      if (!locked) throw new NotFound('Profile');
      await this.skills.assertKnown(
        entries.map((e) => e.skill),
        { field: (i) => `skills[${i}].skill`, db: tx },
      );
      const before = await sql<{ skill: string; level: number }>(
        tx,
        `SELECT skill, level::int AS level FROM profile_skills WHERE profile_id = $1`,
        [profileId],
      );
      await sql(tx, `DELETE FROM profile_skills WHERE profile_id = $1`, [profileId]);
      if (entries.length) {
        await sql(
          tx,
          `INSERT INTO profile_skills (profile_id, skill, level, years)
           SELECT $1, skill, level, years
             FROM unnest($2::text[], $3::smallint[], $4::numeric[]) AS t(skill, level, years)`,
          [profileId, entries.map((e) => e.skill), entries.map((e) => e.level), entries.map((e) => e.years ?? null)],
        );
      }
      if (levelsKey(before) !== levelsKey(entries)) await emitMatchingChanged(this.events, tx, profileId, ['skills']);
      return this.list(profileId, tx);
    });
  }
}
