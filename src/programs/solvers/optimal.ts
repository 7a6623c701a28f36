import { countBlockingPairsIndexed } from './blocking-pairs.js';
import { indexInstance, type IndexedInstance } from './instance.js';
import { maxScoreFlow, type FlowProblem } from './max-score-flow.js';
import { rankPreferences } from './preferences.js';
import { buildResult } from './result.js';
import type { CohortInstance, CohortResult } from './types.js';

/**
 * Maximum-score matching: learners (capacity 1) and mentors (their capacity) as the two sides of a
 * transportation problem, solved exactly by maxScoreFlow. Pairs with score <= 0 are left out: they
 * cannot raise the total.
 * Which side enters as rows changes only the running time. Each search ends at a free unit of the
 * other side, so by default the side with fewer units to place enters, leaving free targets
 * plentiful (10k x 2k, 6k seats: 0.45 s with mentors as rows against 3.5 s with learners). `rows`
 * forces a side, for tests.
 * Returns the matched edge per learner, or -1.
 */
export function maxScoreAssignment(inst: IndexedInstance, rows?: 'learners' | 'mentors'): Int32Array {
  const { learnerCount: L, mentorCount: M, learnerStart, edgeMentor, edgeScore, capacity } = inst;
  const usable = (e: number) => edgeScore[e] > 0 && capacity[edgeMentor[e]] > 0;

  const learnerDegree = new Int32Array(L);
  const mentorDegree = new Int32Array(M);
  for (let l = 0; l < L; l++) {
    for (let e = learnerStart[l]; e < learnerStart[l + 1]; e++) {
      if (!usable(e)) continue;
      learnerDegree[l]++;
      mentorDegree[edgeMentor[e]]++;
    }
  }
  let learnerUnits = 0;
  let mentorUnits = 0;
  for (let l = 0; l < L; l++) if (learnerDegree[l] > 0) learnerUnits++;
  for (let m = 0; m < M; m++) mentorUnits += Math.min(capacity[m], mentorDegree[m]);

  const learnerCapacity = new Int32Array(L).fill(1);
  const learnersAsRows = rows === undefined ? learnerUnits <= mentorUnits : rows === 'learners';
  const rowCount = learnersAsRows ? L : M;
  const rowOfEdge = learnersAsRows ? inst.edgeLearner : edgeMentor;
  const colOfEdge = learnersAsRows ? edgeMentor : inst.edgeLearner;
  const rowDegree = learnersAsRows ? learnerDegree : mentorDegree;

  const rowStart = new Int32Array(rowCount + 1);
  for (let r = 0; r < rowCount; r++) rowStart[r + 1] = rowStart[r] + rowDegree[r];
  const arcs = rowStart[rowCount];
  const arcCol = new Int32Array(arcs);
  const arcScore = new Float64Array(arcs);
  const arcEdge = new Int32Array(arcs);
  const fill = rowStart.slice(0, rowCount);
  for (let e = 0; e < inst.edgeCount; e++) {
    if (!usable(e)) continue;
    const k = fill[rowOfEdge[e]]++;
    arcCol[k] = colOfEdge[e];
    arcScore[k] = edgeScore[e];
    arcEdge[k] = e;
  }

  const problem: FlowProblem = {
    rowCount,
    colCount: learnersAsRows ? M : L,
    rowCapacity: learnersAsRows ? learnerCapacity : capacity,
    colCapacity: learnersAsRows ? capacity : learnerCapacity,
    rowStart,
    arcCol,
    arcScore,
  };
  const flow = maxScoreFlow(problem);

  const learnerEdge = new Int32Array(L).fill(-1);
  for (let k = 0; k < arcs; k++) {
    if (flow[k] === 1) learnerEdge[inst.edgeLearner[arcEdge[k]]] = arcEdge[k];
  }
  return learnerEdge;
}

export function solveOptimal(instance: CohortInstance): CohortResult {
  const inst = indexInstance(instance);
  const learnerEdge = maxScoreAssignment(inst);
  const blocking = countBlockingPairsIndexed(rankPreferences(inst), learnerEdge);
  return buildResult(inst, learnerEdge, blocking);
}
