import { Injectable } from '@nestjs/common';
import type { IcsEvent } from './ical/render-calendar.js';

/** Another module's events for a person's calendar feed (mentorship sessions, for one). */
export interface CalendarFeedSource {
  /** The person's events that end after `endedAfter`, soonest first, at most `limit`. */
  eventsFor(profileId: string, endedAfter: Date, limit: number): Promise<IcsEvent[]>;
}

/**
 * Where other modules add their events to the personal feed, so the feed needs no knowledge of their
 * tables: they register a source when they start.
 */
@Injectable()
export class CalendarFeedSources {
  private readonly sources: CalendarFeedSource[] = [];

  register(source: CalendarFeedSource): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  all(): readonly CalendarFeedSource[] {
    return this.sources;
  }
}
