import type { DefaultJobOptions } from 'bullmq';

/** Retries with exponential backoff; completed and failed jobs are kept, but bounded. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10000 },
};
