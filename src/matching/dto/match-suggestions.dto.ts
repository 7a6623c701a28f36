export class SuggestedMentor {
  id: string;
  displayName: string;
  headline: string;
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
