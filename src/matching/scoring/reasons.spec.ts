import { describe, expect, it } from '@jest/globals';
import {
  availabilityReason,
  goalReasons,
  languageName,
  languageReason,
  openSlotsReason,
  ratingReason,
  responsivenessReasons,
} from './reasons.js';
import type { GoalCoverage } from './types.js';

const names: Record<string, string> = {
  sql: 'SQL',
  postgresql: 'PostgreSQL',
  docker: 'Docker',
  nodejs: 'Node.js',
  express: 'Express',
};
const nameOf = (slug: string): string => names[slug] ?? slug;

function goal(partial: Partial<GoalCoverage> & Pick<GoalCoverage, 'skill'>): GoalCoverage {
  return {
    targetLevel: 4,
    currentLevel: 2,
    credit: 0,
    via: null,
    relation: null,
    distance: null,
    mentorLevel: null,
    ...partial,
  };
}

describe('goalReasons', () => {
  it('names the skill, the mentor level and the goal', () => {
    expect(
      goalReasons(
        [
          goal({ skill: 'postgresql', credit: 1, via: 'postgresql', relation: 'exact', distance: 0, mentorLevel: 5 }),
          goal({ skill: 'sql', credit: 0.5, via: 'postgresql', relation: 'descendant', distance: 1, mentorLevel: 5 }),
          goal({
            skill: 'express',
            targetLevel: 3,
            currentLevel: 0,
            credit: 0.5,
            via: 'nodejs',
            relation: 'ancestor',
            distance: 1,
            mentorLevel: 4,
          }),
          goal({
            skill: 'docker',
            targetLevel: 5,
            credit: 0.25,
            via: 'docker',
            relation: 'exact',
            distance: 0,
            mentorLevel: 4,
          }),
        ],
        nameOf,
      ),
    ).toEqual([
      'Teaches PostgreSQL at expert level (your goal: advanced)',
      'Teaches PostgreSQL at expert level, a specialisation of SQL (your goal: advanced)',
      'Teaches Node.js at advanced level, the broader skill behind Express (your goal: practitioner)',
      'Teaches Docker at advanced level (your goal: expert; you are at beginner)',
    ]);
  });

  it('lists goals the mentor cannot help with', () => {
    expect(goalReasons([goal({ skill: 'docker' })], nameOf)).toEqual(['No match for your goal: Docker']);
    expect(goalReasons([goal({ skill: 'docker' }), goal({ skill: 'sql' })], nameOf)).toEqual([
      'No match for your goals: Docker, SQL',
    ]);
  });

  it('asks for goals when there are none', () => {
    expect(goalReasons([], nameOf)).toEqual(['Add learning goals to get skill-based matches']);
  });
});

describe('other reasons', () => {
  it('describes shared hours', () => {
    expect(availabilityReason(6.5, true, true)).toBe('6.5 h/week of shared availability');
    expect(availabilityReason(4, true, true)).toBe('4 h/week of shared availability');
    expect(availabilityReason(2 / 3, true, true)).toBe('0.7 h/week of shared availability');
    expect(availabilityReason(0, true, true)).toBe('No shared availability in the coming week');
  });

  it('names shared languages in English', () => {
    expect(languageReason(['en', 'es'])).toBe('You both speak English, Spanish');
    expect(languageReason([])).toBe('No language in common');
    expect(languageName('qq')).toBe('qq');
    expect(languageName('not a code')).toBe('not a code');
  });

  it('counts open slots', () => {
    expect(openSlotsReason(2)).toBe('2 open mentee slots');
    expect(openSlotsReason(1)).toBe('1 open mentee slot');
    expect(openSlotsReason(0)).toBe('No open mentee slots');
  });

  it('describes how quickly and how reliably a mentor answers', () => {
    const stats = (answered: number, expired: number, medianAnswerSeconds: number | null) => ({
      answered,
      expired,
      medianAnswerSeconds,
    });
    expect(responsivenessReasons(undefined)).toEqual(['New mentor: no request history yet']);
    expect(responsivenessReasons(stats(5, 0, 1800))).toEqual(['Usually answers requests within an hour']);
    expect(responsivenessReasons(stats(5, 0, 5 * 3600))).toEqual(['Usually answers requests within a few hours']);
    expect(responsivenessReasons(stats(5, 1, 20 * 3600))).toEqual(['Usually answers requests within a day']);
    expect(responsivenessReasons(stats(3, 2, 3 * 86_400))).toEqual([
      'Usually takes about 3 days to answer requests',
      'Let 40% of requests expire unanswered',
    ]);
    expect(responsivenessReasons(stats(0, 3, null))).toEqual(['Let all 3 requests so far expire unanswered']);
    expect(responsivenessReasons(stats(0, 1, null))).toEqual(['Let the only request so far expire unanswered']);
  });

  it('describes ratings', () => {
    expect(ratingReason({ count: 12, sum: 55 })).toBe('Rated 4.6/5 by 12 mentees');
    expect(ratingReason({ count: 1, sum: 5 })).toBe('Rated 5.0/5 by 1 mentee');
    expect(ratingReason(undefined)).toBe('No ratings yet');
  });
});
