import type { EventType } from '../queues/event-types.js';

/**
 * Notification types whose e-mail is a digest sent by the module that owns them (messages: at most one an
 * hour), so the fan-out sends no e-mail per notification for them. In-app rows and webhooks are unchanged.
 */
export const EMAILED_AS_DIGEST: ReadonlySet<EventType> = new Set<EventType>(['message.received']);
