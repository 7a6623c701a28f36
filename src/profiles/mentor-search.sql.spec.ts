import { describe, expect, it } from '@jest/globals';
import { mentorSearchQuery, mentorSkillsQuery } from './mentor-search.sql.js';

const placeholders = (text: string): number[] =>
  [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('mentorSearchQuery', () => {
  it('with a skill: scans mentor_skill_reach by (level, id) descending and binds every value', () => {
    const q = mentorSearchQuery({ skill: 'sql', minLevel: 3, acceptingOnly: false, rows: 21 });
    expect(q.text).toContain('FROM mentor_skill_reach r');
    expect(q.text).toContain('ORDER BY r.level DESC, r.profile_id DESC');
    expect(q.text).not.toContain('(r.level, r.profile_id) <');
    expect(q.values).toEqual(['sql', 3, 21]);
    expect(placeholders(q.text)).toEqual([1, 2, 3]);
  });

  it('adds the keyset, language and accepting predicates only when asked, numbering parameters in order', () => {
    const id = '7f1c2b9e-0000-4000-8000-000000000001';
    const q = mentorSearchQuery({
      skill: 'go',
      minLevel: 1,
      language: 'de',
      acceptingOnly: true,
      after: { level: 4, id },
      rows: 11,
    });
    expect(q.values).toEqual(['de', 'go', 1, 4, id, 11]);
    expect(placeholders(q.text)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(q.text).toContain('(r.level, r.profile_id) < ($4::smallint, $5::uuid)');
    expect(q.text).toContain('p.languages @> ARRAY[$1]::text[]');
    // Verbatim partial-index predicates, so the planner can match them.
    expect(q.text).toContain(`'mentor' = ANY(p.roles)`);
    expect(q.text).toContain('p.accepting_mentees AND p.mentor_capacity > p.active_mentees');
  });

  it('without a skill: lists mentors by id descending, with an id keyset', () => {
    const id = '7f1c2b9e-0000-4000-8000-000000000002';
    const q = mentorSearchQuery({ minLevel: 1, acceptingOnly: false, after: { level: null, id }, rows: 5 });
    expect(q.text).not.toContain('mentor_skill_reach');
    expect(q.text).toContain('ORDER BY p.id DESC');
    expect(q.values).toEqual([id, 5]);
    expect(placeholders(q.text)).toEqual([1, 2]);
  });
});

describe('mentorSkillsQuery', () => {
  it('reads the whole page in one statement', () => {
    const q = mentorSkillsQuery(['a', 'b']);
    expect(q.values).toEqual([['a', 'b']]);
    expect(q.text).toContain('ANY($1::uuid[])');
  });
});
