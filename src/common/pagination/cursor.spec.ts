import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from '../errors/domain-error.js';
import { cursorCodec, cursorField } from './cursor.js';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const ID = '0f9c1a4e-5b7d-4c3e-9a2b-1c2d3e4f5a6b';
const TIME = '2026-12-02T13:15:40.123456Z';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof ValidationFailed ? e.code : 'OTHER';
  }
  return undefined;
};

describe('cursorCodec', () => {
  const codec = cursorCodec(cursorField.timestamp, cursorField.uuid);

  it('round-trips the values it encodes, and treats no cursor as the first page', () => {
    expect(codec.decode(codec.encode([TIME, ID]))).toEqual([TIME, ID]);
    expect(codec.decode(undefined)).toBeNull();
  });

  it.each([
    ['garbage', '%%%'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['an object', b64({ 0: TIME, 1: ID })],
    ['wrong arity', b64([TIME])],
    ['wrong types', b64(['not-a-time', 'not-a-uuid'])],
    ['a date without microseconds', b64(['2026-12-02T13:15:40Z', ID])],
    ['an impossible date', b64(['2026-13-45T99:99:99.000000Z', ID])],
    ['a day the month lacks', b64(['2026-02-30T00:00:00.000000Z', ID])],
    ['year zero', b64(['0000-01-01T00:00:00.000000Z', ID])],
    ['hour 24', b64(['2026-01-01T24:00:00.000000Z', ID])],
    ['too long', b64([TIME, ID, 'x'.repeat(600)])],
  ])('rejects %s with INVALID_CURSOR', (_what, cursor) => {
    expect(codeOf(() => codec.decode(cursor))).toBe('INVALID_CURSOR');
  });

  it('checks ints, bigints and nullable fields', () => {
    const c = cursorCodec(cursorField.nullable(cursorField.int(0, 3)), cursorField.bigint);
    expect(c.decode(b64([null, '9007199254740993']))).toEqual([null, '9007199254740993']);
    expect(c.decode(b64([3, '0']))).toEqual([3, '0']);
    for (const bad of [
      [4, '1'],
      [1.5, '1'],
      ['1', '1'],
      [1, 1],
      [1, '-1'],
      [1, '01'],
      [1, '1'.repeat(30)],
    ]) {
      expect(codeOf(() => c.decode(b64(bad)))).toBe('INVALID_CURSOR');
    }
  });

  it('pages limit+1 rows into a page and the cursor of its last item', () => {
    const rows = [1, 2, 3].map((n) => ({ n, t: TIME, id: ID }));
    const page = codec.page(
      rows,
      2,
      (r) => r.n,
      (r) => [r.t, r.id],
    );
    expect(page.items).toEqual([1, 2]);
    expect(codec.decode(page.nextCursor!)).toEqual([TIME, ID]);
    expect(
      codec.page(
        rows,
        3,
        (r) => r.n,
        (r) => [r.t, r.id],
      ).nextCursor,
    ).toBeNull();
  });
});
