import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_WEIGHTS } from './scoring/index.js';
import { byCoverage, byRank, scoreUpperBound, selectTopMatches, type RankedMatch } from './top-matches.js';

const W = { ...DEFAULT_WEIGHTS };

/** A score consistent with the bound: coverage part exact, the rest a fraction of its maximum. */
function fakeScore(coverage: number, restShare: number): number {
  const gate = 0.25 + 0.75 * coverage;
  return Math.round((0.45 * coverage + gate * 0.55 * restShare) * 1e4) / 1e4;
}

describe('scoreUpperBound', () => {
  it('matches the documented extremes (default weights)', () => {
    expect(scoreUpperBound(0, W)).toBe(0.1375);
    expect(scoreUpperBound(1, W)).toBe(1);
    expect(scoreUpperBound(0.5, W)).toBe(0.5688);
  });

  it('is never below a real score for the same coverage', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, r) => {
        expect(scoreUpperBound(c, W)).toBeGreaterThanOrEqual(fakeScore(c, r));
      }),
    );
  });
});

describe('selectTopMatches', () => {
  const candidate = fc.record({
    coverage: fc.double({ min: 0, max: 1, noNaN: true }),
    rest: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  /** Splits a sorted list into pages of the given sizes (the last page takes the rest). */
  function paged<T>(sorted: T[], sizes: number[]): T[][] {
    const pages: T[][] = [];
    let at = 0;
    for (const size of sizes) {
      if (at >= sorted.length) break;
      pages.push(sorted.slice(at, at + size));
      at += size;
    }
    if (at < sorted.length) pages.push(sorted.slice(at));
    return pages;
  }

  it('returns exactly what scoring everyone would, while scoring fewer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidate, { maxLength: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async (list, n, batchSize, pageSizes, parallelBatches) => {
          const all = list.map((c, i) => ({
            id: `m${String(i).padStart(4, '0')}`,
            coverage: c.coverage,
            rest: c.rest,
          }));
          const score = (b: typeof all): RankedMatch[] =>
            b.map((c) => ({ mentorId: c.id, score: fakeScore(c.coverage, c.rest) }));
          const expected = score(all).sort(byRank).slice(0, n);
          const got = await selectTopMatches(
            paged([...all].sort(byCoverage), pageSizes),
            { n, batchSize, weights: W, parallelBatches },
            (b) => Promise.resolve(score(b)),
          );
          expect(got.items).toEqual(expected);
          expect(got.scored).toBeLessThanOrEqual(all.length);
        },
      ),
    );
  });

  it('stops reading pages once the bound says no later candidate can matter', async () => {
    const strong = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, coverage: 1 }));
    const weak = Array.from({ length: 10 }, (_, i) => ({ id: `w${i}`, coverage: 0.1 }));
    let read = 0;
    async function* pages() {
      for (const page of [strong, weak, weak.map((c) => ({ ...c, id: `x${c.id}`, coverage: 0.05 }))]) {
        read++;
        // As a database page would, each one arrives asynchronously.
        yield await Promise.resolve(page);
      }
    }
    const result = await selectTopMatches(pages(), { n: 5, batchSize: 100, weights: W }, (b) =>
      Promise.resolve(b.map((c) => ({ mentorId: c.id, score: fakeScore(c.coverage, 0.9) }))),
    );
    expect(result.items).toHaveLength(5);
    // The weak page had to be read (the strong page's bound was 1), the one after it never was.
    expect(result.pages).toBe(2);
    expect(result.scored).toBe(5);
    expect(read).toBe(2);
  });

  it('rejects pages that are not sorted by coverage', async () => {
    const pages = [[{ id: 'a', coverage: 0.2 }], [{ id: 'b', coverage: 0.9 }]];
    await expect(
      selectTopMatches(pages, { n: 5, batchSize: 10, weights: W }, () => Promise.resolve([])),
    ).rejects.toThrow(RangeError);
  });

  it('stops once no remaining bound can beat the N-th best', async () => {
    const strong = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, coverage: 1 }));
    const weak = Array.from({ length: 1000 }, (_, i) => ({ id: `w${i}`, coverage: 0.1 }));
    const result = await selectTopMatches(
      [[...strong, ...weak].sort(byCoverage)],
      { n: 5, batchSize: 5, weights: W },
      (b) => Promise.resolve(b.map((c) => ({ mentorId: c.id, score: fakeScore(c.coverage, 0.9) }))),
    );
    expect(result.items.map((i) => i.mentorId)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(result.scored).toBe(5);
    expect(result.batches).toBe(1);
  });

  it('handles no candidates and rejects a zero N', async () => {
    expect(
      (await selectTopMatches([[]], { n: 3, batchSize: 10, weights: W }, () => Promise.resolve([]))).items,
    ).toEqual([]);
    await expect(selectTopMatches([], { n: 0, batchSize: 10, weights: W }, () => Promise.resolve([]))).rejects.toThrow(
      RangeError,
    );
  });
});
