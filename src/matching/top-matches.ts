import { COVERAGE_GATE_FLOOR, type Weights } from './scoring/index.js';

/**
 * Exact top-N selection without fully scoring every candidate. Skill coverage is cheap (it needs only the
 * mentor's related skill levels); the full score also needs availability and reputation, which cost a
 * database round trip and time-zone work. A candidate's final score is at most its coverage bound (every
 * other factor at 1), so candidates are scored in order of that bound, a batch at a time, until the next
 * bound falls below the N-th best score found: nobody left can enter the top N.
 */

/** No Nest or TypeORM here: the worker and the benchmark both run it. */
export interface BoundedCandidate {
  readonly id: string;
  readonly coverage: number;
}

export interface RankedMatch {
  readonly mentorId: string;
  readonly score: number;
}

/** The highest score a mentor with this coverage can reach, rounded like scores are (4 decimals). */
export function scoreUpperBound(coverage: number, weights: Readonly<Weights>): number {
  const gate = COVERAGE_GATE_FLOOR + (1 - COVERAGE_GATE_FLOOR) * coverage;
  const raw = weights.skillCoverage * coverage + gate * (1 - weights.skillCoverage);
  // The epsilon absorbs float noise between this sum and the scorer's own.
  return Math.round(Math.min(1, raw + 1e-9) * 1e4) / 1e4;
}

/** Best first; ties broken by mentor id so a run is reproducible. */
export const byRank = (a: RankedMatch, b: RankedMatch): number => b.score - a.score || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0);

export interface TopMatchesOptions {
  readonly n: number;
  readonly batchSize: number;
  readonly weights: Readonly<Weights>;
}

export interface TopMatchesResult<S extends RankedMatch> {
  readonly items: S[];
  /** How many candidates were fully scored (the rest were pruned by their bound). */
  readonly scored: number;
  readonly batches: number;
}

export async function selectTopMatches<C extends BoundedCandidate, S extends RankedMatch>(
  candidates: readonly C[],
  options: TopMatchesOptions,
  scoreBatch: (batch: C[]) => Promise<S[]>,
): Promise<TopMatchesResult<S>> {
  if (!(options.n >= 1) || !(options.batchSize >= 1)) throw new RangeError('n and batchSize must be >= 1');
  const ordered = [...candidates].sort((a, b) => b.coverage - a.coverage || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let best: S[] = [];
  let scored = 0;
  let batches = 0;
  let next = 0;
  while (next < ordered.length) {
    if (best.length >= options.n && scoreUpperBound(ordered[next].coverage, options.weights) < best[options.n - 1].score) break;
    const batch = ordered.slice(next, next + options.batchSize);
    next += batch.length;
    batches++;
    const results = await scoreBatch(batch);
    scored += batch.length;
    best = [...best, ...results].sort(byRank).slice(0, options.n);
  }
  return { items: best, scored, batches };
}
