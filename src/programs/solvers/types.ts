export interface CohortMentor {
  id: string;
  /** Seats the mentor offers in this program; an integer >= 0. */
  capacity: number;
}

export interface CohortEdge {
  learnerId: string;
  mentorId: string;
  /** Match score, normally in [0, 1]; any finite number is accepted. */
  score: number;
}

/**
 * One matching problem. Only the pairs listed in `edges` are eligible: blocked or otherwise
 * excluded pairs are simply absent. Stated preferences list members of the other side, best first;
 * entries that are not eligible for that member (unknown ids, missing edges, repeats) are ignored.
 */
export interface CohortInstance {
  learners: string[];
  mentors: CohortMentor[];
  edges: CohortEdge[];
  learnerPrefs?: Record<string, string[]>;
  mentorPrefs?: Record<string, string[]>;
}

export interface CohortPair {
  learnerId: string;
  mentorId: string;
  score: number;
}

export interface CohortStats {
  learners: number;
  mentors: number;
  matched: number;
  unmatched: number;
  /** Sum of the pair scores, rounded to 6 decimals. */
  totalScore: number;
  /** Counted from the pairs by the blocking-pair checker, against the completed preference lists. */
  blockingPairs: number;
}

export interface CohortResult {
  /** Ordered as the learners are in the instance. */
  pairs: CohortPair[];
  stats: CohortStats;
}

export interface CompletedPreferences {
  /** Every learner's eligible mentors, best first. */
  learnerLists: Map<string, string[]>;
  /** Every mentor's eligible learners, best first. */
  mentorLists: Map<string, string[]>;
  /** mentorId -> learnerId -> 0-based position in that mentor's list. */
  mentorRank: Map<string, Map<string, number>>;
}
