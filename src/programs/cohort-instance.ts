import {
  prepareLearner,
  scoreMentor,
  type LearnerInput,
  type MentorInput,
  type SkillGraph,
} from '../matching/scoring/index.js';
import type { CohortEdge, CohortInstance } from './solvers/index.js';

export interface CohortMember {
  profileId: string;
  side: 'learner' | 'mentor';
  capacity: number | null;
  preferences: readonly string[];
}

export interface CohortData {
  /** Members in join order; that order is the learners' order in the result. */
  members: readonly CohortMember[];
  learners: ReadonlyMap<string, LearnerInput>;
  mentors: ReadonlyMap<string, MentorInput>;
  /** `${a}|${b}` for every block, either direction. */
  blocked: ReadonlySet<string>;
  graph: SkillGraph;
  now: Date;
}

export const blockKey = (a: string, b: string): string => `${a}|${b}`;

/**
 * Every learner x mentor pair among the members except blocked ones, scored by the matching scorer
 * (the learner prepared once, each mentor scored against it). In a program a mentor's open slots are the
 * seats they offer in it. A pair the scorer cannot score (malformed stored availability) stays eligible
 * with score 0 rather than failing the run.
 */
export function buildCohortInstance(data: CohortData): CohortInstance {
  const learnerMembers = data.members.filter((m) => m.side === 'learner' && data.learners.has(m.profileId));
  const mentorMembers = data.members.filter((m) => m.side === 'mentor' && data.mentors.has(m.profileId));
  const edges: CohortEdge[] = [];
  for (const l of learnerMembers) {
    const prepared = safely(() => prepareLearner(data.learners.get(l.profileId)!, data.graph, { now: data.now }));
    for (const m of mentorMembers) {
      if (m.profileId === l.profileId) continue;
      if (data.blocked.has(blockKey(l.profileId, m.profileId)) || data.blocked.has(blockKey(m.profileId, l.profileId)))
        continue;
      const mentor = { ...data.mentors.get(m.profileId)!, openSlots: m.capacity ?? 0 };
      const score = prepared ? (safely(() => scoreMentor(prepared, mentor).score) ?? 0) : 0;
      edges.push({ learnerId: l.profileId, mentorId: m.profileId, score });
    }
  }
  return {
    learners: learnerMembers.map((m) => m.profileId),
    mentors: mentorMembers.map((m) => ({ id: m.profileId, capacity: m.capacity ?? 0 })),
    edges,
    learnerPrefs: Object.fromEntries(learnerMembers.map((m) => [m.profileId, [...m.preferences]])),
    mentorPrefs: Object.fromEntries(mentorMembers.map((m) => [m.profileId, [...m.preferences]])),
  };
}

/** The scorer throws RangeError for malformed stored windows or zones; anything else is a bug and propagates. */
function safely<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
