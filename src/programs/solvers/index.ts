export type {
  CohortEdge,
  CohortInstance,
  CohortMentor,
  CohortPair,
  CohortResult,
  CohortStats,
  CompletedPreferences,
} from './types.js';
export { InvalidCohortInstanceError } from './instance.js';
export { completePreferences } from './preferences.js';
export { solveStable } from './stable.js';
export { solveOptimal } from './optimal.js';
export { countBlockingPairs } from './blocking-pairs.js';
