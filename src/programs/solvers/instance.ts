import type { CohortInstance } from './types.js';

export class InvalidCohortInstanceError extends Error {
  override name = 'InvalidCohortInstanceError';
}

/**
 * The instance with ids mapped to dense integers once, so the solvers work on typed arrays.
 * Edges are grouped by learner: learner l owns edge indices [learnerStart[l], learnerStart[l + 1]),
 * in the order they were given.
 */
export interface IndexedInstance {
  readonly source: CohortInstance;
  readonly learnerCount: number;
  readonly mentorCount: number;
  readonly edgeCount: number;
  readonly learnerIds: readonly string[];
  readonly mentorIds: readonly string[];
  readonly learnerIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
  readonly capacity: Int32Array;
  readonly learnerStart: Int32Array;
  readonly edgeLearner: Int32Array;
  readonly edgeMentor: Int32Array;
  readonly edgeScore: Float64Array;
}

function indexIds(ids: readonly string[], side: string): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== 'string') throw new InvalidCohortInstanceError(`${side} ${i} has no string id`);
    if (index.has(id)) throw new InvalidCohortInstanceError(`duplicate ${side} id ${id}`);
    index.set(id, i);
  }
  return index;
}

export function indexInstance(source: CohortInstance): IndexedInstance {
  const learnerIds = source.learners;
  const mentorIds = source.mentors.map((m) => m.id);
  const learnerIndex = indexIds(learnerIds, 'learner');
  const mentorIndex = indexIds(mentorIds, 'mentor');
  const learnerCount = learnerIds.length;
  const mentorCount = mentorIds.length;

  const capacity = new Int32Array(mentorCount);
  for (let m = 0; m < mentorCount; m++) {
    const c = source.mentors[m].capacity;
    if (!Number.isInteger(c) || c < 0 || c > 0x3fffffff) {
      throw new InvalidCohortInstanceError(`mentor ${mentorIds[m]} has invalid capacity ${c}`);
    }
    capacity[m] = c;
  }

  const edges = source.edges;
  const edgeCount = edges.length;
  const rawLearner = new Int32Array(edgeCount);
  const rawMentor = new Int32Array(edgeCount);
  const learnerStart = new Int32Array(learnerCount + 1);
  // Edges usually arrive grouped by learner, so remembering the last learner skips most lookups.
  let lastLearnerId: string | undefined;
  let lastLearner: number | undefined;
  for (let i = 0; i < edgeCount; i++) {
    const edge = edges[i];
    if (edge.learnerId !== lastLearnerId || lastLearnerId === undefined) {
      lastLearnerId = edge.learnerId;
      lastLearner = learnerIndex.get(edge.learnerId);
    }
    const l = lastLearner;
    const m = mentorIndex.get(edge.mentorId);
    if (l === undefined) throw new InvalidCohortInstanceError(`edge ${i} names unknown learner ${edge.learnerId}`);
    if (m === undefined) throw new InvalidCohortInstanceError(`edge ${i} names unknown mentor ${edge.mentorId}`);
    if (typeof edge.score !== 'number' || !Number.isFinite(edge.score)) {
      throw new InvalidCohortInstanceError(`edge ${i} has a non-finite score`);
    }
    rawLearner[i] = l;
    rawMentor[i] = m;
    learnerStart[l + 1]++;
  }
  for (let l = 0; l < learnerCount; l++) learnerStart[l + 1] += learnerStart[l];

  // Counting sort by learner keeps the given order within each learner.
  const edgeLearner = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const edgeScore = new Float64Array(edgeCount);
  const fill = learnerStart.slice(0, learnerCount);
  for (let i = 0; i < edgeCount; i++) {
    const e = fill[rawLearner[i]]++;
    edgeLearner[e] = rawLearner[i];
    edgeMentor[e] = rawMentor[i];
    edgeScore[e] = edges[i].score;
  }

  const lastLearnerSeen = new Int32Array(mentorCount).fill(-1);
  for (let l = 0; l < learnerCount; l++) {
    for (let e = learnerStart[l]; e < learnerStart[l + 1]; e++) {
      const m = edgeMentor[e];
      if (lastLearnerSeen[m] === l) {
        throw new InvalidCohortInstanceError(`duplicate edge ${learnerIds[l]} -> ${mentorIds[m]}`);
      }
      lastLearnerSeen[m] = l;
    }
  }

  return {
    source,
    learnerCount,
    mentorCount,
    edgeCount,
    learnerIds,
    mentorIds,
    learnerIndex,
    mentorIndex,
    capacity,
    learnerStart,
    edgeLearner,
    edgeMentor,
    edgeScore,
  };
}
