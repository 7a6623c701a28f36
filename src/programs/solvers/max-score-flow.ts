import { MinHeap } from './min-heap.js';

/**
 * A bipartite transportation problem: rows and columns with integer capacities, arcs (grouped by
 * row) carrying a positive score. A row's unit may also stay unassigned at no score.
 */
export interface FlowProblem {
  rowCount: number;
  colCount: number;
  rowCapacity: Int32Array;
  colCapacity: Int32Array;
  /** Arcs of row i are [rowStart[i], rowStart[i + 1]). */
  rowStart: Int32Array;
  arcCol: Int32Array;
  /** Every score must be > 0: an arc that adds nothing is never worth a unit. */
  arcScore: Float64Array;
}

/**
 * Rows enter in this order: any order is optimal, but rows with the best options first rarely get
 * displaced later, which keeps the searches small.
 */
function rowsByBestScore(p: FlowProblem): Int32Array {
  const best = new Float64Array(p.rowCount);
  for (let r = 0; r < p.rowCount; r++) {
    let b = 0;
    for (let k = p.rowStart[r]; k < p.rowStart[r + 1]; k++) if (p.arcScore[k] > b) b = p.arcScore[k];
    best[r] = b;
  }
  return Int32Array.from(best.keys()).sort((a, b) => best[b] - best[a] || a - b);
}

/**
 * Maximum total score, as min-cost flow: source -> row -> column (cost -score) -> sink, plus a
 * zero-cost "unassigned" arc row -> sink. Rows enter one unit at a time and each unit follows a
 * shortest residual path from its row (successive shortest paths rooted at the entering row, as in
 * the Hungarian method), so after every step the flow is optimal for the units entered so far. A
 * unit only takes an arc when some path gains score; otherwise its shortest path is the
 * "unassigned" arc and the row's remaining units stay unassigned too.
 * Dijkstra runs on reduced costs (Johnson potentials) with a binary heap and stops at the sink; only
 * settled nodes get new potentials, so each search costs what it explores, not the whole graph.
 * Returns 1 per arc carrying flow. Exact up to float rounding of the score sums.
 */
