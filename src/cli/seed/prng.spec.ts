import { describe, expect, it } from '@jest/globals';
import { Prng } from './prng.js';

/** The published mulberry32, on int32 arithmetic throughout. */
function reference(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Prng', () => {
  it('is mulberry32, also past the ~5M draws where a float state would lose its low bits', () => {
    const prng = new Prng(42);
    const ref = reference(42);
    for (let i = 0; i < 6_000_000; i++) {
      const got = prng.next();
      const want = ref();
      if (i < 1000 || i % 100_000 === 0 || i > 5_999_000) expect(got).toBe(want);
    }
  });
});
