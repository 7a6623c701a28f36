import { indexInstance, InvalidCohortInstanceError, type IndexedInstance } from './instance.js';
import { rankPreferences, type RankedPreferences } from './preferences.js';
import type { CohortInstance, CohortPair } from './types.js';

/**
 * Blocking pairs of a matching (learnerEdge[l] = matched edge or -1) under the completed lists:
 * an eligible pair not matched together where the learner prefers the mentor to its assignment
 * (or is unmatched) and the mentor has a free seat or prefers the learner to its worst assignee.
 */
export function countBlockingPairsIndexed(ranked: RankedPreferences, learnerEdge: Int32Array): number {
  const { learnerCount, mentorCount, edgeCount, capacity, edgeLearner, edgeMentor } = ranked.instance;
  const { learnerRankOfEdge, mentorRankOfEdge } = ranked;
  const load = new Int32Array(mentorCount);
  const worstRank = new Int32Array(mentorCount).fill(-1);
  for (let l = 0; l < learnerCount; l++) {
    const e = learnerEdge[l];
    if (e < 0) continue;
    const m = edgeMentor[e];
    load[m]++;
    if (mentorRankOfEdge[e] > worstRank[m]) worstRank[m] = mentorRankOfEdge[e];
  }
  let blocking = 0;
  for (let e = 0; e < edgeCount; e++) {
    const current = learnerEdge[edgeLearner[e]];
    if (current === e) continue;
    if (current >= 0 && learnerRankOfEdge[current] < learnerRankOfEdge[e]) continue;
    const m = edgeMentor[e];
    if (load[m] < capacity[m] || mentorRankOfEdge[e] < worstRank[m]) blocking++;
  }
  return blocking;
}

/** Maps id pairs onto edges, rejecting anything that is not a matching of this instance. */
export function pairsToLearnerEdges(inst: IndexedInstance, pairs: readonly Omit<CohortPair, 'score'>[]): Int32Array {
  const learnerEdge = new Int32Array(inst.learnerCount).fill(-1);
  const load = new Int32Array(inst.mentorCount);
  for (const pair of pairs) {
    const l = inst.learnerIndex.get(pair.learnerId);
    const m = inst.mentorIndex.get(pair.mentorId);
    if (l === undefined || m === undefined) {
      throw new InvalidCohortInstanceError(`pair ${pair.learnerId} -> ${pair.mentorId} names an unknown member`);
    }
    if (learnerEdge[l] >= 0) throw new InvalidCohortInstanceError(`learner ${pair.learnerId} is matched twice`);
    let edge = -1;
    for (let e = inst.learnerStart[l]; e < inst.learnerStart[l + 1]; e++) {
      if (inst.edgeMentor[e] === m) edge = e;
    }
    if (edge < 0) throw new InvalidCohortInstanceError(`pair ${pair.learnerId} -> ${pair.mentorId} is not eligible`);
    if (++load[m] > inst.capacity[m]) throw new InvalidCohortInstanceError(`mentor ${pair.mentorId} is over capacity`);
    learnerEdge[l] = edge;
  }
  return learnerEdge;
}

/** Counts blocking pairs of `pairs`; throws if they are not a valid matching of the instance. */
export function countBlockingPairs(instance: CohortInstance, pairs: readonly Omit<CohortPair, 'score'>[]): number {
  const inst = indexInstance(instance);
  return countBlockingPairsIndexed(rankPreferences(inst), pairsToLearnerEdges(inst, pairs));
}
