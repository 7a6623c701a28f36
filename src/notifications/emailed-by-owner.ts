import type { EventType } from '../queues/event-types.js';

/**
 * Notification types whose e-mail the owning module sends itself, so the fan-out sends no e-mail per
 * notification for them: messages go out as a digest (at most one an hour), and the notice of a changed e-mail
 * address goes to the old address (the account's current one is the new address). In-app rows and webhooks
 * are unchanged.
 */
export const EMAILED_BY_OWNER: ReadonlySet<EventType> = new Set<EventType>([
  'message.received',
  'account.email_changed',
]);
