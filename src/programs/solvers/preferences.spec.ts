import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cohortInstance } from './arbitraries.spec-helper.js';
import { naiveLists } from './brute-force.spec-helper.js';
import { InvalidCohortInstanceError } from './instance.js';
import { completePreferences } from './preferences.js';
import type { CohortInstance } from './types.js';

const base: CohortInstance = {
  learners: ['a', 'b', 'c'],
  mentors: [
    { id: 'x', capacity: 1 },
    { id: 'y10', capacity: 1 },
    { id: 'y2', capacity: 1 },
  ],
  edges: [
    { learnerId: 'a', mentorId: 'x', score: 0.2 },
    { learnerId: 'a', mentorId: 'y2', score: 0.9 },
    { learnerId: 'a', mentorId: 'y10', score: 0.9 },
    { learnerId: 'b', mentorId: 'x', score: 0.5 },
    { learnerId: 'c', mentorId: 'x', score: 0.7 },
  ],
};

describe('completePreferences', () => {
  it('orders unstated partners by score, then by id in code-unit order', () => {
    const prefs = completePreferences(base);
    expect(prefs.learnerLists.get('a')).toEqual(['y10', 'y2', 'x']);
    expect(prefs.mentorLists.get('x')).toEqual(['c', 'b', 'a']);
    expect(prefs.mentorRank.get('x')).toEqual(
      new Map([
        ['c', 0],
        ['b', 1],
        ['a', 2],
      ]),
    );
    expect(prefs.learnerLists.get('b')).toEqual(['x']);
    expect(prefs.mentorLists.get('y2')).toEqual(['a']);
  });

  it('puts stated preferences first, dropping ineligible, unknown and repeated entries', () => {
    const prefs = completePreferences({
      ...base,
      learnerPrefs: { a: ['x', 'nobody', 'x', 'y2'], b: ['y10'], ghost: ['x'] },
      mentorPrefs: { x: ['a', 'a', 'zed'] },
    });
    expect(prefs.learnerLists.get('a')).toEqual(['x', 'y2', 'y10']);
    expect(prefs.learnerLists.get('b')).toEqual(['x']);
    expect(prefs.mentorLists.get('x')).toEqual(['a', 'c', 'b']);
    expect([...prefs.learnerLists.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('ignores inherited object keys in stated preferences', () => {
    const prefs = completePreferences({
      ...base,
      learners: ['a', 'constructor'],
      edges: base.edges.slice(0, 3),
      learnerPrefs: {},
    });
    expect(prefs.learnerLists.get('constructor')).toEqual([]);
  });

  it('matches a naive completion on random instances', () => {
    fc.assert(
      fc.property(cohortInstance({ maxLearners: 7, maxMentors: 5, maxCapacity: 1 }), (instance) => {
        const prefs = completePreferences(instance);
        const naive = naiveLists(instance);
        expect(prefs.learnerLists).toEqual(naive.learner);
        expect(prefs.mentorLists).toEqual(naive.mentor);
      }),
      { numRuns: 300 },
    );
  });
});

describe('completePreferences on long lists', () => {
  it('sorts long runs of equal scores by id and orders negative, zero and tiny scores correctly', () => {
    const scores = [-2.5, -1e-300, -0, 0, 1e-300, 0.3, 0.3000000000000001, 1, 7];
    const instance = fc
      .record({
        ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 20, maxLength: 60 }),
        // At most three distinct values, so runs of equal scores are long.
        scores: fc
          .shuffledSubarray(scores, { minLength: 1, maxLength: 3 })
          .chain((pool) => fc.array(fc.constantFrom(...pool), { minLength: 60, maxLength: 60 })),
      })
      .map(({ ids, scores: picked }): CohortInstance => ({
        learners: ids,
        mentors: [
          { id: 'm', capacity: 1 },
          { id: 'n', capacity: 1 },
        ],
        edges: ids.flatMap((id, i) => [
          { learnerId: id, mentorId: 'm', score: picked[i] },
          { learnerId: id, mentorId: 'n', score: picked[59 - i] },
        ]),
      }));
    fc.assert(
      fc.property(instance, (i) => {
        const prefs = completePreferences(i);
        const naive = naiveLists(i);
        expect(prefs.mentorLists).toEqual(naive.mentor);
        expect(prefs.learnerLists).toEqual(naive.learner);
      }),
      { numRuns: 200 },
    );
  });
});

describe('instance validation', () => {
  const cases: [string, CohortInstance][] = [
    ['duplicate learner', { ...base, learners: ['a', 'a'] }],
    ['duplicate mentor', { ...base, mentors: [...base.mentors, { id: 'x', capacity: 2 }] }],
    ['negative capacity', { ...base, mentors: [{ id: 'x', capacity: -1 }], edges: [] }],
    ['fractional capacity', { ...base, mentors: [{ id: 'x', capacity: 1.5 }], edges: [] }],
    ['unknown learner in edge', { ...base, edges: [{ learnerId: 'q', mentorId: 'x', score: 1 }] }],
    ['unknown mentor in edge', { ...base, edges: [{ learnerId: 'a', mentorId: 'q', score: 1 }] }],
    ['non-finite score', { ...base, edges: [{ learnerId: 'a', mentorId: 'x', score: Number.NaN }] }],
    ['duplicate edge', { ...base, edges: [...base.edges, { learnerId: 'a', mentorId: 'y2', score: 0.1 }] }],
  ];
  it.each(cases)('rejects %s', (_name, instance) => {
    expect(() => completePreferences(instance)).toThrow(InvalidCohortInstanceError);
  });
});
