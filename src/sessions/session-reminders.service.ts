import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { isUuid } from '../common/http/uuid.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';

export interface SessionReminderJob {
  sessionId: string;
  offsetSeconds: number;
  /** The start (epoch seconds) the reminder was scheduled for: a moved session makes the job stale. */
  startsAtEpoch: number;
}

export const isSessionReminderJob = (d: unknown): d is SessionReminderJob => {
  const j = d as SessionReminderJob;
  return !!j && isUuid(j.sessionId) && Number.isInteger(j.offsetSeconds) && Number.isInteger(j.startsAtEpoch);
};

const epochOf = (d: Date): number => Math.floor(d.getTime() / 1000);

/** Deterministic: the same session, offset and start always name the same job. */
export const sessionReminderJobId = (sessionId: string, offsetSeconds: number, startsAt: Date): string =>
  `session-reminder-${sessionId}-${offsetSeconds}-${epochOf(startsAt)}`;

interface SessionState {
  status: string;
  starts_at: Date;
  learner_id: string;
  mentor_id: string;
  mentorship_id: string;
}

/**
 * `session.reminder` goes to both parties SESSION_REMINDER_OFFSETS_SECONDS before a confirmed session, as
 * delayed jobs on the timers queue. The worker syncs them on every session event (a move removes the jobs of
 * the old start, a session no longer confirmed loses its jobs), and each job re-checks the session when it
 * runs and records itself in session_reminders_sent, so a stale or repeated job does nothing.
 */
@Injectable()
export class SessionRemindersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sync(sessionId: string, previousStartsAt?: string, now = Date.now()): Promise<void> {
    const s = await this.find(sessionId);
    if (!s) return;
    if (previousStartsAt && Date.parse(previousStartsAt) !== s.starts_at.getTime())
      await this.removeFor(sessionId, new Date(previousStartsAt));
    if (s.status !== 'confirmed') {
      await this.removeFor(sessionId, s.starts_at);
      return;
    }
    if (s.starts_at.getTime() <= now) return;
    for (const offsetSeconds of this.config.sessionReminderOffsetsSeconds) {
      const at = s.starts_at.getTime() - offsetSeconds * 1000;
      const data: SessionReminderJob = { sessionId, offsetSeconds, startsAtEpoch: epochOf(s.starts_at) };
      await this.timers.add(JOBS.timers.sessionReminder, data, {
        jobId: sessionReminderJobId(sessionId, offsetSeconds, s.starts_at),
        delay: Math.max(0, at - now),
        removeOnComplete: true,
      });
    }
  }

  async remind(job: SessionReminderJob): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const s = await sqlOne<SessionState & { started: boolean }>(
        tx,
        `SELECT s.status, s.starts_at, s.starts_at <= now() AS started, s.mentorship_id, m.learner_id, m.mentor_id
           FROM mentorship_sessions s JOIN mentorships m ON m.id = s.mentorship_id WHERE s.id = $1`,
        [job.sessionId],
      );
      if (!s || s.status !== 'confirmed' || s.started || epochOf(s.starts_at) !== job.startsAtEpoch) return false;
      const marker = await sqlOne(
        tx,
        `INSERT INTO session_reminders_sent (session_id, offset_seconds, starts_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
        [job.sessionId, job.offsetSeconds, s.starts_at],
      );
      if (!marker) return false;
      await this.events.emit(tx, 'session.reminder', {
        sessionId: job.sessionId,
        mentorshipId: s.mentorship_id,
        startsAt: s.starts_at.toISOString(),
        offsetSeconds: job.offsetSeconds,
        recipientIds: [s.learner_id, s.mentor_id],
      });
      return true;
    });
  }

  private find(sessionId: string): Promise<SessionState | undefined> {
    return sqlOne<SessionState>(
      this.uow.dataSource,
      `SELECT s.status, s.starts_at, s.mentorship_id, m.learner_id, m.mentor_id
         FROM mentorship_sessions s JOIN mentorships m ON m.id = s.mentorship_id WHERE s.id = $1`,
      [sessionId],
    );
  }

  private async removeFor(sessionId: string, startsAt: Date): Promise<void> {
    for (const offset of this.config.sessionReminderOffsetsSeconds)
      await this.timers.remove(sessionReminderJobId(sessionId, offset, startsAt));
  }
}
