import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { COVERAGE_GATE_FLOOR, DEFAULT_WEIGHTS, prepareLearner, scoreMatch, scoreMentor } from './score-match.js';
import { createSkillGraph } from './skill-graph.js';
import type { AvailabilityWindow, LearnerInput, MentorInput } from './types.js';

const graph = createSkillGraph([
  { slug: 'databases', name: 'Databases', parents: [] },
  { slug: 'sql', name: 'SQL', parents: ['databases'] },
  { slug: 'postgresql', name: 'PostgreSQL', parents: ['sql'] },
  { slug: 'mongodb', name: 'MongoDB', parents: ['databases'] },
  { slug: 'docker', name: 'Docker', parents: [] },
]);

// Monday 1 March 2027, before both switches: Madrid is UTC+1, London UTC+0.
const now = new Date('2027-03-01T00:00:00Z');

// The worked example of docs/matching.md.
const ana: LearnerInput = {
  id: 'ana',
  goals: [
    { skill: 'postgresql', targetLevel: 4 },
    { skill: 'docker', targetLevel: 3 },
  ],
  levels: { postgresql: 2 },
  availability: [
    { day: 'tue', start: '18:00', end: '21:00' },
    { day: 'thu', start: '18:00', end: '21:00' },
    { day: 'sat', start: '10:00', end: '13:00' },
  ],
  timezone: 'Europe/Madrid',
  languages: ['es', 'en'],
};

