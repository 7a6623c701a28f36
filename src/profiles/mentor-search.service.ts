import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { SkillsService } from '../skills/skills.service.js';
import type { MentorItem, MentorSearchQuery, MentorSkill } from './dto/mentors.dto.js';
import { mentorSearchQuery, mentorSkillsQuery, type MentorSearchRow } from './mentor-search.sql.js';
import { isLanguageCode } from './validation/index.js';

export const DEFAULT_MIN_LEVEL = 1;

/** (matched level, id); the level is null when no skill is searched. */
const SEARCH_CURSOR = cursorCodec(cursorField.nullable(cursorField.int(0, 5)), cursorField.uuid);

@Injectable()
export class MentorSearchService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly skills: SkillsService,
  ) {}

  async search(q: MentorSearchQuery): Promise<Page<MentorItem>> {
    if (q.minLevel !== undefined && q.skill === undefined)
      throw ValidationFailed.field('minLevel', 'minLevel applies to the matched skill, so it needs skill');
    if (q.language !== undefined && !isLanguageCode(q.language))
      throw ValidationFailed.field('language', 'language must be a lowercase ISO 639-1 code, e.g. en');
    if (q.skill !== undefined) await this.skills.assertKnown([q.skill], { field: () => 'skill' });
    const limit = pageLimit(q);
    const cursor = SEARCH_CURSOR.decode(q.cursor);

    const { text, values } = mentorSearchQuery({
      skill: q.skill,
      minLevel: q.minLevel ?? DEFAULT_MIN_LEVEL,
      language: q.language,
      acceptingOnly: q.acceptingOnly ?? false,
      after: cursor ? { level: cursor[0], id: cursor[1] } : undefined,
      rows: limit + 1,
    });
    const rows = await sql<MentorSearchRow>(this.uow.db, text, values);
    const page = rows.slice(0, limit);
    const skillsByProfile = new Map<string, MentorSkill[]>();
    if (page.length) {
      const skillsSql = mentorSkillsQuery(page.map((r) => r.id));
      for (const s of await sql<{ profile_id: string; skill: string; level: number }>(
        this.uow.db,
        skillsSql.text,
        skillsSql.values,
      )) {
        const list = skillsByProfile.get(s.profile_id) ?? [];
        list.push({ skill: s.skill, level: s.level });
        skillsByProfile.set(s.profile_id, list);
      }
    }
    return SEARCH_CURSOR.page(
      rows,
      limit,
      (r): MentorItem => ({
        id: r.id,
        displayName: r.display_name,
        headline: r.headline,
        timezone: r.timezone,
        languages: r.languages,
        skills: skillsByProfile.get(r.id) ?? [],
        acceptingMentees: r.accepting_mentees,
        openSlots: r.open_slots,
        matchedLevel: r.match_level,
      }),
      (r) => [r.match_level, r.id],
    );
  }
}
