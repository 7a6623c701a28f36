import { ProgramView, type ProgramMode } from './program.dto.js';

export const MATCH_RUN_STATUSES = ['running', 'done', 'failed'] as const;
export type MatchRunStatus = (typeof MATCH_RUN_STATUSES)[number];

export class MatchRunStats {
  learners: number;
  mentors: number;
  matched: number;
  unmatched: number;
  totalScore: number;
  /** Counted from the result by the blocking-pair checker, against the completed preference lists. */
  blockingPairs: number;
}

export class MatchRunPair {
  learnerId: string;
  mentorId: string;
  score: number;
}

export class MatchRunStarted {
  id: string;
  status: 'running';
}

export class MatchRunView {
  id: string;
  programId: string;
  status: MatchRunStatus;
  mode: ProgramMode;
  /** null while running and when the run failed. */
  stats: MatchRunStats | null;
  pairs: MatchRunPair[];
  /** Why the run failed; null otherwise. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When this run's pairs became mentorships; null until published. */
  publishedAt: string | null;
}

export class PublishedMentorship {
  id: string;
  learnerId: string;
  mentorId: string;
}

export class PublishedMatchRun {
  program: ProgramView;
  run: MatchRunView;
  /** The active mentorships created, one per pair. */
  mentorships: PublishedMentorship[];
}

/** A run without its pairs, as the run list shows it. */
export class MatchRunSummary {
  id: string;
  programId: string;
  status: MatchRunStatus;
  mode: ProgramMode;
  /** null while running and when the run failed. */
  stats: MatchRunStats | null;
  /** Why the run failed; null otherwise. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When this run's pairs became mentorships; null until published. */
  publishedAt: string | null;
}

export class MatchRunPage {
  items: MatchRunSummary[];
  nextCursor: string | null;
}
