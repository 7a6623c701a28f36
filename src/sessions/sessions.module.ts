import { Module } from '@nestjs/common';
import { MeetupsModule } from '../meetups/meetups.module.js';
import { SessionCalendarSource } from './session-calendar.source.js';
import { SessionRemindersService } from './session-reminders.service.js';
import { SessionSlotsService } from './session-slots.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsProcessor } from './sessions.processor.js';
import { SessionsService } from './sessions.service.js';

/** Mentorship sessions and their free slots; adds confirmed sessions to the personal calendar feed. */
@Module({
  imports: [MeetupsModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionSlotsService, SessionCalendarSource],
  exports: [SessionsService],
})
export class SessionsModule {}

/** Worker side: session reminders. */
@Module({
  providers: [SessionRemindersService, SessionsProcessor],
})
export class SessionsWorkerModule {}
