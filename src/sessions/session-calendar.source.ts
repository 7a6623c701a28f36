import { Injectable, OnModuleInit } from '@nestjs/common';
import { sql } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { CalendarFeedSources, type CalendarFeedSource } from '../meetups/calendar-feed-sources.js';
import type { IcsEvent } from '../meetups/ical/render-calendar.js';
import { SESSION_COLUMNS, sessionIcsEvent, type SessionRow } from './session.view.js';

/** Puts each person's confirmed sessions into their personal calendar feed. */
@Injectable()
export class SessionCalendarSource implements CalendarFeedSource, OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: CalendarFeedSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async eventsFor(profileId: string, endedAfter: Date, limit: number): Promise<IcsEvent[]> {
    const rows = await sql<SessionRow & { other_name: string }>(
      this.uow.dataSource,
      `SELECT ${SESSION_COLUMNS}, o.display_name AS other_name
         FROM session_participants sp
         JOIN mentorship_sessions s ON s.id = sp.session_id
         JOIN mentorships m ON m.id = s.mentorship_id
         JOIN profiles o ON o.id = CASE WHEN m.learner_id = $1 THEN m.mentor_id ELSE m.learner_id END
        WHERE sp.profile_id = $1 AND sp.active AND s.status = 'confirmed' AND s.ends_at > $2
        ORDER BY s.starts_at, s.id
        LIMIT $3`,
      [profileId, endedAfter, limit],
    );
    return rows.map((r) => sessionIcsEvent(r, r.other_name));
  }
}
