import { countBlockingPairsIndexed } from './blocking-pairs.js';
import { indexInstance, type IndexedInstance } from './instance.js';
import { MinHeap } from './min-heap.js';
import { rankPreferences } from './preferences.js';
import { buildResult } from './result.js';
import type { CohortInstance, CohortResult } from './types.js';

/**
 * Maximum-score matching as min-cost flow: source -> learner (1) -> mentor (cost -score) ->
 * sink (capacity), plus a zero-cost "stay unmatched" arc learner -> sink. Learners enter one at a
 * time and each sends its unit along a shortest residual path (successive shortest paths rooted at
 * that learner, as in the Hungarian method), so after every step the flow is optimal for the
 * learners entered so far. The unmatched arc is what stops augmenting: a learner takes a mentor
 * only if some path gains score, and pairs with score <= 0 never can, so those arcs are dropped.
 * Dijkstra runs on reduced costs (Johnson potentials) with a binary heap and stops at the sink;
 * only the nodes it settled get their potential lowered, which keeps every search local.
 * Returns the matched edge per learner (-1 if unmatched). Exact up to float rounding of the sums.
 */
/**
 * Entry order for the learners: any order gives the optimum, but letting the learners with the best
 * options in first means later, weaker learners rarely displace anyone, so the searches stay small.
 */
function learnersByBestScore(L: number, adjStart: Int32Array, adjScore: Float64Array): Int32Array {
  const best = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    let b = 0;
    for (let k = adjStart[l]; k < adjStart[l + 1]; k++) if (adjScore[k] > b) b = adjScore[k];
    best[l] = b;
  }
  return Int32Array.from(best.keys()).sort((a, b) => best[b] - best[a] || a - b);
}

