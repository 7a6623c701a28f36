import { describe, expect, it } from '@jest/globals';
import { createSkillGraph, type LearnerInput, type MentorInput } from '../matching/scoring/index.js';
import { blockKey, buildCohortInstance, type CohortMember } from './cohort-instance.js';
import { solveStable } from './solvers/index.js';

const graph = createSkillGraph([
  { slug: 'sql', name: 'SQL', parents: [] },
  { slug: 'postgresql', name: 'PostgreSQL', parents: ['sql'] },
]);
const learner = (id: string, goal: string | null): LearnerInput => ({
  id,
  goals: goal ? [{ skill: goal, targetLevel: 4 }] : [],
  levels: {},
  availability: [],
  timezone: 'UTC',
  languages: ['en'],
});
const mentor = (id: string, level: number, timezone = 'UTC'): MentorInput => ({
  id,
  skills: { postgresql: level },
  availability: [],
  timezone,
  languages: ['en'],
  openSlots: 0,
});
const member = (
  profileId: string,
  side: 'learner' | 'mentor',
  capacity: number | null,
  preferences: string[] = [],
): CohortMember => ({
  profileId,
  side,
  capacity,
  preferences,
});

describe('buildCohortInstance', () => {
  const members = [
    member('m1', 'mentor', 2),
    member('m2', 'mentor', 1, ['l2']),
    member('l1', 'learner', null, ['m2']),
    member('l2', 'learner', null),
  ];
  const base = {
    members,
    learners: new Map([
      ['l1', learner('l1', 'postgresql')],
      ['l2', learner('l2', 'postgresql')],
    ]),
    mentors: new Map([
      ['m1', mentor('m1', 5)],
      ['m2', mentor('m2', 2)],
    ]),
    blocked: new Set<string>(),
    graph,
    now: new Date('2030-01-07T00:00:00Z'),
  };

  it('scores every learner x mentor pair and carries capacities and stated preferences', () => {
    const inst = buildCohortInstance(base);
    expect(inst.learners).toEqual(['l1', 'l2']);
    expect(inst.mentors).toEqual([
      { id: 'm1', capacity: 2 },
      { id: 'm2', capacity: 1 },
    ]);
    expect(inst.edges.map((e) => `${e.learnerId}>${e.mentorId}`)).toEqual(['l1>m1', 'l1>m2', 'l2>m1', 'l2>m2']);
    const score = (l: string, m: string) => inst.edges.find((e) => e.learnerId === l && e.mentorId === m)!.score;
    expect(score('l1', 'm1')).toBeGreaterThan(score('l1', 'm2'));
    expect(inst.learnerPrefs).toEqual({ l1: ['m2'], l2: [] });
    expect(inst.mentorPrefs).toEqual({ m1: [], m2: ['l2'] });
    // l1 states m2 first, so it goes there even though m1 scores higher; m2 ranks l2 first but l2 is free to take m1.
    expect(solveStable(inst).pairs.map((p) => `${p.learnerId}>${p.mentorId}`)).toEqual(['l1>m2', 'l2>m1']);
  });

  it('leaves out blocked pairs in either direction', () => {
    const inst = buildCohortInstance({ ...base, blocked: new Set([blockKey('l1', 'm1'), blockKey('m2', 'l2')]) });
    expect(inst.edges.map((e) => `${e.learnerId}>${e.mentorId}`)).toEqual(['l1>m2', 'l2>m1']);
  });

  it('keeps a pair the scorer cannot score (malformed stored zone) eligible at score 0', () => {
    const inst = buildCohortInstance({
      ...base,
      mentors: new Map([
        ['m1', mentor('m1', 5, 'Not/AZone')],
        ['m2', mentor('m2', 2)],
      ]),
    });
    expect(inst.edges.filter((e) => e.mentorId === 'm1').map((e) => e.score)).toEqual([0, 0]);
  });
});