export function maxScoreFlow(p: FlowProblem): Uint8Array {
  const { rowCount: R, colCount: C, rowStart, arcCol, arcScore } = p;
  const arcs = rowStart[R];
  const arcRow = new Int32Array(arcs);
  const colDegree = new Int32Array(C);
  for (let r = 0; r < R; r++) {
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      arcRow[k] = r;
      colDegree[arcCol[k]]++;
    }
  }
  // A column never holds more units than it has arcs, which bounds its slot table.
  const colSeats = new Int32Array(C);
  const slotStart = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) {
    colSeats[c] = Math.min(p.colCapacity[c], colDegree[c]);
    slotStart[c + 1] = slotStart[c] + colSeats[c];
  }
  const slotArc = new Int32Array(slotStart[C]);
  const colLoad = new Int32Array(C);
  const slotOfArc = new Int32Array(arcs);
  const flow = new Uint8Array(arcs);

  const T = R + C;
  const N = T + 1;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  // Column nodes: the forward arc that reached them. Row nodes: the reverse arc that reached them.
  const predArc = new Int32Array(N);
  const settled = new Int32Array(N);
  const heap = new MinHeap();
  let stamp = 0;

  const order = rowsByBestScore(p);
  for (let step = 0; step < R; step++) {
    const r = order[step];
    const units = Math.min(p.rowCapacity[r], rowStart[r + 1] - rowStart[r]);
    for (let unit = 0; unit < units; unit++) {
      let best = -Infinity;
      let bestArc = -1;
      for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
        if (flow[k] === 1) continue;
        const v = arcScore[k] + pot[R + arcCol[k]];
        if (v > best) {
          best = v;
          bestArc = k;
        }
      }
      // First unit: the potential that makes every arc out of the row non-negative, 0 for "unassigned".
      if (unit === 0) pot[r] = best > 0 ? best : 0;
      // No arc beats staying unassigned, now or for the row's later units.
      if (bestArc < 0 || best <= 0) break;
      const bestCol = arcCol[bestArc];
      if (best >= pot[r] && colLoad[bestCol] < colSeats[bestCol]) {
        const s = slotStart[bestCol] + colLoad[bestCol]++;
        slotArc[s] = bestArc;
        slotOfArc[bestArc] = s;
        flow[bestArc] = 1;
        continue;
      }

      stamp++;
      heap.clear();
      dist[r] = 0;
      seen[r] = stamp;
      heap.push(0, r);
      dist[T] = pot[r];
      seen[T] = stamp;
      heap.push(pot[r], T);
      let predT = r;
      let nSettled = 0;
      let D = 0;

      // The sink is relaxed as soon as a node that can end a path is reached, not when it is settled:
      // on plateaus of equal scores that stops the search at the first free unit instead of after
      // every tie. Anything still in the heap is at least as far as what is popped, so the search
      // ends at the first pop that is no closer than the sink.
      while (heap.size > 0) {
        const d = heap.topKey();
        const v = heap.pop();
        if (done[v] === stamp) continue;
        if (v === T || d >= dist[T]) {
          D = dist[T];
          break;
        }
        done[v] = stamp;
        settled[nSettled++] = v;
        const pv = pot[v];
        if (v < R) {
          for (let k = rowStart[v], end = rowStart[v + 1]; k < end; k++) {
            if (flow[k] === 1) continue;
            const node = R + arcCol[k];
            if (done[node] === stamp) continue;
            const rc = pv - arcScore[k] - pot[node];
            const nd = rc > 0 ? d + rc : d;
            if (nd >= dist[T]) continue;
            if (seen[node] !== stamp || nd < dist[node]) {
              seen[node] = stamp;
              dist[node] = nd;
              predArc[node] = k;
              heap.push(nd, node);
              const c = node - R;
              if (colLoad[c] < colSeats[c]) {
                const pn = pot[node];
                const toSink = pn > 0 ? nd + pn : nd;
                if (toSink < dist[T]) {
                  dist[T] = toSink;
                  predT = node;
                  heap.push(toSink, T);
                }
              }
            }
          }
        } else {
          const c = v - R;
          for (let s = slotStart[c], end = slotStart[c] + colLoad[c]; s < end; s++) {
            const k = slotArc[s];
            const x = arcRow[k];
            if (done[x] === stamp) continue;
            const rc = arcScore[k] + pv - pot[x];
            const nd = rc > 0 ? d + rc : d;
            if (nd >= dist[T]) continue;
            if (seen[x] !== stamp || nd < dist[x]) {
              seen[x] = stamp;
              dist[x] = nd;
              predArc[x] = k;
              heap.push(nd, x);
              // The row can give this unit up and leave it unassigned.
              const px = pot[x];
              const toSink = px > 0 ? nd + px : nd;
              if (toSink < dist[T]) {
                dist[T] = toSink;
                predT = x;
                heap.push(toSink, T);
              }
            }
          }
        }
      }

      for (let i = 0; i < nSettled; i++) {
        const v = settled[i];
        pot[v] += dist[v] - D;
      }
      if (predT === r) break;

      // Walk the path back from the sink: every column on it swaps the arc it gives up for the one
      // that reached it, in the same slot; the path starts with a free seat or a row giving up a unit.
      let col: number;
      let slot: number;
      if (predT >= R) {
        col = predT - R;
        slot = slotStart[col] + colLoad[col]++;
      } else {
        const released = predArc[predT];
        flow[released] = 0;
        col = arcCol[released];
        slot = slotOfArc[released];
      }
      for (;;) {
        const k = predArc[R + col];
        slotArc[slot] = k;
        slotOfArc[k] = slot;
        flow[k] = 1;
        const x = arcRow[k];
        if (x === r) break;
        const released = predArc[x];
        flow[released] = 0;
        col = arcCol[released];
        slot = slotOfArc[released];
      }
    }
  }
  return flow;
}
