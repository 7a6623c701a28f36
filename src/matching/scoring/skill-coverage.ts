import { relatedSkills } from './skill-graph.js';
import type { GoalCoverage, LearnerInput, SkillGraph, SkillRelation } from './types.js';

/** Credit multiplier by taxonomy distance between the mentor's skill and the goal's skill. */
export const RELATION_CREDIT: readonly number[] = [1, 0.5, 0.25];
const MAX_DISTANCE = RELATION_CREDIT.length - 1;

/** Ceiling of the credit for a mentor above the learner but below the target. */
export const PARTIAL_LEVEL_CREDIT = 0.5;

/**
 * Full credit when the mentor is above the learner's current level and at least at the target; a share
 * of PARTIAL_LEVEL_CREDIT proportional to the part of the gap the mentor spans when above the learner but
 * below the target; nothing when not above the learner.
 */
export function levelCredit(mentorLevel: number, currentLevel: number, targetLevel: number): number {
  if (!(mentorLevel > currentLevel)) return 0;
  if (mentorLevel >= targetLevel) return 1;
  return (PARTIAL_LEVEL_CREDIT * (mentorLevel - currentLevel)) / (targetLevel - currentLevel);
}

interface Candidate {
  readonly slug: string;
  readonly relation: SkillRelation;
  readonly distance: number;
  readonly factor: number;
}

export interface PreparedGoal {
  readonly skill: string;
  readonly targetLevel: number;
  readonly currentLevel: number;
  /** The goal's skill first, then related skills nearest first. */
  readonly candidates: readonly Candidate[];
}

export function prepareGoals(learner: LearnerInput, graph: SkillGraph): PreparedGoal[] {
  return learner.goals
    .filter((goal) => goal.status === undefined || goal.status === 'active')
    .map((goal) => ({
      skill: goal.skill,
      targetLevel: goal.targetLevel,
      currentLevel: learner.levels[goal.skill] ?? 0,
      candidates: relatedSkills(graph, goal.skill, MAX_DISTANCE).map((related) => ({
        ...related,
        factor: RELATION_CREDIT[related.distance],
      })),
    }));
}

/** The best credit any of the mentor's skills gives this goal. */
export function coverGoal(goal: PreparedGoal, mentorSkills: Readonly<Record<string, number>>): GoalCoverage {
  let credit = 0;
  let best: Candidate | null = null;
  let mentorLevel: number | null = null;
  for (const candidate of goal.candidates) {
    // Candidates are nearest first, so once a candidate's factor cannot beat the best credit none after it can.
    if (candidate.factor <= credit) break;
    const level = mentorSkills[candidate.slug];
    if (typeof level !== 'number') continue;
    const candidateCredit = levelCredit(level, goal.currentLevel, goal.targetLevel) * candidate.factor;
    if (candidateCredit > credit) {
      credit = candidateCredit;
      best = candidate;
      mentorLevel = level;
    }
  }
  return {
    skill: goal.skill,
    targetLevel: goal.targetLevel,
    currentLevel: goal.currentLevel,
    credit,
    via: best?.slug ?? null,
    relation: best?.relation ?? null,
    distance: best?.distance ?? null,
    mentorLevel,
  };
}

export interface SkillCoverageResult {
  /** Mean credit over the goals; 0 without goals. */
  readonly coverage: number;
  readonly goals: GoalCoverage[];
}

export function skillCoverage(
  goals: readonly PreparedGoal[],
  mentorSkills: Readonly<Record<string, number>>,
): SkillCoverageResult {
  if (goals.length === 0) return { coverage: 0, goals: [] };
  const covered = goals.map((goal) => coverGoal(goal, mentorSkills));
  const total = covered.reduce((sum, goal) => sum + goal.credit, 0);
  return { coverage: total / goals.length, goals: covered };
}
