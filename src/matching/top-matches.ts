import { COVERAGE_GATE_FLOOR, type Weights } from './scoring/index.js';

/**
 * Exact top-N selection without fully scoring every candidate. A mentor's skill coverage is cheap to get
 * (the database computes it for every candidate in one aggregate); the full score also needs availability
 * and reputation, which cost a round trip and time-zone work. A final score is at most the coverage bound
 * (every other factor at 1), so candidates are taken in order of coverage, scored a batch at a time, and
 * the search stops as soon as the next bound falls below the N-th best score found: nobody left can enter
 * the top N. No Nest or TypeORM here: the worker and the benchmark both run it.
 */

export interface BoundedCandidate {
  readonly id: string;
  readonly coverage: number;
}

export interface RankedMatch {
  readonly mentorId: string;
  readonly score: number;
}

/** Slack for float noise between the coverage the bound is computed from and the scorer's own. */
export const COVERAGE_SLACK = 1e-6;

/** The highest score a mentor with this coverage can reach, rounded as scores are (4 decimals). */
export function scoreUpperBound(coverage: number, weights: Readonly<Weights>): number {
  const c = Math.min(1, coverage + COVERAGE_SLACK);
  const gate = COVERAGE_GATE_FLOOR + (1 - COVERAGE_GATE_FLOOR) * c;
  const raw = weights.skillCoverage * c + gate * (1 - weights.skillCoverage);
  return Math.round(Math.min(1, raw) * 1e4) / 1e4;
}

/** Best first; ties broken by mentor id so a run is reproducible. */
export const byRank = (a: RankedMatch, b: RankedMatch): number =>
  b.score - a.score || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0);

/** Coverage first (best first), then id: the order candidate pages must arrive in. */
export const byCoverage = (a: BoundedCandidate, b: BoundedCandidate): number =>
  b.coverage - a.coverage || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface TopMatchesOptions {
  readonly n: number;
  readonly batchSize: number;
  readonly weights: Readonly<Weights>;
  /**
   * Batches scored at once (default 1). More overlaps the round trips at the cost of scoring up to
   * `parallelBatches - 1` batches the bound would have skipped; the result is the same.
   */
  readonly parallelBatches?: number;
}

export interface TopMatchesResult<S extends RankedMatch> {
  readonly items: S[];
  /** Candidates fully scored; the rest were pruned by their bound. */
  readonly scored: number;
  readonly batches: number;
  /** Candidate pages read from the source. */
  readonly pages: number;
}

/**
 * `pages` yields the candidates in `byCoverage` order, a page at a time, so a source can stop being read
 * once the bound says no later candidate can matter.
 */
export async function selectTopMatches<C extends BoundedCandidate, S extends RankedMatch>(
  pages: AsyncIterable<readonly C[]> | Iterable<readonly C[]>,
  options: TopMatchesOptions,
  scoreBatch: (batch: C[]) => Promise<S[]>,
): Promise<TopMatchesResult<S>> {
  const parallel = options.parallelBatches ?? 1;
  if (!(options.n >= 1) || !(options.batchSize >= 1) || !(parallel >= 1))
    throw new RangeError('n, batchSize and parallelBatches must be >= 1');
  let best: S[] = [];
  let scored = 0;
  let batches = 0;
  let pageCount = 0;
  let previous: C | undefined;
  const cannotEnter = (c: C) =>
    best.length >= options.n && scoreUpperBound(c.coverage, options.weights) < best[options.n - 1].score;

  for await (const page of pages) {
    pageCount++;
    for (const c of page) {
      if (previous && byCoverage(previous, c) > 0)
        throw new RangeError('candidate pages must be sorted by coverage, best first');
      previous = c;
    }
    let next = 0;
    while (next < page.length) {
      if (cannotEnter(page[next])) return { items: best, scored, batches, pages: pageCount };
      const round: C[][] = [];
      while (round.length < parallel && next < page.length) {
        const batch = page.slice(next, next + options.batchSize);
        next += batch.length;
        round.push(batch);
      }
      batches += round.length;
      scored += round.reduce((sum, b) => sum + b.length, 0);
      const results = await Promise.all(round.map((b) => scoreBatch(b)));
      best = [...best, ...results.flat()].sort(byRank).slice(0, options.n);
    }
    // Later pages hold no better coverage than this page's last, so they need not even be read.
    if (previous && cannotEnter(previous)) break;
  }
  return { items: best, scored, batches, pages: pageCount };
}
