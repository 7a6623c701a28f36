import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PRIORS, estimateRating, estimateResponsiveness, speedScore } from './reputation.js';

describe('speedScore', () => {
  it('is 1 / (1 + days)', () => {
    expect(speedScore(0)).toBe(1);
    expect(speedScore(86_400)).toBe(0.5);
    expect(speedScore(3 * 86_400)).toBe(0.25);
    expect(speedScore(3600)).toBeCloseTo(24 / 25, 12);
  });
});

describe('estimateResponsiveness', () => {
  it('gives a mentor without history the prior: (0.8 + 0.5) / 2', () => {
    expect(estimateResponsiveness(undefined, DEFAULT_PRIORS).score).toBeCloseTo(0.65, 12);
    expect(
      estimateResponsiveness({ answered: 0, expired: 0, medianAnswerSeconds: null }, DEFAULT_PRIORS).score,
    ).toBeCloseTo(0.65, 12);
  });

  it('leaves a record that matches the prior where it is', () => {
    const typical = estimateResponsiveness({ answered: 8, expired: 2, medianAnswerSeconds: 86_400 }, DEFAULT_PRIORS);
    expect(typical.answerRate).toBeCloseTo(0.8, 12);
    expect(typical.speed).toBeCloseTo(0.5, 12);
  });

  it('shrinks a short record towards the prior and lets a long one speak', () => {
    // 2 of 2 answered within the hour: rate (2 + 4) / 7, speed (2 x 0.96 + 2.5) / 7
    const short = estimateResponsiveness({ answered: 2, expired: 0, medianAnswerSeconds: 3600 }, DEFAULT_PRIORS);
    expect(short.answerRate).toBeCloseTo(6 / 7, 12);
    expect(short.speed).toBeCloseTo((2 * 0.96 + 2.5) / 7, 12);
    const long = estimateResponsiveness({ answered: 50, expired: 0, medianAnswerSeconds: 3600 }, DEFAULT_PRIORS);
    expect(long.score).toBeGreaterThan(short.score);
    expect(long.score).toBeGreaterThan(0.9);
  });

  it('lowers mentors who let requests expire or answer slowly', () => {
    const neutral = estimateResponsiveness(undefined, DEFAULT_PRIORS).score;
    expect(
      estimateResponsiveness({ answered: 0, expired: 6, medianAnswerSeconds: null }, DEFAULT_PRIORS).score,
    ).toBeLessThan(neutral);
    expect(
      estimateResponsiveness({ answered: 10, expired: 2, medianAnswerSeconds: 5 * 86_400 }, DEFAULT_PRIORS).score,
    ).toBeLessThan(neutral);
  });

  it('ignores negative counts', () => {
    expect(
      estimateResponsiveness({ answered: -3, expired: -1, medianAnswerSeconds: null }, DEFAULT_PRIORS).score,
    ).toBeCloseTo(0.65, 12);
  });
});

describe('estimateRating', () => {
  it('gives a mentor without ratings the prior 4.0, i.e. 0.75 on the 0..1 scale', () => {
    expect(estimateRating(undefined, DEFAULT_PRIORS)).toEqual({ bayesian: 4, normalised: 0.75, mean: null, count: 0 });
  });

  it('moves further from the prior as ratings accumulate', () => {
    const one = estimateRating({ count: 1, sum: 1 }, DEFAULT_PRIORS);
    const twenty = estimateRating({ count: 20, sum: 20 }, DEFAULT_PRIORS);
    expect(one.bayesian).toBeCloseTo(21 / 6, 12);
    expect(twenty.bayesian).toBeCloseTo(40 / 25, 12);
    expect(twenty.mean).toBe(1);
    const praised = estimateRating({ count: 20, sum: 100 }, DEFAULT_PRIORS);
    expect(praised.bayesian).toBeCloseTo(120 / 25, 12);
    expect(praised.normalised).toBeCloseTo((4.8 - 1) / 4, 12);
  });
});
