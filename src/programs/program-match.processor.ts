import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { isUuid } from '../common/http/uuid.pipe.js';
import { JobRegistry } from '../queues/job-registry.js';
import { JOBS, QUEUES } from '../queues/queue-names.js';
import { MatchRunExecutor } from './match-run-executor.service.js';

export interface MatchRunJob {
  programId: string;
  runId: string;
}

export const isMatchRunJob = (d: unknown): d is MatchRunJob =>
  typeof d === 'object' &&
  d !== null &&
  isUuid((d as Record<string, unknown>).programId) &&
  isUuid((d as Record<string, unknown>).runId);

export const matchRunJobId = (runId: string): string => `run-${runId}`;

/**
 * `program.match_requested` (written with the run row) becomes one job per run on the programs queue; the
 * run id as job id makes a re-delivered event a no-op. The job solves the run.
 */
@Injectable()
export class ProgramMatchProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly executor: MatchRunExecutor,
    @InjectQueue(QUEUES.programs) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.registry.onEvent<MatchRunJob>(
      'program.match_requested',
      (event) => this.enqueue(event.payload),
      isMatchRunJob,
    );
    this.registry.register(
      QUEUES.programs,
      JOBS.programs.runMatch,
      (data: MatchRunJob, job: Job) => this.run(data, job),
      isMatchRunJob,
    );
  }

  async enqueue(payload: MatchRunJob): Promise<void> {
    await this.queue.add(
      JOBS.programs.runMatch,
      { programId: payload.programId, runId: payload.runId },
      { jobId: matchRunJobId(payload.runId), attempts: 3 },
    );
  }

  run(data: MatchRunJob, job: Job): Promise<unknown> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.executor.execute(data.runId, lastAttempt);
  }
}
