import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { EventType } from '../queues/event-types.js';
import { JobRegistry } from '../queues/job-registry.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { expireJobId, isDecisionPayload, isRequestPayload } from './job-payloads.js';
import { MentorshipRequestExpiryService } from './mentorship-request-expiry.service.js';

export const EXPIRY_SWEEP_SCHEDULER = 'mentorship-request-expiry-sweep';
/** Fire a little after the deadline so the database clock agrees it has passed. */
const EXPIRY_SLACK_MS = 250;
const DECIDED: EventType[] = [
  'mentorship.accepted',
  'mentorship.declined',
  'mentorship.cancelled',
  'mentorship.withdrawn',
];

/**
 * Request expiry: a delayed job per request (id `expire-<requestId>`), scheduled by the worker when the
 * mentorship.requested event arrives and removed when the request is decided, plus a periodic sweep that
 * catches any request whose timer Redis lost.
 */
@Injectable()
export class MentorshipRequestTimersProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('RequestExpiry');

  constructor(
    private readonly registry: JobRegistry,
    private readonly expiry: MentorshipRequestExpiryService,
    @InjectQueue(QUEUES.timers) private readonly timers: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.onEvent<{ requestId: string }>(
      'mentorship.requested',
      (e) => this.schedule(e.payload.requestId),
      isRequestPayload,
    );
    for (const type of DECIDED) {
      this.registry.onEvent<{ requestId?: string }>(
        type,
        async (e) => (e.payload.requestId ? this.unschedule(e.payload.requestId) : undefined),
        isDecisionPayload,
      );
    }
    this.registry.register(
      QUEUES.timers,
      JOBS.timers.expireMentorshipRequest,
      (d: { requestId: string }) => this.expire(d.requestId),
      isRequestPayload,
    );
    this.registry.register(QUEUES.timers, JOBS.timers.sweepMentorshipRequests, () => this.expiry.sweep());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.timers
      .upsertJobScheduler(
        EXPIRY_SWEEP_SCHEDULER,
        { every: this.config.requestExpirySweepSeconds * 1000 },
        { name: JOBS.timers.sweepMentorshipRequests, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      )
      .catch((e: Error) => this.logger.warn(`cannot schedule the request expiry sweep yet: ${e.message}`));
  }

  async schedule(requestId: string): Promise<void> {
    const due = await this.expiry.dueAt(requestId);
    if (!due) return;
    await this.timers.add(
      JOBS.timers.expireMentorshipRequest,
      { requestId },
      {
        jobId: expireJobId(requestId),
        delay: Math.max(0, due.getTime() - Date.now()) + EXPIRY_SLACK_MS,
        removeOnComplete: true,
      },
    );
  }

  async unschedule(requestId: string): Promise<void> {
    // A running or already-gone job is fine: the job re-checks the request's state.
    await this.timers.remove(expireJobId(requestId)).catch(() => 0);
  }

  async expire(requestId: string): Promise<string> {
    const outcome = await this.expiry.expireIfDue(requestId);
    // Early by clock skew: fail so BullMQ retries with backoff (the sweep is the backstop).
    if (outcome === 'not_due') throw new Error(`request ${requestId} is not due yet`);
    return outcome;
  }
}
