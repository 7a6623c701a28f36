import { describe, expect, it } from '@jest/globals';
import { coverGoal, levelCredit, prepareGoals, skillCoverage } from './skill-coverage.js';
import { createSkillGraph, relatedSkills } from './skill-graph.js';
import type { LearnerInput, SkillGraph } from './types.js';

const graph = createSkillGraph([
  { slug: 'databases', name: 'Databases', parents: [] },
  { slug: 'sql', name: 'SQL', parents: ['databases'] },
  { slug: 'postgresql', name: 'PostgreSQL', parents: ['sql'] },
  { slug: 'mysql', name: 'MySQL', parents: ['sql'] },
  { slug: 'javascript', name: 'JavaScript', parents: [] },
  { slug: 'nodejs', name: 'Node.js', parents: ['javascript'] },
  { slug: 'express', name: 'Express', parents: ['nodejs'] },
  { slug: 'nestjs', name: 'NestJS', parents: ['nodejs', 'typescript'] },
  { slug: 'typescript', name: 'TypeScript', parents: ['javascript'] },
  { slug: 'docker', name: 'Docker', parents: [] },
]);

function learner(goals: LearnerInput['goals'], levels: LearnerInput['levels'] = {}): LearnerInput {
  return { id: 'l', goals, levels, availability: [], timezone: 'UTC', languages: ['en'] };
}

function coverageOf(
  goal: { skill: string; targetLevel: number; current?: number },
  mentorSkills: Record<string, number>,
) {
  const [prepared] = prepareGoals(learner([goal], { [goal.skill]: goal.current ?? 0 }), graph);
  return coverGoal(prepared, mentorSkills);
}

describe('levelCredit', () => {
  it('is full when the mentor is above the learner and at least at the target', () => {
    expect(levelCredit(5, 2, 4)).toBe(1);
    expect(levelCredit(4, 2, 4)).toBe(1);
  });

  it('is nothing when the mentor is not above the learner, even at the target', () => {
    expect(levelCredit(4, 4, 4)).toBe(0);
    expect(levelCredit(3, 3, 2)).toBe(0);
    expect(levelCredit(2, 3, 5)).toBe(0);
  });

  it('is partial, below one half, when the mentor is above the learner but short of the target', () => {
    // 0.5 x the share of the gap covered: 2 of the 4 levels from aware (1) to expert (5), then 3 of 4
    expect(levelCredit(3, 1, 5)).toBe(0.25);
    expect(levelCredit(4, 1, 5)).toBe(0.375);
  });
});

describe('coverGoal', () => {
  it('covers a goal fully through the same skill', () => {
    expect(coverageOf({ skill: 'postgresql', targetLevel: 4, current: 2 }, { postgresql: 5 })).toMatchObject({
      credit: 1,
      via: 'postgresql',
      relation: 'exact',
      distance: 0,
      mentorLevel: 5,
    });
  });

  it('covers a goal half through a child skill (a PostgreSQL expert for an SQL goal)', () => {
    expect(coverageOf({ skill: 'sql', targetLevel: 4, current: 2 }, { postgresql: 5 })).toMatchObject({
      credit: 0.5,
      via: 'postgresql',
      relation: 'descendant',
      distance: 1,
    });
  });

  it('covers a goal half through a parent skill (Node.js for an Express goal)', () => {
    expect(coverageOf({ skill: 'express', targetLevel: 3 }, { nodejs: 4 })).toMatchObject({
      credit: 0.5,
      via: 'nodejs',
      relation: 'ancestor',
    });
  });

  it('gives a quarter two steps away, and nothing further or sideways', () => {
    expect(coverageOf({ skill: 'express', targetLevel: 3 }, { javascript: 5 }).credit).toBe(0.25);
    expect(coverageOf({ skill: 'databases', targetLevel: 3 }, { postgresql: 5 }).credit).toBe(0.25);
    expect(coverageOf({ skill: 'postgresql', targetLevel: 3 }, { mysql: 5 }).credit).toBe(0);
    expect(coverageOf({ skill: 'express', targetLevel: 3 }, { typescript: 5 }).credit).toBe(0);
  });

  it('applies the level rules to related skills too, against the learner level in the goal skill', () => {
    expect(coverageOf({ skill: 'sql', targetLevel: 4, current: 3 }, { postgresql: 3 }).credit).toBe(0);
    // above the learner (2) but short of the target (4): 0.5 * (3-2)/(4-2) = 0.25, then half for the relation
    expect(coverageOf({ skill: 'sql', targetLevel: 4, current: 2 }, { postgresql: 3 }).credit).toBe(0.125);
  });

  it('takes the best of the mentor skills related to the goal', () => {
    // SQL at 3 gives 0.25 directly; PostgreSQL at 5 gives 0.5 as a child skill.
    expect(coverageOf({ skill: 'sql', targetLevel: 4, current: 2 }, { sql: 3, postgresql: 5 })).toMatchObject({
      credit: 0.5,
      via: 'postgresql',
    });
    expect(coverageOf({ skill: 'sql', targetLevel: 4, current: 2 }, { sql: 4, postgresql: 5 })).toMatchObject({
      credit: 1,
      via: 'sql',
    });
  });

  it('reports no coverage for unrelated skills', () => {
    expect(coverageOf({ skill: 'docker', targetLevel: 3 }, { postgresql: 5 })).toMatchObject({
      credit: 0,
      via: null,
      relation: null,
      mentorLevel: null,
    });
  });
});

describe('skillCoverage', () => {
  it('is the mean over active goals', () => {
    const goals = prepareGoals(
      learner(
        [
          { skill: 'postgresql', targetLevel: 4 },
          { skill: 'docker', targetLevel: 3 },
          { skill: 'express', targetLevel: 3, status: 'achieved' },
          { skill: 'sql', targetLevel: 3, status: 'abandoned' },
        ],
        { postgresql: 2 },
      ),
      graph,
    );
    expect(goals.map((g) => g.skill)).toEqual(['postgresql', 'docker']);
    const result = skillCoverage(goals, { postgresql: 5, express: 5 });
    expect(result.coverage).toBe(0.5);
    expect(result.goals.map((g) => g.credit)).toEqual([1, 0]);
  });

  it('is 0 without goals', () => {
    expect(skillCoverage([], { postgresql: 5 })).toEqual({ coverage: 0, goals: [] });
  });
});

describe('relatedSkills', () => {
  it('walks ancestors and descendants, nearest first, through several parents', () => {
    const related = relatedSkills(graph, 'nodejs', 2);
    expect(related[0]).toEqual({ slug: 'nodejs', relation: 'exact', distance: 0 });
    expect(
      related
        .filter((r) => r.distance === 1)
        .map((r) => r.slug)
        .sort(),
    ).toEqual(['express', 'javascript', 'nestjs']);
    expect(related.some((r) => r.slug === 'typescript')).toBe(false);
  });

  it('terminates on a cyclic graph', () => {
    const cyclic: SkillGraph = {
      parentsOf: (slug) => (slug === 'a' ? ['b'] : ['a']),
      childrenOf: (slug) => (slug === 'a' ? ['b'] : ['a']),
    };
    expect(relatedSkills(cyclic, 'a', 2).map((r) => r.slug)).toEqual(['a', 'b']);
  });
});
