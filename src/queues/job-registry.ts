import { Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import type { DomainEvent } from './event-types.js';
import { JOBS, QUEUES, type QueueName } from './queue-names.js';

export type JobHandler<T = unknown> = (data: T, job: Job) => Promise<unknown>;
export type PayloadGuard<T> = (data: unknown) => data is T;

interface Entry {
  handler: JobHandler;
  validate?: PayloadGuard<unknown>;
}

/**
 * Job names each command queue must be able to run; checked at worker start so a job with no handler
 * fails fast. An event nobody subscribes to is legitimate, so the events queue is not checked.
 */
export const EXPECTED_JOBS: Record<Exclude<QueueName, 'events'>, readonly string[]> = {
  matching: Object.values(JOBS.matching),
  notifications: Object.values(JOBS.notifications),
  timers: Object.values(JOBS.timers),
  programs: Object.values(JOBS.programs),
};

/**
 * Modules register their job handlers here (in the worker only); one processor per queue dispatches
 * by job name. Several handlers may subscribe to one event type; each must be idempotent because
 * delivery is at least once.
 */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('JobRegistry');
  private readonly handlers = new Map<string, Entry[]>();

  register<T>(queue: QueueName, name: string, handler: JobHandler<T>, validate?: PayloadGuard<T>): void {
    const key = `${queue}:${name}`;
    const list = this.handlers.get(key) ?? [];
    list.push({ handler: handler as JobHandler, validate: validate });
    this.handlers.set(key, list);
  }

  /** Subscribes to a domain event; the payload guard runs when the worker takes the job. */
  onEvent<P>(
    type: DomainEvent['type'],
    handler: (event: DomainEvent<P>, job: Job) => Promise<unknown>,
    validate?: PayloadGuard<P>,
  ): void {
    const guard = validate
      ? (d: unknown): d is DomainEvent<P> => isDomainEvent(d) && validate(d.payload)
      : isDomainEvent;
    this.register<DomainEvent<P>>(QUEUES.events, type, handler, guard as PayloadGuard<DomainEvent<P>>);
  }

  missingHandlers(): string[] {
    const missing: string[] = [];
    for (const [queue, names] of Object.entries(EXPECTED_JOBS)) {
      for (const name of names) if (!this.handlers.has(`${queue}:${name}`)) missing.push(`${queue}:${name}`);
    }
    return missing;
  }

  async dispatch(queue: QueueName, job: Job): Promise<unknown> {
    const entries = this.handlers.get(`${queue}:${job.name}`);
    if (!entries?.length && queue === QUEUES.events) return null;
    if (!entries?.length) throw new UnrecoverableError(`no handler for job ${queue}:${job.name}`);
    let result: unknown;
    for (const { handler, validate } of entries) {
      if (validate && !validate(job.data)) {
        this.logger.error(`rejected malformed payload for ${queue}:${job.name} (job ${job.id})`);
        // An event's subscribers are independent: one module's guard must not keep the others from running.
        if (queue === QUEUES.events && entries.length > 1) continue;
        throw new UnrecoverableError(`malformed payload for ${queue}:${job.name}`);
      }
      result = await handler(job.data, job);
    }
    return result;
  }
}

function isDomainEvent(d: unknown): d is DomainEvent {
  const e = d as DomainEvent;
  return (
    !!e &&
    typeof e.eventId === 'string' &&
    typeof e.type === 'string' &&
    typeof e.payload === 'object' &&
    e.payload !== null
  );
}
