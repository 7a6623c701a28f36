import { isUuid } from '../common/http/uuid.pipe.js';

/** Payload guards the worker applies when it takes a job (malformed payloads fail without retries). */
const hasUuid =
  <K extends string>(key: K) =>
  (d: unknown): d is Record<K, string> =>
    typeof d === 'object' && d !== null && isUuid((d as Record<string, unknown>)[key]);

export const isRequestPayload = hasUuid('requestId');
export const isLearnerJob = hasUuid('learnerId');
export const isProfilePayload = hasUuid('profileId');
/** Decision events about a request; a mentorship.accepted from a program publish has no request (requestId absent). */
export const isDecisionPayload = (d: unknown): d is { requestId?: string } =>
  typeof d === 'object' &&
  d !== null &&
  ((d as Record<string, unknown>).requestId === undefined || isUuid((d as Record<string, unknown>).requestId));

export const refreshJobId = (learnerId: string): string => `refresh-${learnerId}`;
export const expireJobId = (requestId: string): string => `expire-${requestId}`;
