import { overlapHours, weeklyUtcIntervals } from './availability-overlap.js';
import {
  availabilityReason,
  goalReasons,
  languageReason,
  openSlotsReason,
  ratingReason,
  responsivenessReasons,
} from './reasons.js';
import { DEFAULT_PRIORS, estimateRating, estimateResponsiveness } from './reputation.js';
import { prepareGoals, skillCoverage, type PreparedGoal } from './skill-coverage.js';
import type {
  Interval,
  LearnerInput,
  MatchScore,
  MentorInput,
  ReputationPriors,
  ScoringOptions,
  SkillGraph,
  Weights,
} from './types.js';

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  skillCoverage: 0.45,
  timezoneOverlap: 0.2,
  sharedLanguages: 0.1,
  responsiveness: 0.1,
  rating: 0.1,
  openSlots: 0.05,
};

/** Shared weekly hours at which the availability factor is full. */
export const FULL_OVERLAP_HOURS = 6;
/** Open slots at which the capacity factor is full. */
export const FULL_OPEN_SLOTS = 3;
/**
 * Share of the non-skill factors a mentor with no skill coverage still earns. Those factors scale from this
 * floor up to 1 with coverage, so a punctual, well-rated mentor who cannot teach the goals still ranks low,
 * while learners without goals are still ranked by schedule, language and reputation.
 */
export const COVERAGE_GATE_FLOOR = 0.25;

/** The learner's side, computed once per learner and week and reused for every mentor. */
export interface PreparedLearner {
  readonly id: string;
  readonly weekStart: number;
  readonly goals: readonly PreparedGoal[];
  readonly intervals: readonly Interval[];
  readonly hasAvailability: boolean;
  readonly languages: readonly string[];
  readonly weights: Readonly<Weights>;
  readonly priors: Readonly<ReputationPriors>;
  readonly nameOf: (slug: string) => string;
}

function resolveWeights(partial: Partial<Weights> | undefined): Weights {
  const weights = { ...DEFAULT_WEIGHTS, ...partial };
  let sum = 0;
  for (const [key, value] of Object.entries(weights)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`weight ${key} must be a finite number >= 0`);
    sum += value;
  }
  if (sum <= 0) throw new RangeError('at least one weight must be positive');
  return {
    skillCoverage: weights.skillCoverage / sum,
    timezoneOverlap: weights.timezoneOverlap / sum,
    sharedLanguages: weights.sharedLanguages / sum,
    responsiveness: weights.responsiveness / sum,
    rating: weights.rating / sum,
    openSlots: weights.openSlots / sum,
  };
}

function resolvePriors(partial: Partial<ReputationPriors> | undefined): ReputationPriors {
  const priors = { ...DEFAULT_PRIORS, ...partial };
  for (const key of ['answerRateWeight', 'speedWeight', 'ratingWeight'] as const) {
    if (!Number.isFinite(priors[key]) || priors[key] <= 0) throw new RangeError(`prior ${key} must be > 0`);
  }
  if (!(priors.answerRate >= 0 && priors.answerRate <= 1)) throw new RangeError('prior answerRate must be in 0..1');
  if (!(priors.rating >= 1 && priors.rating <= 5)) throw new RangeError('prior rating must be in 1..5');
  if (!(priors.medianAnswerSeconds >= 0)) throw new RangeError('prior medianAnswerSeconds must be >= 0');
  return priors;
}

function normaliseLanguages(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim().toLowerCase()).filter((code) => code.length > 0))];
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function prepareLearner(learner: LearnerInput, graph: SkillGraph, options: ScoringOptions): PreparedLearner {
  const weekStart = options.now.getTime();
  if (!Number.isFinite(weekStart)) throw new RangeError('now must be a valid Date');
  const names = new Map<string, string>();
  const nameOf = (slug: string): string => {
    let name = names.get(slug);
    if (name === undefined) {
      name = graph.nameOf?.(slug) ?? slug;
      names.set(slug, name);
    }
    return name;
  };
  return {
    id: learner.id,
    weekStart,
    goals: prepareGoals(learner, graph),
    intervals: weeklyUtcIntervals(learner.availability, learner.timezone, weekStart),
    hasAvailability: learner.availability.length > 0,
    languages: normaliseLanguages(learner.languages),
    weights: resolveWeights(options.weights),
    priors: resolvePriors(options.priors),
    nameOf,
  };
}

/** Scores one mentor for a prepared learner. Throws RangeError for a malformed window or unknown zone. */
export function scoreMentor(learner: PreparedLearner, mentor: MentorInput): MatchScore {
  const coverage = skillCoverage(learner.goals, mentor.skills);
  const mentorIntervals = weeklyUtcIntervals(mentor.availability, mentor.timezone, learner.weekStart);
  const hours = overlapHours(learner.intervals, mentorIntervals);
  const mentorLanguages = new Set(normaliseLanguages(mentor.languages));
  const sharedLanguages = learner.languages.filter((code) => mentorLanguages.has(code));
  const openSlots = Math.max(0, mentor.openSlots);
  const responsiveness = estimateResponsiveness(mentor.responsiveness, learner.priors);
  const rating = estimateRating(mentor.ratings, learner.priors);

  const w = learner.weights;
  const gate = COVERAGE_GATE_FLOOR + (1 - COVERAGE_GATE_FLOOR) * coverage.coverage;
  const rest =
    w.timezoneOverlap * Math.min(1, hours / FULL_OVERLAP_HOURS) +
    w.sharedLanguages * (sharedLanguages.length > 0 ? 1 : 0) +
    w.openSlots * Math.min(1, openSlots / FULL_OPEN_SLOTS) +
    w.responsiveness * responsiveness.score +
    w.rating * rating.normalised;
  const raw = w.skillCoverage * coverage.coverage + gate * rest;
  const score = round(Math.min(1, Math.max(0, raw)), 4);

  return {
    score,
    factors: {
      skillCoverage: round(coverage.coverage, 4),
      timezoneOverlapHours: round(hours, 2),
      sharedLanguages,
      openSlots,
      responsiveness: round(responsiveness.score, 4),
      rating: rating.mean === null ? null : round(rating.mean, 2),
      ratingCount: rating.count,
      goalCoverage: coverage.goals.map((goal) => ({ ...goal, credit: round(goal.credit, 4) })),
    },
    reasons: [
      ...goalReasons(coverage.goals, learner.nameOf),
      availabilityReason(hours, learner.hasAvailability, mentor.availability.length > 0),
      languageReason(sharedLanguages),
      openSlotsReason(openSlots),
      ...responsivenessReasons(mentor.responsiveness),
      ratingReason(mentor.ratings),
    ],
  };
}

/** One-off convenience; when scoring many mentors for one learner, prepareLearner once and call scoreMentor. */
export function scoreMatch(
  learner: LearnerInput,
  mentor: MentorInput,
  graph: SkillGraph,
  options: ScoringOptions,
): MatchScore {
  return scoreMentor(prepareLearner(learner, graph, options), mentor);
}
