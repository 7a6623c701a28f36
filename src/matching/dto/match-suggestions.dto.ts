import { ApiProperty } from '@nestjs/swagger';

export class SuggestedMentor {
  id: string;
  displayName: string;
  headline: string;
}

/** How the mentor's skill that gave a goal its credit relates to the goal's skill. */
export class GoalCoverageView {
  skill: string;
  targetLevel: number;
  currentLevel: number;
  /** 0..1 credit for this goal. */
  credit: number;
  /** The mentor's skill that gave the credit; null when none did. */
  via: string | null;
  relation: 'exact' | 'ancestor' | 'descendant' | null;
  /** Steps in the taxonomy between the goal's skill and `via` (0 for exact). */
  distance: number | null;
  mentorLevel: number | null;
}

/** The measured factors behind a suggestion's score. */
export class MatchFactorsView {
  /** 0..1: how much of the learner's active goals the mentor can teach, above the learner's own level. */
  skillCoverage: number;
  /** Weekly hours where both are available, from each profile's availability in its own time zone. */
  timezoneOverlapHours: number;
  /** ISO 639-1 codes both list, in the learner's order. */
  sharedLanguages: string[];
  openSlots: number;
  /** 0..1 after the Bayesian prior (a mentor with no history gets the prior's value). */
  responsiveness: number;
  /** Mean rating 1..5; null without ratings. */
  rating: number | null;
  ratingCount: number;
  goalCoverage: GoalCoverageView[];
}

export class MatchSuggestionItem {
  /** 1-based, best first. */
  rank: number;
  /** 0..1 */
  score: number;
  mentor: SuggestedMentor;
  /**
   * skillCoverage, timezoneOverlapHours, sharedLanguages, openSlots, responsiveness, rating, ratingCount,
   * goalCoverage.
   */
  @ApiProperty({ type: () => MatchFactorsView })
  factors: Record<string, unknown>;
  reasons: string[];
}

export class MatchSuggestionsView {
  status: 'none' | 'pending' | 'ready';
  computedAt: string | null;
  items: MatchSuggestionItem[];
}

export class RefreshAccepted {
  status: 'pending';
}
