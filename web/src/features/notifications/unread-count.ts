/** The navigation's unread count (GET /v1/notifications/unread-count), also written by the stream's `unread` events. */
export const unreadCountKey = ['notifications', 'unread-count'] as const;
