import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cohortInstance, mulberry32 } from './arbitraries.spec-helper.js';
import { countBlockingPairs } from './blocking-pairs.js';
import { assertValidMatching, bellmanFordMaxScore, bruteForceMaxScore } from './brute-force.spec-helper.js';
import { indexInstance } from './instance.js';
import { maxScoreAssignment, solveOptimal } from './optimal.js';
import type { CohortInstance } from './types.js';

const mentor = (id: string, capacity = 1) => ({ id, capacity });
const edge = (learnerId: string, mentorId: string, score: number) => ({ learnerId, mentorId, score });
/** Totals with each side entering as rows, checking each matching is valid. */
function totalsByOrientation(instance: CohortInstance): number[] {
  const inst = indexInstance(instance);
  return (['learners', 'mentors'] as const).map((rows) => {
    const learnerEdge = maxScoreAssignment(inst, rows);
    const pairs = [...learnerEdge].flatMap((e, l) =>
      e < 0
        ? []
        : [{ learnerId: instance.learners[l], mentorId: inst.mentorIds[inst.edgeMentor[e]], score: inst.edgeScore[e] }],
    );
    assertValidMatching(instance, pairs);
    return pairs.reduce((sum, p) => sum + p.score, 0);
  });
}

const pairsOf = (instance: CohortInstance) => solveOptimal(instance).pairs.map((p) => `${p.learnerId}-${p.mentorId}`);

describe('solveOptimal', () => {
  it('reassigns along an augmenting path when greedy would be worse', () => {
    // Greedy gives a-x (0.9) and leaves b unmatched; the optimum is a-y + b-x = 1.6.
    const instance: CohortInstance = {
      learners: ['a', 'b'],
      mentors: [mentor('x'), mentor('y')],
      edges: [edge('a', 'x', 0.9), edge('a', 'y', 0.8), edge('b', 'x', 0.8)],
    };
    const result = solveOptimal(instance);
    expect(pairsOf(instance)).toEqual(['a-y', 'b-x']);
    expect(result.stats).toMatchObject({ matched: 2, unmatched: 0, totalScore: 1.6 });
  });

  it('maximises score rather than the number of pairs', () => {
    // Matching both learners scores 0.1 + 0.2; matching a to x alone scores 1.
    const instance: CohortInstance = {
      learners: ['a', 'b'],
      mentors: [mentor('x'), mentor('y')],
      edges: [edge('a', 'x', 1), edge('a', 'y', 0.1), edge('b', 'x', 0.2)],
    };
    expect(pairsOf(instance)).toEqual(['a-x']);
    expect(solveOptimal(instance).stats.totalScore).toBe(1);
  });

  it('never matches pairs whose score is 0', () => {
    const instance: CohortInstance = {
      learners: ['a', 'b'],
      mentors: [mentor('x', 2)],
      edges: [edge('a', 'x', 0), edge('b', 'x', 0.4)],
    };
    expect(pairsOf(instance)).toEqual(['b-x']);
  });

  it('fills mentor capacities and reports blocking pairs against the completed preferences', () => {
    const instance: CohortInstance = {
      learners: ['a', 'b', 'c'],
      mentors: [mentor('x', 2), mentor('y', 0)],
      edges: [edge('a', 'x', 0.5), edge('b', 'x', 0.6), edge('c', 'x', 0.7), edge('c', 'y', 1)],
      mentorPrefs: { x: ['a', 'b', 'c'] },
    };
    const result = solveOptimal(instance);
    expect(pairsOf(instance)).toEqual(['b-x', 'c-x']);
    // x would rather have a than c (its stated order), and a is unmatched: one blocking pair.
    expect(result.stats.blockingPairs).toBe(1);
    expect(result.stats.blockingPairs).toBe(countBlockingPairs(instance, result.pairs));
  });

  it('equals the brute-force maximum total on small instances, with either side entering first', () => {
    fc.assert(
      fc.property(cohortInstance({ maxLearners: 6, maxMentors: 3, maxCapacity: 2 }), (instance) => {
        const result = solveOptimal(instance);
        assertValidMatching(instance, result.pairs);
        const total = result.pairs.reduce((s, p) => s + p.score, 0);
        const best = bruteForceMaxScore(instance);
        for (const t of [total, ...totalsByOrientation(instance)]) expect(Math.abs(t - best)).toBeLessThan(1e-9);
        expect(result.stats.totalScore).toBe(Math.round(total * 1e6) / 1e6);
        expect(result.pairs.every((p) => p.score > 0)).toBe(true);
        expect(result.stats.blockingPairs).toBe(countBlockingPairs(instance, result.pairs));
        expect(result.stats.matched + result.stats.unmatched).toBe(instance.learners.length);
      }),
      { numRuns: 400 },
    );
  });

  it('equals a textbook Bellman-Ford min-cost flow on medium instances, with either side entering first', () => {
    const medium = fc
      .record({
        learners: fc.integer({ min: 1, max: 40 }),
        capacities: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 10 }),
        density: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        seed: fc.integer(),
        coarse: fc.boolean(),
      })
      .map(({ learners, capacities, density, seed, coarse }): CohortInstance => {
        const next = mulberry32(seed);
        const ids = Array.from({ length: learners }, (_, i) => `l${i}`);
        const mentors = capacities.map((capacity, i) => ({ id: `m${i}`, capacity }));
        const edges = ids.flatMap((l) =>
          mentors
            .filter(() => next() < density)
            .map((m) => edge(l, m.id, coarse ? Math.round(next() * 4) / 4 : next())),
        );
        return { learners: ids, mentors, edges };
      });
    fc.assert(
      fc.property(medium, (instance) => {
        const result = solveOptimal(instance);
        assertValidMatching(instance, result.pairs);
        const total = result.pairs.reduce((s, p) => s + p.score, 0);
        const best = bellmanFordMaxScore(instance);
        for (const t of [total, ...totalsByOrientation(instance)]) expect(Math.abs(t - best)).toBeLessThan(1e-9);
      }),
      { numRuns: 150 },
    );
  });
});
