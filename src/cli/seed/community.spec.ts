import { describe, expect, it } from '@jest/globals';
import { SKILL_TAXONOMY } from '../../../migrations/data/skill-taxonomy.js';
import { CommunityGenerator } from './community.js';
import { Prng } from './prng.js';

const skills = SKILL_TAXONOMY.map((s) => ({
  slug: s.slug,
  name: s.name,
  category: s.category,
  popularity: s.popularity,
  parents: s.parents,
}));

describe('CommunityGenerator', () => {
  it('is reproducible: the same seed gives the same people and meetups', () => {
    const a = new CommunityGenerator(new Prng(7), skills, 's7');
    const b = new CommunityGenerator(new Prng(7), skills, 's7');
    const now = new Date('2027-01-01T00:00:00Z');
    expect([a.person('learner', 0), a.person('mentor', 1), a.meetup(['o'], now)]).toEqual([
      b.person('learner', 0),
      b.person('mentor', 1),
      b.meetup(['o'], now),
    ]);
    const c = new CommunityGenerator(new Prng(8), skills, 's8');
    expect(c.person('learner', 0).id).not.toBe(
      new CommunityGenerator(new Prng(7), skills, 's7').person('learner', 0).id,
    );
  });

  it('produces valid rows: learner goals above current levels, mentors at level 3+, meetups with venue or URL', () => {
    const g = new CommunityGenerator(new Prng(1), skills, 's1');
    for (let i = 0; i < 300; i++) {
      const l = g.person('learner', i);
      for (const goal of l.goals) {
        const current = l.skills.find((s) => s.skill === goal.skill)?.level ?? 0;
        expect(goal.targetLevel).toBeGreaterThan(current);
      }
      const m = g.person('mentor', i);
      expect(m.skills.every((s) => s.level >= 3)).toBe(true);
      expect(m.capacity).toBeGreaterThanOrEqual(1);
      const meetup = g.meetup([m.id], new Date());
      expect(meetup.endsAt.getTime()).toBeGreaterThan(meetup.startsAt.getTime());
      expect(meetup.online ? meetup.onlineUrl?.startsWith('https://') : meetup.venue !== null).toBe(true);
      for (const w of JSON.parse(l.availability)) expect(w.end > w.start).toBe(true);
    }
  });
});
