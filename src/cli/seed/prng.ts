/** mulberry32: tiny, fast, seedable; the same --seed gives the same community. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    // Kept to 32 bits: a float state would pass 2^53 after ~5M draws and lose its low bits.
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A uuid-shaped id drawn from the stream, so ids are reproducible too. */
  uuid(): string {
    const h = Array.from({ length: 4 }, () =>
      (Math.floor(this.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0'),
    ).join('');
    const variant = '89ab'[h.charCodeAt(16) % 4];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** Draws items with probability proportional to their weight (cumulative table + binary search). */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(
    private readonly items: readonly T[],
    weight: (t: T) => number,
  ) {
    for (const it of items) this.cumulative.push((this.total += weight(it)));
  }
  pick(rng: Prng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
  /** `n` distinct items (n is small compared with the pool). */
  distinct(rng: Prng, n: number): T[] {
    const out = new Set<T>();
    for (let guard = 0; out.size < n && guard < n * 20; guard++) out.add(this.pick(rng));
    return [...out];
  }
}
