/** Every BullMQ queue, and every job name it carries, in one place. */
export const QUEUES = {
  events: 'events',
  matching: 'matching',
  notifications: 'notifications',
  timers: 'timers',
  programs: 'programs',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

/** Job names per queue (the events queue carries one job name per event type, see event-types.ts). */
export const JOBS = {
  matching: { refreshSuggestions: 'suggestions.refresh' },
  notifications: { deliverEmail: 'deliver.email', deliverWebhook: 'deliver.webhook' },
  timers: {
    expireRequest: 'mentorship-request.expire',
    sweepExpiredRequests: 'mentorship-request.sweep',
    meetupReminder: 'meetup.remind',
    outboxCleanup: 'outbox.cleanup',
  },
  programs: { runMatch: 'program.match-run' },
} as const;
