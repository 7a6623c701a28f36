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

/**
 * Job names per command queue. A worker refuses to start if any name here has no registered handler,
 * so add a name together with its handler. (The events queue carries one job per event type.)
 */
export const JOBS = {
  matching: { refreshSuggestions: 'suggestions.refresh' },
  notifications: { deliverEmail: 'deliver.email', deliverWebhook: 'deliver.webhook' },
  timers: {
    outboxCleanup: 'outbox.cleanup',
    expireMentorshipRequest: 'mentorship-request.expire',
    sweepMentorshipRequests: 'mentorship-requests.expiry-sweep',
    meetupReminder: 'meetup.remind',
    sessionReminder: 'session.remind',
    messageDigest: 'message.digest',
  },
  programs: { runMatch: 'program.match-run' },
} as const satisfies Record<Exclude<QueueName, 'events'>, Record<string, string>>;
