import fc from 'fast-check';
import type { CohortEdge, CohortInstance } from './types.js';

// Ids whose code-unit order differs from their numeric and insertion order, to exercise tie-breaks.
const LEARNER_IDS = ['l2', 'l10', 'L1', 'l1', 'l-9', 'la', 'l03'];
const MENTOR_IDS = ['m2', 'm10', 'M1', 'm1', 'm-9'];

// Few distinct values so equal scores (and the id tie-break) are common; a double keeps the general case.
const score = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true }));

export interface SizeLimits {
  maxLearners: number;
  maxMentors: number;
  maxCapacity: number;
}

export function cohortInstance(limits: SizeLimits = { maxLearners: 5, maxMentors: 3, maxCapacity: 2 }) {
  return fc
    .record({
      learners: fc.shuffledSubarray(LEARNER_IDS, { maxLength: limits.maxLearners }),
      mentorIds: fc.shuffledSubarray(MENTOR_IDS, { maxLength: limits.maxMentors }),
    })
    .chain(({ learners, mentorIds }) => {
      const allPairs = learners.flatMap((l) => mentorIds.map((m) => [l, m] as const));
      const anyMentor = [...MENTOR_IDS, 'nobody'];
      const anyLearner = [...LEARNER_IDS, 'nobody'];
      return fc.record({
        learners: fc.constant(learners),
        mentors: fc.tuple(
          ...mentorIds.map((id) =>
            fc.integer({ min: 0, max: limits.maxCapacity }).map((capacity) => ({ id, capacity })),
          ),
        ),
        edges: fc
          .tuple(
            ...allPairs.map(([l, m]) =>
              fc.option(score.map((s): CohortEdge => ({ learnerId: l, mentorId: m, score: s }))),
            ),
          )
          .map((edges) => edges.filter((e): e is CohortEdge => e !== null)),
        learnerPrefs: fc.dictionary(
          fc.constantFrom(...LEARNER_IDS),
          fc.array(fc.constantFrom(...anyMentor), { maxLength: 4 }),
        ),
        mentorPrefs: fc.dictionary(
          fc.constantFrom(...MENTOR_IDS),
          fc.array(fc.constantFrom(...anyLearner), { maxLength: 5 }),
        ),
      });
    })
    .map((i): CohortInstance => ({ ...i, mentors: [...i.mentors] }));
}

/** Seeded uniform [0, 1) generator, so a shrunk seed reproduces a whole instance. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
