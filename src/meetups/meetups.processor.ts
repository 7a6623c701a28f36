import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../queues/job-registry.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { isReminderJob, MeetupRemindersService, type ReminderJob } from './meetup-reminders.service.js';

interface MeetupEventPayload {
  meetupId: string;
  previousStartsAt?: string;
}

const isMeetupEvent = (p: unknown): p is MeetupEventPayload => {
  const e = p as MeetupEventPayload;
  return (
    !!e &&
    typeof e.meetupId === 'string' &&
    (e.previousStartsAt === undefined || typeof e.previousStartsAt === 'string')
  );
};

/**
 * Worker side of meetups: keeps reminder jobs in step with the meetup and runs them. Thin: the service does the work.
 */
@Injectable()
export class MeetupsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly reminders: MeetupRemindersService,
  ) {}

  onModuleInit(): void {
    this.registry.onEvent<MeetupEventPayload>(
      'meetup.created',
      (e) => this.reminders.sync(e.payload.meetupId),
      isMeetupEvent,
    );
    this.registry.onEvent<MeetupEventPayload>(
      'meetup.updated',
      (e) => this.reminders.sync(e.payload.meetupId, e.payload.previousStartsAt),
      isMeetupEvent,
    );
    this.registry.onEvent<MeetupEventPayload>(
      'meetup.cancelled',
      (e) => this.reminders.removeAll(e.payload.meetupId),
      isMeetupEvent,
    );
    this.registry.register<ReminderJob>(
      QUEUES.timers,
      JOBS.timers.meetupReminder,
      (job) => this.reminders.remind(job),
      isReminderJob,
    );
  }
}
