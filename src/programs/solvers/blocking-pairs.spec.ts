import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cohortInstance } from './arbitraries.spec-helper.js';
import { countBlockingPairs } from './blocking-pairs.js';
import { allMatchings, naiveBlockingPairs } from './brute-force.spec-helper.js';
import { InvalidCohortInstanceError } from './instance.js';
import type { CohortInstance } from './types.js';

const instance: CohortInstance = {
  learners: ['a', 'b', 'c'],
  mentors: [
    { id: 'x', capacity: 1 },
    { id: 'y', capacity: 2 },
  ],
  edges: [
    { learnerId: 'a', mentorId: 'x', score: 0.9 },
    { learnerId: 'a', mentorId: 'y', score: 0.5 },
    { learnerId: 'b', mentorId: 'x', score: 0.8 },
    { learnerId: 'c', mentorId: 'y', score: 0.4 },
  ],
};

describe('countBlockingPairs', () => {
  it('counts a pair when the mentor has a free seat', () => {
    // a prefers x (0.9) to y (0.5) and x is empty; b and c are unmatched beside an empty x and a free seat at y.
    expect(countBlockingPairs(instance, [{ learnerId: 'a', mentorId: 'y' }])).toBe(3);
  });

  it('counts a pair when the mentor prefers the learner to its worst assignee', () => {
    // a is unmatched: x holds b but prefers a (0.9 > 0.8), and y still has a free seat.
    expect(
      countBlockingPairs(instance, [
        { learnerId: 'b', mentorId: 'x' },
        { learnerId: 'c', mentorId: 'y' },
      ]),
    ).toBe(2);
  });

  it('finds none in a stable matching', () => {
    const pairs = [
      { learnerId: 'a', mentorId: 'x' },
      { learnerId: 'c', mentorId: 'y' },
    ];
    expect(countBlockingPairs(instance, pairs)).toBe(0);
  });

  it('uses stated preferences before scores', () => {
    const withPrefs = { ...instance, mentorPrefs: { x: ['b'] } };
    const pairs = [
      { learnerId: 'b', mentorId: 'x' },
      { learnerId: 'a', mentorId: 'y' },
      { learnerId: 'c', mentorId: 'y' },
    ];
    expect(countBlockingPairs(withPrefs, pairs)).toBe(0);
    expect(countBlockingPairs(instance, pairs)).toBe(1);
  });

  it.each([
    ['an ineligible pair', [{ learnerId: 'b', mentorId: 'y' }]],
    ['an unknown member', [{ learnerId: 'q', mentorId: 'x' }]],
    [
      'a learner matched twice',
      [
        { learnerId: 'a', mentorId: 'x' },
        { learnerId: 'a', mentorId: 'y' },
      ],
    ],
    [
      'a mentor over capacity',
      [
        { learnerId: 'a', mentorId: 'x' },
        { learnerId: 'b', mentorId: 'x' },
      ],
    ],
  ])('rejects %s', (_name, pairs) => {
    expect(() => countBlockingPairs(instance, pairs)).toThrow(InvalidCohortInstanceError);
  });

  it('agrees with the definition on every matching of random instances', () => {
    fc.assert(
      fc.property(cohortInstance({ maxLearners: 4, maxMentors: 3, maxCapacity: 2 }), (random) => {
        for (const matching of allMatchings(random)) {
          const pairs = [...matching].map(([learnerId, mentorId]) => ({ learnerId, mentorId }));
          expect(countBlockingPairs(random, pairs)).toBe(naiveBlockingPairs(random, matching));
        }
      }),
      { numRuns: 150 },
    );
  });
});
