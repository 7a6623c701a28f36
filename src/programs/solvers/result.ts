import type { IndexedInstance } from './instance.js';
import type { CohortPair, CohortResult } from './types.js';

export function roundScore(total: number): number {
  return Math.round(total * 1e6) / 1e6;
}

/** learnerEdge[l] is the edge learner l is matched along, or -1. */
export function buildResult(inst: IndexedInstance, learnerEdge: Int32Array, blockingPairs: number): CohortResult {
  const pairs: CohortPair[] = [];
  let total = 0;
  for (let l = 0; l < inst.learnerCount; l++) {
    const e = learnerEdge[l];
    if (e < 0) continue;
    const score = inst.edgeScore[e];
    total += score;
    pairs.push({ learnerId: inst.learnerIds[l], mentorId: inst.mentorIds[inst.edgeMentor[e]], score });
  }
  return {
    pairs,
    stats: {
      learners: inst.learnerCount,
      mentors: inst.mentorCount,
      matched: pairs.length,
      unmatched: inst.learnerCount - pairs.length,
      totalScore: roundScore(total),
      blockingPairs,
    },
  };
}