export function maxScoreAssignment(inst: IndexedInstance): Int32Array {
  const { learnerCount: L, mentorCount: M, learnerStart, edgeMentor, edgeScore, capacity } = inst;

  const usable = (e: number) => edgeScore[e] > 0 && capacity[edgeMentor[e]] > 0;
  const adjStart = new Int32Array(L + 1);
  for (let l = 0; l < L; l++) {
    let count = 0;
    for (let e = learnerStart[l]; e < learnerStart[l + 1]; e++) if (usable(e)) count++;
    adjStart[l + 1] = adjStart[l] + count;
  }
  const arcs = adjStart[L];
  const adjMentor = new Int32Array(arcs);
  const adjLearner = new Int32Array(arcs);
  const adjScore = new Float64Array(arcs);
  const adjEdge = new Int32Array(arcs);
  const degree = new Int32Array(M);
  for (let l = 0, k = 0; l < L; l++) {
    for (let e = learnerStart[l]; e < learnerStart[l + 1]; e++) {
      if (!usable(e)) continue;
      adjMentor[k] = edgeMentor[e];
      adjLearner[k] = l;
      adjScore[k] = edgeScore[e];
      adjEdge[k] = e;
      degree[edgeMentor[e]]++;
      k++;
    }
  }

  // A mentor can never fill more seats than it has positive arcs, which bounds the slot table.
  const seats = new Int32Array(M);
  const slotStart = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) {
    seats[m] = Math.min(capacity[m], degree[m]);
    slotStart[m + 1] = slotStart[m] + seats[m];
  }
  const slotArc = new Int32Array(slotStart[M]);
  const load = new Int32Array(M);
  const mateArc = new Int32Array(L).fill(-1);
  const learnerSlot = new Int32Array(L).fill(-1);

  const T = L + M;
  const N = L + M + 1;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const predArc = new Int32Array(M);
  const settled = new Int32Array(N);
  const heap = new MinHeap();
  let stamp = 0;

  const entryOrder = learnersByBestScore(L, adjStart, adjScore);
  for (let step = 0; step < L; step++) {
    const l = entryOrder[step];
    const a0 = adjStart[l];
    const a1 = adjStart[l + 1];
    // Potential that makes every arc out of the new learner non-negative; 0 covers "unmatched".
    let best = 0;
    let bestArc = -1;
    for (let k = a0; k < a1; k++) {
      const v = adjScore[k] + pot[L + adjMentor[k]];
      if (v > best) {
        best = v;
        bestArc = k;
      }
    }
    if (bestArc < 0) continue;
    pot[l] = best;
    const bestMentor = adjMentor[bestArc];
    if (load[bestMentor] < seats[bestMentor]) {
      const s = slotStart[bestMentor] + load[bestMentor]++;
      slotArc[s] = bestArc;
      mateArc[l] = bestArc;
      learnerSlot[l] = s;
      continue;
    }

    stamp++;
    heap.clear();
    dist[l] = 0;
    seen[l] = stamp;
    heap.push(0, l);
    dist[T] = best;
    seen[T] = stamp;
    let predT = l;
    heap.push(best, T);
    let nSettled = 0;
    let D = 0;

    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (done[v] === stamp) continue;
      done[v] = stamp;
      if (v === T) {
        D = d;
        break;
      }
      settled[nSettled++] = v;
      const pv = pot[v];
      if (v < L) {
        if (v !== l) {
          const nd = pv > 0 ? d + pv : d;
          if (nd < dist[T]) {
            dist[T] = nd;
            predT = v;
            heap.push(nd, T);
          }
        }
        const mate = mateArc[v];
        for (let k = adjStart[v], end = adjStart[v + 1]; k < end; k++) {
          if (k === mate) continue;
          const node = L + adjMentor[k];
          if (done[node] === stamp) continue;
          const rc = pv - adjScore[k] - pot[node];
          const nd = rc > 0 ? d + rc : d;
          if (nd >= dist[T]) continue;
          if (seen[node] !== stamp || nd < dist[node]) {
            seen[node] = stamp;
            dist[node] = nd;
            predArc[node - L] = k;
            heap.push(nd, node);
          }
        }
      } else {
        const m = v - L;
        if (load[m] < seats[m]) {
          const nd = pv > 0 ? d + pv : d;
          if (nd < dist[T]) {
            dist[T] = nd;
            predT = v;
            heap.push(nd, T);
          }
        }
        for (let s = slotStart[m], end = slotStart[m] + load[m]; s < end; s++) {
          const k = slotArc[s];
          const y = adjLearner[k];
          if (done[y] === stamp) continue;
          const rc = adjScore[k] + pv - pot[y];
          const nd = rc > 0 ? d + rc : d;
          if (nd >= dist[T]) continue;
          if (seen[y] !== stamp || nd < dist[y]) {
            seen[y] = stamp;
            dist[y] = nd;
            heap.push(nd, y);
          }
        }
      }
    }

    for (let i = 0; i < nSettled; i++) {
      const v = settled[i];
      pot[v] += dist[v] - D;
    }

    if (predT === l) continue;
    let mentor: number;
    let slot: number;
    if (predT < L) {
      // The path ends by sending an already matched learner to "unmatched": its seat is reused.
      mentor = adjMentor[mateArc[predT]];
      slot = learnerSlot[predT];
      mateArc[predT] = -1;
      learnerSlot[predT] = -1;
    } else {
      mentor = predT - L;
      slot = slotStart[mentor] + load[mentor]++;
    }
    for (;;) {
      const k = predArc[mentor];
      const w = adjLearner[k];
      const oldSlot = learnerSlot[w];
      const oldArc = mateArc[w];
      slotArc[slot] = k;
      mateArc[w] = k;
      learnerSlot[w] = slot;
      if (w === l) break;
      slot = oldSlot;
      mentor = adjMentor[oldArc];
    }
  }

  const learnerEdge = new Int32Array(L).fill(-1);
  for (let l = 0; l < L; l++) if (mateArc[l] >= 0) learnerEdge[l] = adjEdge[mateArc[l]];
  return learnerEdge;
}

export function solveOptimal(instance: CohortInstance): CohortResult {
  const inst = indexInstance(instance);
  const learnerEdge = maxScoreAssignment(inst);
  const blocking = countBlockingPairsIndexed(rankPreferences(inst), learnerEdge);
  return buildResult(inst, learnerEdge, blocking);
}
