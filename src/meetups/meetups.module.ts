import { Module } from '@nestjs/common';
import { SkillsModule } from '../skills/skills.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarFeedSources } from './calendar-feed-sources.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { MeetupSearchService } from './meetup-search.service.js';
import { MeetupsController } from './meetups.controller.js';
import { MeetupsService } from './meetups.service.js';
import { RsvpService } from './rsvp.service.js';

/**
 * Meetups, RSVPs with a waitlist, check-ins and iCalendar feeds (docs/api.md#meetups). Job handlers:
 * MeetupsWorkerModule.
 */
@Module({
  imports: [SkillsModule],
  controllers: [MeetupsController, CalendarController],
  providers: [MeetupsService, MeetupSearchService, RsvpService, CalendarFeedService, CalendarFeedSources],
  exports: [CalendarFeedSources, MeetupsService],
})
export class MeetupsModule {}
