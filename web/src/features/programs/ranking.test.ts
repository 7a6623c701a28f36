import { describe, expect, it } from 'vitest';
import { conflictingLearners, initialRanking, move } from './ranking';

const people = ['a', 'b', 'c', 'd'].map((profileId) => ({ profileId }));
const ids = (list: { profileId: string }[]) => list.map((p) => p.profileId);

describe('initialRanking', () => {
  it('puts the stated people first in their order, then the rest as given; unknown ids drop out', () => {
    expect(ids(initialRanking(people, ['c', 'x', 'a']))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(initialRanking(people, []))).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('move', () => {
  it('swaps with the neighbour and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    const list = ['a', 'b'];
    expect(move(list, 0, -1)).toBe(list);
    expect(move(list, 1, 1)).toBe(list);
  });
});

describe('conflictingLearners', () => {
  it('reads the learners out of pairs[i].learnerId fields, once each', () => {
    const pairs = [{ learnerId: 'l1' }, { learnerId: 'l2' }, { learnerId: 'l3' }];
    const errors = [{ field: 'pairs[2].learnerId' }, { field: 'pairs[0].learnerId' }, { field: 'other' }];
    expect(conflictingLearners(errors, pairs)).toEqual(['l3', 'l1']);
    expect(conflictingLearners([{ field: 'pairs[9].learnerId' }], pairs)).toEqual([]);
  });
});
