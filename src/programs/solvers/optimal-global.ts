import type { IndexedInstance } from './instance.js';
import { MinHeap } from './min-heap.js';

export function maxScoreAssignmentGlobal(inst: IndexedInstance): Int32Array {
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

  const S = L + M + 1;
  const T = L + M;
  const N = L + M + 2;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const predArc = new Int32Array(M);
  const settled = new Int32Array(N);
  const heap = new MinHeap();
  const free = new MinHeap(L + 1);
  let stamp = 0;

  let top = 0;
  for (let l = 0; l < L; l++) {
    let best = 0;
    for (let k = adjStart[l]; k < adjStart[l + 1]; k++) if (adjScore[k] > best) best = adjScore[k];
    if (best <= 0) continue;
    pot[l] = best;
    if (best > top) top = best;
    free.push(-best, l);
  }
  pot[S] = top;

  for (;;) {
    stamp++;
    heap.clear();
    dist[T] = Infinity;
    seen[T] = stamp;
    let predT = -1;
    let nSettled = 0;
    let D = Infinity;
    for (;;) {
      const fromFree = free.size > 0 ? pot[S] + free.topKey() : Infinity;
      const fromHeap = heap.size > 0 ? heap.topKey() : Infinity;
      if (fromFree === Infinity && fromHeap === Infinity) break;
      let v: number;
      let d: number;
      if (fromFree < fromHeap) {
        v = free.pop();
        d = fromFree < 0 ? 0 : fromFree;
        dist[v] = d;
        seen[v] = stamp;
      } else {
        d = fromHeap;
        v = heap.pop();
        if (done[v] === stamp) continue;
        if (v === T) {
          D = d;
          break;
        }
      }
      done[v] = stamp;
      settled[nSettled++] = v;
      const pv = pot[v];
      if (v < L) {
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
    // Real cost of the path is D - pot[S] + pot[T] (pot[T] stays 0); a path that gains nothing ends the run.
    if (predT < 0 || !(D - pot[S] < 0)) break;
    for (let i = 0; i < nSettled; i++) {
      const v = settled[i];
      pot[v] += dist[v] - D;
    }
    pot[S] -= D;

    let mentor = predT - L;
    let slot = slotStart[mentor] + load[mentor]++;
    for (;;) {
      const k = predArc[mentor];
      const w = adjLearner[k];
      const oldSlot = learnerSlot[w];
      const oldArc = mateArc[w];
      slotArc[slot] = k;
      mateArc[w] = k;
      learnerSlot[w] = slot;
      if (oldArc < 0) break;
      slot = oldSlot;
      mentor = adjMentor[oldArc];
    }
    for (let i = 0; i < nSettled; i++) {
      const v = settled[i];
      if (v < L && mateArc[v] < 0) free.push(-pot[v], v);
    }
  }

  const learnerEdge = new Int32Array(L).fill(-1);
  for (let l = 0; l < L; l++) if (mateArc[l] >= 0) learnerEdge[l] = adjEdge[mateArc[l]];
  return learnerEdge;
}
