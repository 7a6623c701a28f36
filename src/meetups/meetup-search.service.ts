import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ValidationFailed } from '../common/errors/domain-error.js';
import { cursorCodec, cursorField, pageLimit, type Page } from '../common/pagination/cursor.js';
import { sql } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { SkillsService } from '../skills/skills.service.js';
import type { RecommendedQuery, SearchMeetupsQuery } from './dto/meetup.dto.js';
import type { MeetupView, RecommendedMeetup } from './dto/meetup.responses.js';
import { parseNear } from './meetup-rules.js';
import { buildMeetupSearch } from './meetup-search.sql.js';
import {
  MEETUP_COLUMNS,
  toViewerMeetupView,
  VIEWER_RSVP_COLUMNS,
  viewerRsvpJoin,
  type MeetupRow,
  type ViewerRsvpRow,
} from './meetup.view.js';

/** Zero-overlap meetups considered for the tail of the recommendations: the soonest this many. */
const RECOMMENDATION_FILLER_POOL = 200;

const SEARCH_CURSOR = cursorCodec(cursorField.timestamp, cursorField.uuid);

@Injectable()
export class MeetupSearchService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly skills: SkillsService,
  ) {}

  /** viewer undefined: an anonymous caller (no links, `myRsvp` null). */
  async search(q: SearchMeetupsQuery, viewer: AuthUser | undefined): Promise<Page<MeetupView>> {
    const near = q.near === undefined ? undefined : parseNear(q.near);
    if (near === null)
      throw ValidationFailed.field('near', 'near must be LAT,LNG with -90..90 and -180..180, e.g. 52.52,13.40');
    if (q.radiusKm !== undefined && !near) throw ValidationFailed.field('radiusKm', 'radiusKm needs near');
    if (q.skill) await this.skills.assertKnown([q.skill], { field: () => 'skill' });
    const limit = pageLimit(q);
    const after = SEARCH_CURSOR.decode(q.cursor);
    const query = buildMeetupSearch({
      q: q.q?.trim() || undefined,
      skill: q.skill,
      from: q.from ? new Date(q.from) : new Date(),
      to: q.to ? new Date(q.to) : undefined,
      near,
      radiusKm: q.radiusKm,
      online: q.online,
      after: after ? { startsAt: after[0], id: after[1] } : undefined,
      limit: limit + 1,
    });
    // The viewer's RSVPs are joined to the page only, after the search has picked it.
    const rows = await sql<MeetupRow & ViewerRsvpRow & { starts_key: string }>(
      this.uow.db,
      `SELECT m.*, ${VIEWER_RSVP_COLUMNS}
         FROM (${query.text}) m
         ${viewerRsvpJoin(`$${query.params.length + 1}`)}
        ORDER BY m.starts_at, m.id`,
      [...query.params, viewer?.id ?? null],
    );
    const viewerId = viewer?.id ?? null;
    return SEARCH_CURSOR.page(
      rows,
      limit,
      (r) => toViewerMeetupView(r, viewerId),
      (r) => [r.starts_key, r.id],
    );
  }

  /**
   * Upcoming scheduled meetups ranked by how much of the caller's active goals they cover (a goal's own
   * skill counts 1; a parent or child skill counts 1/(1+depth) via skill_ancestors; each goal counts once),
   * then by distance in whole km when the caller's profile and the meetup both have a place, then by
   * start time. Meetups covering no goal follow, drawn from the soonest RECOMMENDATION_FILLER_POOL.
   * A top-N list (limit 1..50), not paged.
   */
  async recommended(user: AuthUser, q: RecommendedQuery): Promise<{ items: RecommendedMeetup[]; nextCursor: null }> {
    const rows = await sql<MeetupRow & ViewerRsvpRow & { overlap: number; distance_km: number | null }>(
      this.uow.db,
      `WITH goal_skills AS (
         SELECT DISTINCT skill FROM goals WHERE profile_id = $1 AND status = 'active'
       ), related AS (
         SELECT g.skill AS goal, sa.skill AS meetup_skill, 1.0 / (1 + sa.depth) AS credit
           FROM goal_skills g JOIN skill_ancestors sa ON sa.ancestor = g.skill
         UNION ALL
         SELECT g.skill, sa.ancestor, 1.0 / (1 + sa.depth)
           FROM goal_skills g JOIN skill_ancestors sa ON sa.skill = g.skill AND sa.depth > 0
       ), per_goal AS (
         SELECT ms.meetup_id, r.goal, max(r.credit) AS credit
           FROM related r
           JOIN meetup_skills ms ON ms.skill = r.meetup_skill
           JOIN meetups m ON m.id = ms.meetup_id AND m.status = 'scheduled' AND m.starts_at >= now()
          GROUP BY ms.meetup_id, r.goal
       ), scored AS (
         SELECT meetup_id, sum(credit)::float8 AS overlap FROM per_goal GROUP BY meetup_id
       ), filler AS (
         SELECT m.id AS meetup_id, 0::float8 AS overlap FROM meetups m
          WHERE m.status = 'scheduled' AND m.starts_at >= now() AND m.id NOT IN (SELECT meetup_id FROM scored)
          ORDER BY m.starts_at, m.id LIMIT ${RECOMMENDATION_FILLER_POOL}
       ), me AS (
         SELECT (location->>'lat')::float8 AS lat, (location->>'lng')::float8 AS lng FROM profiles WHERE id = $1
       )
       SELECT ${MEETUP_COLUMNS}, ${VIEWER_RSVP_COLUMNS}, c.overlap,
              CASE WHEN me.lat IS NOT NULL AND m.lat IS NOT NULL
                   THEN round(earth_distance(ll_to_earth(me.lat, me.lng), ll_to_earth(m.lat, m.lng)) / 1000)::int END
                     AS distance_km
         FROM (SELECT * FROM scored UNION ALL SELECT * FROM filler) c
         JOIN meetups m ON m.id = c.meetup_id
         LEFT JOIN me ON true
         ${viewerRsvpJoin('$1')}
        ORDER BY c.overlap DESC, distance_km ASC NULLS LAST, m.starts_at, m.id
        LIMIT $2`,
      [user.id, q.limit ?? 20],
    );
    return {
      items: rows.map((r) => ({
        ...toViewerMeetupView(r, user.id),
        recommendation: { goalOverlap: Math.round(r.overlap * 1000) / 1000, distanceKm: r.distance_km },
      })),
      nextCursor: null,
    };
  }
}
