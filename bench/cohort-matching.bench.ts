// Cohort matching benchmark (W6): 10,000 learners x 2,000 mentors, capacities 1-5, 50 candidates each; both solvers
// --runs times against a baseline from the same run (sorting every candidate list, the least any solver must do).
// Run: npm run bench:w6 [-- --learners=N --mentors=N --runs=N]
import { parseArgs } from 'node:util';
import {
  solveOptimal,
  solveStable,
  type CohortEdge,
  type CohortInstance,
  type CohortResult,
} from '../src/programs/solvers/index.js';
import { seededRandom } from './support/sql-bench.js';
import { quantile } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string', default: '10000' },
    mentors: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
  },
});
const LEARNERS = Number(args.learners);
const MENTORS = Number(args.mentors);
const CANDIDATES = Math.min(50, MENTORS);
const RUNS = Number(args.runs);
const GOAL_MS = { stable: 1_000, optimal: 10_000 } as const;

function generate(seed: number): CohortInstance {
  const rnd = seededRandom(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const learners = Array.from({ length: LEARNERS }, (_, i) => `learner-${i}`);
  const mentors = Array.from({ length: MENTORS }, (_, i) => ({ id: `mentor-${i}`, capacity: 1 + pick(5) }));
  const edges: CohortEdge[] = [];
  const learnerPrefs: Record<string, string[]> = {};
  const chosenBy = new Int32Array(MENTORS).fill(-1);
  for (let l = 0; l < LEARNERS; l++) {
    const mine: string[] = [];
    while (mine.length < CANDIDATES) {
      const m = pick(MENTORS);
      if (chosenBy[m] === l) continue;
      chosenBy[m] = l;
      mine.push(mentors[m].id);
      // Scores carry 4 decimals like the scoring module's output, so ties (and id tie-breaks) occur.
      edges.push({ learnerId: learners[l], mentorId: mentors[m].id, score: Math.round(rnd() * 1e4) / 1e4 });
    }
    // One learner in five states three preferences, one of which is usually not eligible.
    if (rnd() < 0.2)
      learnerPrefs[learners[l]] = [mine[pick(CANDIDATES)], mentors[pick(MENTORS)].id, mine[pick(CANDIDATES)]];
  }
  const mentorPrefs: Record<string, string[]> = {};
  for (let m = 0; m < MENTORS; m++) {
    if (rnd() < 0.2) mentorPrefs[mentors[m].id] = Array.from({ length: 5 }, () => learners[pick(LEARNERS)]);
  }
  return { learners, mentors, edges, learnerPrefs, mentorPrefs };
}

function sortCandidateLists(instance: CohortInstance): number {
  const byLearner = new Map<string, CohortEdge[]>();
  for (const edge of instance.edges) {
    const list = byLearner.get(edge.learnerId);
    if (list === undefined) byLearner.set(edge.learnerId, [edge]);
    else list.push(edge);
  }
  let sorted = 0;
  for (const list of byLearner.values()) sorted += list.sort((a, b) => b.score - a.score).length;
  return sorted;
}

function measure<T>(label: string, fn: () => T, describe: (value: T) => string): number[] {
  const times: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = performance.now();
    const value = fn();
    const ms = performance.now() - started;
    times.push(ms);
    console.log(`  ${label} run ${run}/${RUNS}: ${ms.toFixed(1)} ms  ${describe(value)}`);
  }
  return times.sort((a, b) => a - b);
}

const describeResult = (r: CohortResult) =>
  `matched=${r.stats.matched} totalScore=${r.stats.totalScore} blockingPairs=${r.stats.blockingPairs}`;

const generatedAt = performance.now();
const instance = generate(20240611);
console.log(
  `instance: ${LEARNERS} learners x ${MENTORS} mentors, ${instance.edges.length} edges, ` +
    `${instance.mentors.reduce((s, m) => s + m.capacity, 0)} seats ` +
    `(generated in ${(performance.now() - generatedAt).toFixed(0)} ms)`,
);

const baseline = measure(
  'baseline (sort candidate lists)',
  () => sortCandidateLists(instance),
  (n) => `edges=${n}`,
);
const stable = measure('stable', () => solveStable(instance), describeResult);
const optimal = measure('optimal', () => solveOptimal(instance), describeResult);

const baselineMedian = quantile(baseline, 0.5);
console.log('\nresults (ms)');
console.log(`  baseline  median ${baselineMedian.toFixed(1)}  p95 ${quantile(baseline, 0.95).toFixed(1)}`);
let failed = false;
for (const [name, times] of [
  ['stable', stable],
  ['optimal', optimal],
] as const) {
  const median = quantile(times, 0.5);
  const p95 = quantile(times, 0.95);
  const pass = p95 < GOAL_MS[name];
  failed ||= !pass;
  console.log(
    `  ${name.padEnd(8)}  median ${median.toFixed(1)}  p95 ${p95.toFixed(1)}  goal < ${GOAL_MS[name]}  ` +
      `${pass ? 'PASS' : 'FAIL'}  (${(median / baselineMedian).toFixed(1)}x baseline)`,
  );
}
process.exitCode = failed ? 1 : 0;
