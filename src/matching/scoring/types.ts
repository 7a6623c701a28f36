export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A weekly window in the profile's own time zone: "HH:MM", end after start ("24:00" allowed as an end). */
export interface AvailabilityWindow {
  readonly day: Day;
  readonly start: string;
  readonly end: string;
}

/** [start, end) in minutes since the start of the scored week (UTC instant `now`). */
export type Interval = readonly [start: number, end: number];

/** Direct relations of the skill taxonomy; the scorer walks ancestors and descendants itself. */
export interface SkillGraph {
  parentsOf(slug: string): readonly string[];
  childrenOf(slug: string): readonly string[];
  nameOf?(slug: string): string;
}

export type GoalStatus = 'active' | 'achieved' | 'abandoned';

export interface LearnerGoal {
  readonly skill: string;
  readonly targetLevel: number;
  /** Goals that are not active are ignored; absent means active. */
  readonly status?: GoalStatus;
}

export interface LearnerInput {
  readonly id: string;
  readonly goals: readonly LearnerGoal[];
  /** Current level per skill slug (0..5); a missing skill is level 0. */
  readonly levels: Readonly<Record<string, number>>;
  readonly availability: readonly AvailabilityWindow[];
  /** IANA zone name. */
  readonly timezone: string;
  /** ISO 639-1 codes. */
  readonly languages: readonly string[];
}

export interface ResponsivenessStats {
  /** Requests the mentor accepted or declined. */
  readonly answered: number;
  /** Requests the mentor left to expire. */
  readonly expired: number;
  /** Median seconds from request to answer over answered requests; null when none was answered. */
  readonly medianAnswerSeconds: number | null;
}

/** Ratings (1..5) received from completed mentorships. */
export interface RatingStats {
  readonly count: number;
  readonly sum: number;
}

export interface MentorInput {
  readonly id: string;
  /** Level per skill slug (0..5). */
  readonly skills: Readonly<Record<string, number>>;
  readonly availability: readonly AvailabilityWindow[];
  readonly timezone: string;
  readonly languages: readonly string[];
  readonly openSlots: number;
  readonly responsiveness?: ResponsivenessStats;
  readonly ratings?: RatingStats;
}

/** Relative weights of the normalised factors; they are divided by their sum, so only ratios matter. */
export interface Weights {
  readonly skillCoverage: number;
  readonly timezoneOverlap: number;
  readonly sharedLanguages: number;
  readonly openSlots: number;
  readonly responsiveness: number;
  readonly rating: number;
}

/** Bayesian priors: a mentor with no history scores as if it had `*Weight` observations at the prior value. */
export interface ReputationPriors {
  /** Prior share of requests answered (0..1). */
  readonly answerRate: number;
  readonly answerRateWeight: number;
  /** Prior median answer time, in seconds. */
  readonly medianAnswerSeconds: number;
  readonly speedWeight: number;
  /** Prior mean rating (1..5). */
  readonly rating: number;
  readonly ratingWeight: number;
}

export interface ScoringOptions {
  /** Start of the scored week; injected so results are deterministic. */
  readonly now: Date;
  readonly weights?: Partial<Weights>;
  readonly priors?: Partial<ReputationPriors>;
}

/** How the mentor's skill that gave the credit relates to the goal's skill. */
export type SkillRelation = 'exact' | 'ancestor' | 'descendant';

export interface GoalCoverage {
  readonly skill: string;
  readonly targetLevel: number;
  readonly currentLevel: number;
  /** 0..1 credit for this goal. */
  readonly credit: number;
  /** The mentor's skill that gave the credit; null when none did. */
  readonly via: string | null;
  readonly relation: SkillRelation | null;
  /** Steps in the taxonomy between the goal's skill and `via` (0 for exact). */
  readonly distance: number | null;
  readonly mentorLevel: number | null;
}

export interface MatchFactors {
  /** 0..1, mean credit over the learner's active goals. */
  readonly skillCoverage: number;
  /** Hours in the coming week where both are available. */
  readonly timezoneOverlapHours: number;
  /** ISO 639-1 codes both list, in the learner's order. */
  readonly sharedLanguages: string[];
  readonly openSlots: number;
  /** 0..1 after the Bayesian prior (a mentor with no history gets the prior's value). */
  readonly responsiveness: number;
  /** Raw mean rating 1..5, null without ratings. */
  readonly rating: number | null;
  readonly ratingCount: number;
  readonly goalCoverage: GoalCoverage[];
}

export interface MatchScore {
  /** 0..1, 4 decimals. */
  readonly score: number;
  readonly factors: MatchFactors;
  readonly reasons: string[];
}
