import { describe, expect, it } from '@jest/globals';
import { chunks, splitFanoutPayload } from './fanout-payload.js';

const a = '0b9b3c1e-7d6c-4b8e-9a4f-2f1e3d4c5b6a';
const b = '1c9b3c1e-7d6c-4b8e-9a4f-2f1e3d4c5b6b';

describe('splitFanoutPayload', () => {
  it('takes recipientIds out of the data', () => {
    expect(splitFanoutPayload({ recipientIds: [a, b], meetupId: 'm', title: 'T' })).toEqual({
      recipients: [a, b],
      data: { meetupId: 'm', title: 'T' },
    });
  });

  it('drops duplicates (case-insensitively) and anything that is not a uuid', () => {
    expect(splitFanoutPayload({ recipientIds: [a, a.toUpperCase(), 'x', 42, null, b] }).recipients).toEqual([a, b]);
  });

  it('answers no recipients when the list is missing or not a list', () => {
    expect(splitFanoutPayload({ requestId: 'r' })).toEqual({ recipients: [], data: { requestId: 'r' } });
    expect(splitFanoutPayload({ recipientIds: a }).recipients).toEqual([]);
  });
});

describe('chunks', () => {
  it('splits into pieces of at most the given size, in order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
  });
});
