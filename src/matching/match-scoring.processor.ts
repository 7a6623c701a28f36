import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { JobRegistry } from '../queues/job-registry.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { isLearnerJob, isProfilePayload, refreshJobId } from './job-payloads.js';
import { SuggestionsRefreshService } from './suggestions-refresh.service.js';

const REFRESH_JOB: JobsOptions = { attempts: 3, removeOnComplete: true, removeOnFail: true };
const FOLLOW_UP_DELAY_MS = 1000;

/**
 * Turns matching-relevant changes into suggestion refreshes. One job id per learner collapses a burst
 * into one run: while a refresh waits, adding another is a no-op; finished jobs are removed, so the
 * next change runs again.
 */
@Injectable()
export class MatchScoringProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly refresh: SuggestionsRefreshService,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.registry.onEvent<{ profileId: string }>(
      'profile.matching_changed',
      (event) => this.onMatchingChanged(event.payload.profileId),
      isProfilePayload,
    );
    this.registry.register(
      QUEUES.matching,
      JOBS.matching.refreshSuggestions,
      (data: { learnerId: string }) => this.refresh.refresh(data.learnerId),
      isLearnerJob,
    );
  }

  /**
   * Refreshes only learners who asked for suggestions before or have an active goal; anyone else has nothing to rank.
   */
  async onMatchingChanged(profileId: string): Promise<void> {
    if (!(await this.refresh.markPendingIfWanted(profileId))) return;
    const jobId = refreshJobId(profileId);
    await this.queue.add(JOBS.matching.refreshSuggestions, { learnerId: profileId }, { ...REFRESH_JOB, jobId });
    // A run already under way may have read the profile before this change and be past its staleness
    // check; a short follow-up (itself deduplicated) makes sure the change is picked up.
    if ((await this.queue.getJobState(jobId)) === 'active') {
      await this.queue.add(
        JOBS.matching.refreshSuggestions,
        { learnerId: profileId },
        { ...REFRESH_JOB, jobId: `${jobId}-again`, delay: FOLLOW_UP_DELAY_MS },
      );
    }
  }
}
