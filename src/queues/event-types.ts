/** Domain events written to the outbox. Notification types (docs/api.md#notifications) are a subset. */
export const NOTIFICATION_TYPES = [
  'mentorship.requested',
  'mentorship.accepted',
  'mentorship.declined',
  'mentorship.cancelled',
  'mentorship.expired',
  'mentorship.withdrawn',
  'mentorship.completed',
  'suggestions.ready',
  'meetup.promoted',
  'meetup.updated',
  'meetup.cancelled',
  'meetup.reminder',
  'message.received',
  'session.proposed',
  'session.confirmed',
  'session.updated',
  'session.cancelled',
  'session.reminder',
  'account.email_changed',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const EVENT_TYPES = [
  ...NOTIFICATION_TYPES,
  'profile.matching_changed',
  'program.published',
  'program.match_requested',
  'meetup.created',
  'message.posted',
  'account.verification_requested',
  'account.password_reset_requested',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent<P = Record<string, unknown>> {
  eventId: string;
  type: EventType;
  payload: P;
  createdAt: string;
}
