import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUuid } from '../common/http/uuid.pipe.js';
import { JobRegistry } from '../queues/job-registry.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { isSessionReminderJob, SessionRemindersService, type SessionReminderJob } from './session-reminders.service.js';

interface SessionEventPayload {
  sessionId: string;
  previousStartsAt?: string;
}

const isSessionEvent = (p: unknown): p is SessionEventPayload => {
  const e = p as SessionEventPayload;
  return !!e && isUuid(e.sessionId) && (e.previousStartsAt === undefined || typeof e.previousStartsAt === 'string');
};

/** Worker side of sessions: keeps reminder jobs in step with each session and runs them. */
@Injectable()
export class SessionsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly reminders: SessionRemindersService,
  ) {}

  onModuleInit(): void {
    for (const type of ['session.confirmed', 'session.updated', 'session.cancelled'] as const)
      this.registry.onEvent<SessionEventPayload>(
        type,
        (e) => this.reminders.sync(e.payload.sessionId, e.payload.previousStartsAt),
        isSessionEvent,
      );
    this.registry.register<SessionReminderJob>(
      QUEUES.timers,
      JOBS.timers.sessionReminder,
      (job) => this.reminders.remind(job),
      isSessionReminderJob,
    );
  }
}
