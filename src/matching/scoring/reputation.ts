import type { RatingStats, ReputationPriors, ResponsivenessStats } from './types.js';

/**
 * Priors are meant to be the platform's typical mentor, so a mentor with no history ranks like an average
 * one (not starved, not favoured) and evidence moves the estimate away from it as it accumulates.
 */
export const DEFAULT_PRIORS: Readonly<ReputationPriors> = {
  answerRate: 0.8,
  answerRateWeight: 5,
  medianAnswerSeconds: 86_400,
  speedWeight: 5,
  rating: 4,
  ratingWeight: 5,
};

const DAY_SECONDS = 86_400;

/** 1 / (1 + days): 1 for an instant answer, 0.96 at one hour, 0.5 at one day, 0.25 at three days. */
export function speedScore(medianAnswerSeconds: number): number {
  return 1 / (1 + Math.max(0, medianAnswerSeconds) / DAY_SECONDS);
}

function shrink(observed: number, count: number, prior: number, priorWeight: number): number {
  return (observed * count + prior * priorWeight) / (count + priorWeight);
}

export interface ResponsivenessEstimate {
  /** 0..1: mean of the shrunk answer rate and the shrunk speed score. */
  readonly score: number;
  readonly answerRate: number;
  readonly speed: number;
}

export function estimateResponsiveness(
  stats: ResponsivenessStats | undefined,
  priors: ReputationPriors,
): ResponsivenessEstimate {
  const answered = Math.max(0, stats?.answered ?? 0);
  const expired = Math.max(0, stats?.expired ?? 0);
  const total = answered + expired;
  const observedRate = total > 0 ? answered / total : 0;
  const answerRate = shrink(observedRate, total, priors.answerRate, priors.answerRateWeight);
  const median = stats?.medianAnswerSeconds ?? null;
  const speedEvidence = median === null ? 0 : answered;
  const observedSpeed = median === null ? 0 : speedScore(median);
  const speed = shrink(observedSpeed, speedEvidence, speedScore(priors.medianAnswerSeconds), priors.speedWeight);
  return { score: (answerRate + speed) / 2, answerRate, speed };
}

export interface RatingEstimate {
  /** Bayesian average on the 1..5 scale. */
  readonly bayesian: number;
  /** The Bayesian average mapped to 0..1 (1 → 0, 5 → 1). */
  readonly normalised: number;
  /** Raw mean, null without ratings. */
  readonly mean: number | null;
  readonly count: number;
}

export function estimateRating(stats: RatingStats | undefined, priors: ReputationPriors): RatingEstimate {
  const count = Math.max(0, stats?.count ?? 0);
  const mean = count > 0 ? (stats?.sum ?? 0) / count : null;
  const bayesian = shrink(mean ?? 0, count, priors.rating, priors.ratingWeight);
  const normalised = Math.min(1, Math.max(0, (bayesian - 1) / 4));
  return { bayesian, normalised, mean, count };
}
