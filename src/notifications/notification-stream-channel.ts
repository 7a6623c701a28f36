// The Redis pub/sub message the worker publishes after inserting in-app notifications, and which every API
// process turns into Server-Sent Events for the recipients streaming from it.
import type { NotificationType } from '../queues/event-types.js';

/** One channel for the deployment (QUEUE_PREFIX), so two deployments or test files sharing a Redis never cross. */
export const notificationChannel = (queuePrefix: string): string => `${queuePrefix}:notifications:new`;

/**
 * One message per inserted batch: the rows of one event differ only in id and recipient, so the shared
 * fields travel once and a 1000-recipient batch stays one small PUBLISH.
 */
export interface NotificationBatchMessage {
  type: NotificationType;
  data: Record<string, unknown>;
  createdAt: string;
  /** [recipientId, notificationId] */
  rows: [string, string][];
}

/** Published by the API when a member marked notifications read: their streams get the new unread count. */
export interface NotificationsReadMessage {
  readBy: string;
}

export type NotificationChannelMessage = NotificationBatchMessage | NotificationsReadMessage;

export function parseChannelMessage(raw: string): NotificationChannelMessage | null {
  try {
    const m = JSON.parse(raw) as Partial<NotificationBatchMessage & NotificationsReadMessage>;
    if (typeof m.readBy === 'string') return { readBy: m.readBy };
    if (typeof m.type !== 'string' || typeof m.createdAt !== 'string' || !Array.isArray(m.rows)) return null;
    if (typeof m.data !== 'object' || m.data === null) return null;
    return m as NotificationBatchMessage;
  } catch {
    return null;
  }
}
