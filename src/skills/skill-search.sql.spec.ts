import { describe, expect, it } from '@jest/globals';
import { skillSearchQuery } from './skill-search.sql.js';

describe('skillSearchQuery', () => {
  it('without q lists by popularity, filtering by category when given', () => {
    expect(skillSearchQuery({}).values).toEqual([]);
    const q = skillSearchQuery({ category: 'databases', limit: 5 });
    expect(q.text).toContain('ORDER BY s.popularity DESC');
    expect(q.values).toEqual(['databases', 5]);
  });

  it('treats blank q as absent', () => {
    expect(skillSearchQuery({ q: '   ' }).text).not.toContain('skill_terms');
  });

  it('lowercases and trims q, and escapes LIKE wildcards for the substring tiers only', () => {
    const q = skillSearchQuery({ q: '  50%_Off\\ ' });
    expect(q.values).toEqual(['50%_off\\', '50\\%\\_off\\\\']);
    expect(q.text).toContain('FROM skill_terms t');
  });
});
