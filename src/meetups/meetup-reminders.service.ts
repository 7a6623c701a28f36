import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { chunk, RECIPIENTS_PER_EVENT, reminderJobId, reminderSchedule } from './meetup-rules.js';

export interface ReminderJob {
  meetupId: string;
  offsetSeconds: number;
  /** the start time (epoch seconds) the reminder was scheduled for; a moved meetup makes the job stale */
  startsAtEpoch: number;
}

export const isReminderJob = (d: unknown): d is ReminderJob => {
  const j = d as ReminderJob;
  return (
    !!j &&
    typeof j.meetupId === 'string' &&
    /^[0-9a-f-]{36}$/.test(j.meetupId) &&
    Number.isInteger(j.offsetSeconds) &&
    Number.isInteger(j.startsAtEpoch)
  );
};

const epochOf = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * Reminders are delayed jobs on the timers queue, one per offset the meetup was created with
 * (MEETUP_REMINDER_OFFSETS_SECONDS of the API process that created it, stored on the row so every worker
 * agrees), with ids naming the meetup, the offset and the start time. The worker (re)schedules them when
 * it sees meetup.created/updated and removes them on meetup.cancelled; each job re-checks the meetup when
 * it runs, so a job that outlived a change is a no-op.
 */
@Injectable()
export class MeetupRemindersService {
  private readonly logger = new Logger('MeetupReminders');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue,
  ) {}

  /** Makes the queued reminders match the meetup as it is now (idempotent: ids are deterministic). */
  async sync(meetupId: string, previousStartsAt?: string): Promise<void> {
    const meetup = await this.find(meetupId);
    if (!meetup) return;
    if (previousStartsAt && new Date(previousStartsAt).getTime() !== meetup.starts_at.getTime()) {
      await this.removeFor(meetupId, meetup.reminder_offsets, new Date(previousStartsAt));
    }
    if (meetup.status !== 'scheduled') {
      await this.removeFor(meetupId, meetup.reminder_offsets, meetup.starts_at);
      return;
    }
    const startsAtEpoch = epochOf(meetup.starts_at);
    for (const { offsetSeconds, delayMs } of reminderSchedule(meetup.starts_at, meetup.reminder_offsets, new Date())) {
      const data: ReminderJob = { meetupId, offsetSeconds, startsAtEpoch };
      await this.timers.add(JOBS.timers.meetupReminder, data, {
        jobId: reminderJobId(meetupId, offsetSeconds, meetup.starts_at),
        delay: delayMs,
        removeOnComplete: true,
      });
    }
  }

  async removeAll(meetupId: string): Promise<void> {
    const meetup = await this.find(meetupId);
    if (meetup) await this.removeFor(meetupId, meetup.reminder_offsets, meetup.starts_at);
  }

  private find(meetupId: string) {
    return sqlOne<{ status: string; starts_at: Date; reminder_offsets: number[] }>(
      this.uow.db,
      `SELECT status, starts_at, reminder_offsets FROM meetups WHERE id = $1`,
      [meetupId],
    );
  }

  private async removeFor(meetupId: string, offsets: readonly number[], startsAt: Date): Promise<void> {
    for (const offset of offsets) await this.timers.remove(reminderJobId(meetupId, offset, startsAt));
  }

  /**
   * Runs one reminder: only for a meetup still scheduled at the same start, not yet started, and only once
   * (the meetup_reminders_sent row commits with the events). One `meetup.reminder` event per
   * RECIPIENTS_PER_EVENT going members. Returns how many members were reminded.
   */
  async remind(job: ReminderJob): Promise<number> {
    return this.uow.run(async (tx) => {
      const meetup = await sqlOne<{ status: string; starts_at: Date; started: boolean }>(
        tx,
        `SELECT status, starts_at, starts_at <= now() AS started FROM meetups WHERE id = $1`,
        [job.meetupId],
      );
      if (
        !meetup ||
        meetup.status !== 'scheduled' ||
        meetup.started ||
        epochOf(meetup.starts_at) !== job.startsAtEpoch
      ) {
        this.logger.debug(`stale reminder ${job.meetupId}/${job.offsetSeconds}: meetup changed`);
        return 0;
      }
      const marker = await sqlOne(
        tx,
        `INSERT INTO meetup_reminders_sent (meetup_id, offset_seconds, starts_at, recipients) VALUES ($1, $2, $3, 0)
         ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
        [job.meetupId, job.offsetSeconds, meetup.starts_at],
      );
      if (!marker) return 0;
      const going = await sql<{ profile_id: string }>(
        tx,
        `SELECT profile_id FROM meetup_rsvps WHERE meetup_id = $1 AND status = 'going' ORDER BY profile_id`,
        [job.meetupId],
      );
      const payload = {
        meetupId: job.meetupId,
        startsAt: meetup.starts_at.toISOString(),
        offsetSeconds: job.offsetSeconds,
      };
      await this.events.emitMany(
        tx,
        chunk(
          going.map((g) => g.profile_id),
          RECIPIENTS_PER_EVENT,
        ).map((recipientIds) => ({ type: 'meetup.reminder' as const, payload: { ...payload, recipientIds } })),
      );
      await sql(
        tx,
        `UPDATE meetup_reminders_sent SET recipients = $4 WHERE meetup_id = $1 AND offset_seconds = $2
         AND starts_at = $3`,
        [job.meetupId, job.offsetSeconds, meetup.starts_at, going.length],
      );
      return going.length;
    });
  }
}
