export type {
  AvailabilityWindow,
  Day,
  GoalCoverage,
  GoalStatus,
  Interval,
  LearnerGoal,
  LearnerInput,
  MatchFactors,
  MatchScore,
  MentorInput,
  RatingStats,
  ReputationPriors,
  ResponsivenessStats,
  ScoringOptions,
  SkillGraph,
  SkillRelation,
  Weights,
} from './types.js';
export { mergeIntervals, overlapHours, weeklyUtcIntervals } from './availability-overlap.js';
export { utcOffsetMs } from './timezone.js';
export { createSkillGraph, relatedSkills, type RelatedSkill, type TaxonomySkill } from './skill-graph.js';
export { PARTIAL_LEVEL_CREDIT, RELATION_CREDIT, levelCredit } from './skill-coverage.js';
export { DEFAULT_PRIORS, estimateRating, estimateResponsiveness, speedScore } from './reputation.js';
export {
  COVERAGE_GATE_FLOOR,
  DEFAULT_WEIGHTS,
  FULL_OPEN_SLOTS,
  FULL_OVERLAP_HOURS,
  prepareLearner,
  scoreMatch,
  scoreMentor,
  type PreparedLearner,
} from './score-match.js';
