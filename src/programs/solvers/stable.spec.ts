import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cohortInstance } from './arbitraries.spec-helper.js';
import {
  assertValidMatching,
  bruteForceLearnerOptimalStable,
  naiveBlockingPairs,
  toMatching,
} from './brute-force.spec-helper.js';
import { solveStable } from './stable.js';
import type { CohortInstance } from './types.js';

describe('solveStable', () => {
  it('runs learner-proposing deferred acceptance with capacities', () => {
    // Learners all rank x first; x (capacity 2) prefers c, then a. b falls back to y, d to nothing.
    const instance: CohortInstance = {
      learners: ['a', 'b', 'c', 'd'],
      mentors: [
        { id: 'x', capacity: 2 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { learnerId: 'a', mentorId: 'x', score: 0.9 },
        { learnerId: 'b', mentorId: 'x', score: 0.8 },
        { learnerId: 'b', mentorId: 'y', score: 0.3 },
        { learnerId: 'c', mentorId: 'x', score: 0.1 },
        { learnerId: 'd', mentorId: 'x', score: 0.7 },
        { learnerId: 'd', mentorId: 'y', score: 0.2 },
      ],
      mentorPrefs: { x: ['c'], y: ['d'] },
    };
    const result = solveStable(instance);
    expect(result.pairs).toEqual([
      { learnerId: 'a', mentorId: 'x', score: 0.9 },
      { learnerId: 'c', mentorId: 'x', score: 0.1 },
      { learnerId: 'd', mentorId: 'y', score: 0.2 },
    ]);
    expect(result.stats).toEqual({
      learners: 4,
      mentors: 2,
      matched: 3,
      unmatched: 1,
      totalScore: 1.2,
      blockingPairs: 0,
    });
  });

  it('is learner-optimal where mentor-optimal would differ', () => {
    // Two stable matchings exist: {a-x, b-y} (learners' favourites) and {a-y, b-x} (mentors').
    const instance: CohortInstance = {
      learners: ['a', 'b'],
      mentors: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { learnerId: 'a', mentorId: 'x', score: 0.5 },
        { learnerId: 'a', mentorId: 'y', score: 0.5 },
        { learnerId: 'b', mentorId: 'x', score: 0.5 },
        { learnerId: 'b', mentorId: 'y', score: 0.5 },
      ],
      learnerPrefs: { a: ['x', 'y'], b: ['y', 'x'] },
      mentorPrefs: { x: ['b', 'a'], y: ['a', 'b'] },
    };
    expect(solveStable(instance).pairs.map((p) => `${p.learnerId}-${p.mentorId}`)).toEqual(['a-x', 'b-y']);
  });

  it('leaves mentors with capacity 0 empty and handles empty instances', () => {
    const instance: CohortInstance = {
      learners: ['a'],
      mentors: [{ id: 'x', capacity: 0 }],
      edges: [{ learnerId: 'a', mentorId: 'x', score: 1 }],
    };
    expect(solveStable(instance).stats).toEqual({
      learners: 1,
      mentors: 1,
      matched: 0,
      unmatched: 1,
      totalScore: 0,
      blockingPairs: 0,
    });
    expect(solveStable({ learners: [], mentors: [], edges: [] }).pairs).toEqual([]);
  });

  it('equals the brute-force learner-optimal stable matching and has no blocking pair', () => {
    fc.assert(
      fc.property(cohortInstance(), (instance) => {
        const result = solveStable(instance);
        assertValidMatching(instance, result.pairs);
        const matching = toMatching(result.pairs);
        expect(matching).toEqual(bruteForceLearnerOptimalStable(instance));
        expect(naiveBlockingPairs(instance, matching)).toBe(0);
        expect(result.stats.blockingPairs).toBe(0);
        expect(result.stats.matched).toBe(result.pairs.length);
        expect(result.stats.unmatched).toBe(instance.learners.length - result.pairs.length);
      }),
      { numRuns: 400 },
    );
  });

  it('has no blocking pair on larger random instances', () => {
    fc.assert(
      fc.property(cohortInstance({ maxLearners: 7, maxMentors: 5, maxCapacity: 3 }), (instance) => {
        const result = solveStable(instance);
        assertValidMatching(instance, result.pairs);
        expect(naiveBlockingPairs(instance, toMatching(result.pairs))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
