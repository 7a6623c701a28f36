import { Module } from '@nestjs/common';
import { MeetupRemindersService } from './meetup-reminders.service.js';
import { MeetupsProcessor } from './meetups.processor.js';

/** Meetup job handlers, for WorkerModule only (the API never consumes jobs). */
@Module({
  providers: [MeetupRemindersService, MeetupsProcessor],
})
export class MeetupsWorkerModule {}
