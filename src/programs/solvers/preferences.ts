import { indexInstance, InvalidCohortInstanceError, type IndexedInstance } from './instance.js';
import { edgesByScoreDescending, groupByScoreThenRank } from './score-order.js';
import type { CohortInstance, CompletedPreferences } from './types.js';

/**
 * Completed preference lists in index form. Learner l's list is the edges
 * learnerOrder[learnerStart[l] .. learnerStart[l + 1]) best first; mentor m's list is
 * mentorOrder[mentorStart[m] .. mentorStart[m + 1]). The rank arrays give, per edge, its 0-based
 * position in the learner's and in the mentor's list, so comparing two partners is one array read.
 */
export interface RankedPreferences {
  readonly instance: IndexedInstance;
  readonly learnerOrder: Int32Array;
  readonly learnerRankOfEdge: Int32Array;
  readonly mentorStart: Int32Array;
  readonly mentorOrder: Int32Array;
  readonly mentorRankOfEdge: Int32Array;
}

/** Position of every id in plain code-unit order, the tie-break after equal scores. */
function idRanks(ids: readonly string[]): Int32Array {
  const byId = Array.from(ids.keys()).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < byId.length; r++) rank[byId[r]] = r;
  return rank;
}

interface Side {
  groupStart: Int32Array;
  groupIds: readonly string[];
  groupOfEdge: Int32Array;
  otherOfEdge: Int32Array;
  otherIndex: ReadonlyMap<string, number>;
  otherIdRank: Int32Array;
  stated: Record<string, string[]> | undefined;
}

/** Orders every group's edges: stated preferences first, then the rest by score and other-side id. */
function completeSide(side: Side, byScore: Int32Array, edgeScore: Float64Array) {
  const { groupStart, groupIds, groupOfEdge, otherOfEdge, otherIndex, otherIdRank, stated } = side;
  const edgeCount = byScore.length;
  const otherRankOfEdge = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) otherRankOfEdge[e] = otherIdRank[otherOfEdge[e]];
  const byKeys = groupByScoreThenRank(byScore, edgeScore, groupOfEdge, groupStart, otherRankOfEdge, otherIdRank.length);

  const order = new Int32Array(edgeCount);
  const rankOfEdge = new Int32Array(edgeCount);
  const edgeOfOther = new Int32Array(otherIdRank.length);
  const ownerOfOther = new Int32Array(otherIdRank.length).fill(-1);
  const taken = new Uint8Array(edgeCount);

  for (let g = 0; g < groupIds.length; g++) {
    const start = groupStart[g];
    const end = groupStart[g + 1];
    let pos = start;
    const list = stated !== undefined && Object.hasOwn(stated, groupIds[g]) ? stated[groupIds[g]] : undefined;
    if (list !== undefined && !Array.isArray(list)) {
      throw new InvalidCohortInstanceError(`preferences of ${groupIds[g]} are not a list`);
    }
    if (list !== undefined && list.length > 0) {
      for (let i = start; i < end; i++) {
        const e = byKeys[i];
        edgeOfOther[otherOfEdge[e]] = e;
        ownerOfOther[otherOfEdge[e]] = g;
      }
      for (const id of list) {
        const o = otherIndex.get(id);
        if (o === undefined || ownerOfOther[o] !== g) continue;
        const e = edgeOfOther[o];
        if (taken[e] === 1) continue;
        taken[e] = 1;
        rankOfEdge[e] = pos - start;
        order[pos++] = e;
      }
    }
    for (let i = start; i < end; i++) {
      const e = byKeys[i];
      if (taken[e] === 1) continue;
      rankOfEdge[e] = pos - start;
      order[pos++] = e;
    }
  }
  return { order, rankOfEdge };
}

export function rankPreferences(inst: IndexedInstance): RankedPreferences {
  const { mentorCount, edgeCount, edgeMentor, edgeScore } = inst;

  const mentorStart = new Int32Array(mentorCount + 1);
  for (let e = 0; e < edgeCount; e++) mentorStart[edgeMentor[e] + 1]++;
  for (let m = 0; m < mentorCount; m++) mentorStart[m + 1] += mentorStart[m];

  const byScore = edgesByScoreDescending(edgeScore);
  const learnerSide = completeSide(
    {
      groupStart: inst.learnerStart,
      groupIds: inst.learnerIds,
      groupOfEdge: inst.edgeLearner,
      otherOfEdge: edgeMentor,
      otherIndex: inst.mentorIndex,
      otherIdRank: idRanks(inst.mentorIds),
      stated: inst.source.learnerPrefs,
    },
    byScore,
    edgeScore,
  );
  const mentorSide = completeSide(
    {
      groupStart: mentorStart,
      groupIds: inst.mentorIds,
      groupOfEdge: edgeMentor,
      otherOfEdge: inst.edgeLearner,
      otherIndex: inst.learnerIndex,
      otherIdRank: idRanks(inst.learnerIds),
      stated: inst.source.mentorPrefs,
    },
    byScore,
    edgeScore,
  );

  return {
    instance: inst,
    learnerOrder: learnerSide.order,
    learnerRankOfEdge: learnerSide.rankOfEdge,
    mentorStart,
    mentorOrder: mentorSide.order,
    mentorRankOfEdge: mentorSide.rankOfEdge,
  };
}

/**
 * Stated preferences first, in their order, then the remaining eligible members by score
 * (descending, ties by id in code-unit order). Ineligible stated entries are dropped.
 */
export function completePreferences(instance: CohortInstance): CompletedPreferences {
  const ranked = rankPreferences(indexInstance(instance));
  const inst = ranked.instance;
  const learnerLists = new Map<string, string[]>();
  for (let l = 0; l < inst.learnerCount; l++) {
    const list: string[] = [];
    for (let i = inst.learnerStart[l]; i < inst.learnerStart[l + 1]; i++) {
      list.push(inst.mentorIds[inst.edgeMentor[ranked.learnerOrder[i]]]);
    }
    learnerLists.set(inst.learnerIds[l], list);
  }
  const mentorLists = new Map<string, string[]>();
  const mentorRank = new Map<string, Map<string, number>>();
  for (let m = 0; m < inst.mentorCount; m++) {
    const list: string[] = [];
    const rank = new Map<string, number>();
    for (let i = ranked.mentorStart[m]; i < ranked.mentorStart[m + 1]; i++) {
      const learnerId = inst.learnerIds[inst.edgeLearner[ranked.mentorOrder[i]]];
      rank.set(learnerId, list.length);
      list.push(learnerId);
    }
    mentorLists.set(inst.mentorIds[m], list);
    mentorRank.set(inst.mentorIds[m], rank);
  }
  return { learnerLists, mentorLists, mentorRank };
}
