import { countBlockingPairsIndexed } from './blocking-pairs.js';
import { indexInstance } from './instance.js';
import { rankPreferences, type RankedPreferences } from './preferences.js';
import { buildResult } from './result.js';
import type { CohortInstance, CohortResult } from './types.js';

/**
 * Learner-proposing deferred acceptance with capacities. Linear in the total list length: each
 * learner walks its list once, and each full mentor keeps a cursor on its worst held rank that only
 * ever moves towards the top of its list (a full mentor stays full), so finding whom to reject
 * costs amortised O(1) instead of a heap.
 */
export function deferredAcceptance(ranked: RankedPreferences): Int32Array {
  const { learnerCount, mentorCount, capacity, learnerStart, edgeLearner, edgeMentor } = ranked.instance;
  const { learnerOrder, mentorStart, mentorOrder, mentorRankOfEdge } = ranked;

  const learnerEdge = new Int32Array(learnerCount).fill(-1);
  const cursor = learnerStart.slice(0, learnerCount);
  const held = new Uint8Array(mentorOrder.length);
  const load = new Int32Array(mentorCount);
  const worst = new Int32Array(mentorCount);
  for (let m = 0; m < mentorCount; m++) worst[m] = mentorStart[m + 1] - 1;

  const free = new Int32Array(learnerCount);
  let top = 0;
  for (let l = learnerCount - 1; l >= 0; l--) free[top++] = l;

  while (top > 0) {
    const l = free[--top];
    const end = learnerStart[l + 1];
    while (cursor[l] < end) {
      const e = learnerOrder[cursor[l]++];
      const m = edgeMentor[e];
      const pos = mentorStart[m] + mentorRankOfEdge[e];
      if (load[m] < capacity[m]) {
        held[pos] = 1;
        load[m]++;
        learnerEdge[l] = e;
        break;
      }
      if (capacity[m] === 0) continue;
      let w = worst[m];
      while (held[w] === 0) w--;
      worst[m] = w;
      if (pos > w) continue;
      held[w] = 0;
      held[pos] = 1;
      learnerEdge[l] = e;
      const rejected = edgeLearner[mentorOrder[w]];
      learnerEdge[rejected] = -1;
      free[top++] = rejected;
      break;
    }
  }
  return learnerEdge;
}

export function solveStable(instance: CohortInstance): CohortResult {
  const ranked = rankPreferences(indexInstance(instance));
  const learnerEdge = deferredAcceptance(ranked);
  return buildResult(ranked.instance, learnerEdge, countBlockingPairsIndexed(ranked, learnerEdge));
}
