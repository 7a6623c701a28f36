import { isUuid } from '../../common/http/uuid.pipe.js';

/** A push delivery job carries the notification id only; everything else is read when it runs. */
export interface DeliveryJob {
  notificationId: string;
}

export const isDeliveryJob = (d: unknown): d is DeliveryJob =>
  typeof d === 'object' && d !== null && isUuid((d as DeliveryJob).notificationId);

export const emailJobId = (notificationId: string): string => `email-${notificationId}`;
export const webhookJobId = (notificationId: string): string => `webhook-${notificationId}`;