const benAvailability: AvailabilityWindow[] = [
  ...(['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '17:00', end: '19:00' })),
  { day: 'sat', start: '09:00', end: '11:30' },
];

const ben: MentorInput = {
  id: 'ben',
  skills: { postgresql: 5, sql: 5, docker: 2 },
  availability: benAvailability,
  timezone: 'Europe/London',
  languages: ['en', 'es'],
  openSlots: 2,
  responsiveness: { answered: 18, expired: 2, medianAnswerSeconds: 5 * 3600 },
  ratings: { count: 6, sum: 28 },
};

describe('scoreMatch: the documented example', () => {
  it('scores Ben for Ana as worked out by hand in docs/matching.md', () => {
    const result = scoreMatch(ana, ben, graph, { now });
    // coverage (1 + 1/3) / 2; Tue and Thu 17-19Z twice 2 h, Sat 09:00-11:30Z vs 09-12Z 2.5 h
    expect(result.factors).toMatchObject({
      skillCoverage: 0.6667,
      timezoneOverlapHours: 6.5,
      sharedLanguages: ['es', 'en'],
      openSlots: 2,
      responsiveness: 0.8182,
      rating: 4.67,
      ratingCount: 6,
    });
    const responsiveness = (22 / 25 + ((18 * 1) / (1 + 5 / 24) + 2.5) / 23) / 2;
    const rating = (48 / 11 - 1) / 4;
    const rest = 0.2 * 1 + 0.1 * 1 + 0.05 * (2 / 3) + 0.1 * responsiveness + 0.1 * rating;
    const expected = 0.45 * (2 / 3) + (0.25 + 0.75 * (2 / 3)) * rest;
    expect(result.score).toBe(Math.round(expected * 10_000) / 10_000);
    expect(result.score).toBe(0.6744);
    expect(result.reasons).toEqual([
      'Teaches PostgreSQL at expert level (your goal: advanced)',
      'Teaches Docker at beginner level (your goal: practitioner; you are new to it)',
      '6.5 h/week of shared availability',
      'You both speak Spanish, English',
      '2 open mentee slots',
      'Usually answers requests within a few hours',
      'Rated 4.7/5 by 6 mentees',
    ]);
  });

  it('gives the same mentor without any history the neutral prior (0.6550)', () => {
    const newcomer: MentorInput = { ...ben, id: 'cleo', responsiveness: undefined, ratings: undefined };
    const result = scoreMatch(ana, newcomer, graph, { now });
    expect(result.factors.responsiveness).toBe(0.65);
    expect(result.factors.rating).toBeNull();
    expect(result.score).toBe(0.655);
    expect(result.reasons).toContain('New mentor: no request history yet');
    expect(result.reasons).toContain('No ratings yet');
  });

  it('gives a mentor who knows only the broader SQL and Docker well 0.7431', () => {
    const result = scoreMatch(ana, { ...ben, id: 'eve', skills: { sql: 5, docker: 4 } }, graph, { now });
    expect(result.factors.skillCoverage).toBe(0.75);
    expect(result.score).toBe(0.7431);
    expect(result.reasons[0]).toBe(
      'Teaches SQL at expert level, the broader skill behind PostgreSQL (your goal: advanced)',
    );
  });

  it('gives a mentor who teaches none of the goals 0.1248 with the same schedule and record', () => {
    const result = scoreMatch(ana, { ...ben, id: 'dan', skills: { mongodb: 5 } }, graph, { now });
    expect(result.score).toBe(0.1248);
  });
});

describe('scoreMentor', () => {
  const prepared = prepareLearner(ana, graph, { now });
  const base: MentorInput = { ...ben, responsiveness: undefined, ratings: undefined };

  it('matches scoreMatch, so the learner side can be prepared once', () => {
    expect(scoreMentor(prepared, ben)).toEqual(scoreMatch(ana, ben, graph, { now }));
  });

  it('scores a mentor with no history like one whose record equals the priors', () => {
    const typical: MentorInput = {
      ...base,
      responsiveness: { answered: 8, expired: 2, medianAnswerSeconds: 86_400 },
      ratings: { count: 3, sum: 12 },
    };
    expect(scoreMentor(prepared, base).score).toBe(scoreMentor(prepared, typical).score);
  });

  it('ranks a newcomer between a mentor with a bad record and one with a good record', () => {
    const bad: MentorInput = {
      ...base,
      responsiveness: { answered: 4, expired: 8, medianAnswerSeconds: 4 * 86_400 },
      ratings: { count: 10, sum: 22 },
    };
    const good: MentorInput = {
      ...base,
      responsiveness: { answered: 30, expired: 0, medianAnswerSeconds: 1800 },
      ratings: { count: 10, sum: 49 },
    };
    const newcomer = scoreMentor(prepared, base).score;
    expect(scoreMentor(prepared, bad).score).toBeLessThan(newcomer);
    expect(scoreMentor(prepared, good).score).toBeGreaterThan(newcomer);
  });

  it('keeps a mentor who teaches none of the goals low, however good the rest', () => {
    const perfectButUnrelated: MentorInput = {
      ...ben,
      skills: { mongodb: 5 },
      openSlots: 5,
      responsiveness: { answered: 100, expired: 0, medianAnswerSeconds: 60 },
      ratings: { count: 100, sum: 500 },
    };
    const result = scoreMentor(prepared, perfectButUnrelated);
    expect(result.factors.skillCoverage).toBe(0);
    expect(result.score).toBeLessThanOrEqual(COVERAGE_GATE_FLOOR * (1 - DEFAULT_WEIGHTS.skillCoverage));
    expect(result.reasons).toContain('No match for your goals: PostgreSQL, Docker');

    const coveringButPoor: MentorInput = {
      ...ben,
      skills: { postgresql: 5, docker: 5 },
      availability: [],
      languages: ['de'],
      openSlots: 1,
      responsiveness: { answered: 1, expired: 5, medianAnswerSeconds: 6 * 86_400 },
      ratings: { count: 5, sum: 10 },
    };
    expect(scoreMentor(prepared, coveringButPoor).score).toBeGreaterThan(result.score);
  });

  it('scores a mentor who covers everything with plenty of shared time near 1', () => {
    const ideal: MentorInput = {
      ...ben,
      skills: { postgresql: 5, docker: 5 },
      availability: [...benAvailability, { day: 'sat', start: '11:30', end: '12:00' }],
      openSlots: 3,
      responsiveness: { answered: 200, expired: 0, medianAnswerSeconds: 0 },
      ratings: { count: 200, sum: 1000 },
    };
    const result = scoreMentor(prepared, ideal);
    expect(result.factors.skillCoverage).toBe(1);
    expect(result.score).toBeGreaterThan(0.98);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('asks a learner without goals to add some, and still ranks mentors by the rest', () => {
    const noGoals = prepareLearner({ ...ana, goals: [] }, graph, { now });
    const result = scoreMentor(noGoals, ben);
    expect(result.factors.skillCoverage).toBe(0);
    expect(result.factors.goalCoverage).toEqual([]);
    expect(result.reasons[0]).toBe('Add learning goals to get skill-based matches');
    const silent: MentorInput = { ...ben, languages: ['fr'], availability: [] };
    expect(scoreMentor(noGoals, silent).score).toBeLessThan(result.score);
  });

  it('compares languages case-insensitively and lists them in the learner order', () => {
    const result = scoreMentor(prepared, { ...ben, languages: ['EN', 'pt', 'Es'] });
    expect(result.factors.sharedLanguages).toEqual(['es', 'en']);
  });

  it('explains missing availability on either side', () => {
    expect(scoreMentor(prepared, { ...ben, availability: [] }).reasons).toContain(
      'The mentor has not shared their availability',
    );
    const noWindows = prepareLearner({ ...ana, availability: [] }, graph, { now });
    expect(scoreMentor(noWindows, ben).reasons).toContain('Add your weekly availability to match on shared hours');
  });
});

describe('weights', () => {
  it('normalises custom weights by their sum', () => {
    const doubled = Object.fromEntries(Object.entries(DEFAULT_WEIGHTS).map(([key, value]) => [key, value * 2]));
    expect(scoreMatch(ana, ben, graph, { now, weights: doubled }).score).toBe(0.6744);
  });

  it('lets a caller score on skills alone', () => {
    const skillsOnly = {
      skillCoverage: 1,
      timezoneOverlap: 0,
      sharedLanguages: 0,
      openSlots: 0,
      responsiveness: 0,
      rating: 0,
    };
    expect(scoreMatch(ana, ben, graph, { now, weights: skillsOnly }).score).toBe(0.6667);
  });

  it('rejects negative, non-finite or all-zero weights', () => {
    expect(() => prepareLearner(ana, graph, { now, weights: { rating: -1 } })).toThrow(RangeError);
    expect(() => prepareLearner(ana, graph, { now, weights: { rating: Number.NaN } })).toThrow(RangeError);
    const zero = {
      skillCoverage: 0,
      timezoneOverlap: 0,
      sharedLanguages: 0,
      openSlots: 0,
      responsiveness: 0,
      rating: 0,
    };
    expect(() => prepareLearner(ana, graph, { now, weights: zero })).toThrow(RangeError);
    expect(() => prepareLearner(ana, graph, { now, priors: { ratingWeight: 0 } })).toThrow(RangeError);
  });
});

describe('score bounds', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
  const skills = ['databases', 'sql', 'postgresql', 'mongodb', 'docker', 'unknown-skill'];
  const windowArb = fc
    .record({
      day: fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const),
      start: fc.integer({ min: 0, max: 47 }),
      slots: fc.integer({ min: 1, max: 48 }),
    })
    .map(({ day, start, slots }): AvailabilityWindow => {
      const end = Math.min(48, start + slots);
      const hhmm = (half: number): string =>
        `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}`;
      return { day, start: hhmm(start), end: hhmm(end) };
    });
  const levelsArb = fc.dictionary(fc.constantFrom(...skills), fc.integer({ min: 0, max: 5 }));
  const languagesArb = fc.subarray(['en', 'es', 'de', 'fr', 'pt']);
  const learnerArb = fc.record({
    id: fc.constant('l'),
    goals: fc.array(fc.record({ skill: fc.constantFrom(...skills), targetLevel: fc.integer({ min: 1, max: 5 }) }), {
      maxLength: 4,
    }),
    levels: levelsArb,
    availability: fc.array(windowArb, { maxLength: 6 }),
    timezone: fc.constantFrom(...zones),
    languages: languagesArb,
  });
  const responsivenessArb = fc.record({
    answered: fc.nat(50),
    expired: fc.nat(50),
    medianAnswerSeconds: fc.option(fc.nat(10 * 86_400)),
  });
  const ratingsArb = fc
    .integer({ min: 0, max: 40 })
    .chain((count) => fc.record({ count: fc.constant(count), sum: fc.integer({ min: count, max: 5 * count }) }));
  const mentorArb = fc.record({
    id: fc.constant('m'),
    skills: levelsArb,
    availability: fc.array(windowArb, { maxLength: 6 }),
    timezone: fc.constantFrom(...zones),
    languages: languagesArb,
    openSlots: fc.integer({ min: -1, max: 20 }),
    responsiveness: fc.option(responsivenessArb, { nil: undefined }),
    ratings: fc.option(ratingsArb, { nil: undefined }),
  });

  it('keeps every score in [0, 1] with at most 4 decimals', () => {
    fc.assert(
      fc.property(
        learnerArb,
        mentorArb,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (learner, mentor, at) => {
          const result = scoreMatch(learner, mentor, graph, { now: new Date(at) });
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(1);
          expect(Math.round(result.score * 10_000) / 10_000).toBe(result.score);
          expect(result.factors.skillCoverage).toBeGreaterThanOrEqual(0);
          expect(result.factors.skillCoverage).toBeLessThanOrEqual(1);
          expect(result.factors.timezoneOverlapHours).toBeGreaterThanOrEqual(0);
          expect(result.factors.timezoneOverlapHours).toBeLessThanOrEqual(168);
          expect(result.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
