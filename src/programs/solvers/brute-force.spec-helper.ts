// Deliberately naive reference implementations for the specs; they share no code with the solvers.
import type { CohortInstance, CohortPair } from './types.js';

export type Matching = Map<string, string>;

export interface NaiveLists {
  learner: Map<string, string[]>;
  mentor: Map<string, string[]>;
}

function scoreOf(instance: CohortInstance, learnerId: string, mentorId: string): number | undefined {
  return instance.edges.find((e) => e.learnerId === learnerId && e.mentorId === mentorId)?.score;
}

function completeOne(stated: string[] | undefined, eligible: { id: string; score: number }[]): string[] {
  const ids = new Set(eligible.map((x) => x.id));
  const list: string[] = [];
  for (const id of stated ?? []) if (ids.has(id) && !list.includes(id)) list.push(id);
  const rest = eligible
    .filter((x) => !list.includes(x.id))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...list, ...rest.map((x) => x.id)];
}

export function naiveLists(instance: CohortInstance): NaiveLists {
  const own = (prefs: Record<string, string[]> | undefined, id: string) =>
    prefs !== undefined && Object.hasOwn(prefs, id) ? prefs[id] : undefined;
  const learner = new Map<string, string[]>();
  for (const l of instance.learners) {
    const eligible = instance.edges.filter((e) => e.learnerId === l).map((e) => ({ id: e.mentorId, score: e.score }));
    learner.set(l, completeOne(own(instance.learnerPrefs, l), eligible));
  }
  const mentor = new Map<string, string[]>();
  for (const { id: m } of instance.mentors) {
    const eligible = instance.edges.filter((e) => e.mentorId === m).map((e) => ({ id: e.learnerId, score: e.score }));
    mentor.set(m, completeOne(own(instance.mentorPrefs, m), eligible));
  }
  return { learner, mentor };
}

/** Every matching of the instance: each learner unmatched or on one eligible mentor, capacities kept. */
export function allMatchings(instance: CohortInstance): Matching[] {
  const out: Matching[] = [];
  const load = new Map(instance.mentors.map((m) => [m.id, 0]));
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const current: Matching = new Map();
  const visit = (i: number) => {
    if (i === instance.learners.length) {
      out.push(new Map(current));
      return;
    }
    const l = instance.learners[i];
    visit(i + 1);
    for (const e of instance.edges) {
      if (e.learnerId !== l || load.get(e.mentorId)! >= capacity.get(e.mentorId)!) continue;
      load.set(e.mentorId, load.get(e.mentorId)! + 1);
      current.set(l, e.mentorId);
      visit(i + 1);
      current.delete(l);
      load.set(e.mentorId, load.get(e.mentorId)! - 1);
    }
  };
  visit(0);
  return out;
}

export function toMatching(pairs: readonly Pick<CohortPair, 'learnerId' | 'mentorId'>[]): Matching {
  return new Map(pairs.map((p) => [p.learnerId, p.mentorId]));
}

export function naiveBlockingPairs(instance: CohortInstance, matching: Matching, lists = naiveLists(instance)): number {
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  let blocking = 0;
  for (const { learnerId: l, mentorId: m } of instance.edges) {
    const current = matching.get(l);
    if (current === m) continue;
    const ll = lists.learner.get(l)!;
    if (current !== undefined && ll.indexOf(current) < ll.indexOf(m)) continue;
    const ml = lists.mentor.get(m)!;
    const assigned = [...matching].filter(([, mm]) => mm === m).map(([ll2]) => ll2);
    const worst = Math.max(-1, ...assigned.map((a) => ml.indexOf(a)));
    if (assigned.length < capacity.get(m)! || ml.indexOf(l) < worst) blocking++;
  }
  return blocking;
}

/** The stable matching every learner weakly prefers to every other stable matching. */
export function bruteForceLearnerOptimalStable(instance: CohortInstance): Matching {
  const lists = naiveLists(instance);
  const stable = allMatchings(instance).filter((m) => naiveBlockingPairs(instance, m, lists) === 0);
  const rank = (l: string, m: string | undefined) => (m === undefined ? Infinity : lists.learner.get(l)!.indexOf(m));
  const best = stable.find((candidate) =>
    stable.every((other) => instance.learners.every((l) => rank(l, candidate.get(l)) <= rank(l, other.get(l)))),
  );
  if (best === undefined) throw new Error('no learner-optimal stable matching: the reference is wrong');
  return best;
}

export function totalScore(instance: CohortInstance, matching: Matching): number {
  let total = 0;
  for (const [l, m] of matching) total += scoreOf(instance, l, m)!;
  return total;
}

export function bruteForceMaxScore(instance: CohortInstance): number {
  return Math.max(...allMatchings(instance).map((m) => totalScore(instance, m)));
}

/** Throws unless pairs form a matching of the instance whose scores are the edge scores. */
export function assertValidMatching(instance: CohortInstance, pairs: readonly CohortPair[]): void {
  const seen = new Set<string>();
  const load = new Map<string, number>();
  for (const p of pairs) {
    if (seen.has(p.learnerId)) throw new Error(`learner ${p.learnerId} matched twice`);
    seen.add(p.learnerId);
    const score = scoreOf(instance, p.learnerId, p.mentorId);
    if (score === undefined) throw new Error(`pair ${p.learnerId}-${p.mentorId} is not eligible`);
    if (score !== p.score)
      throw new Error(`pair ${p.learnerId}-${p.mentorId} reports score ${p.score}, edge has ${score}`);
    load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
  }
  for (const m of instance.mentors) {
    if ((load.get(m.id) ?? 0) > m.capacity) throw new Error(`mentor ${m.id} over capacity`);
  }
}

/**
 * Maximum total score by textbook successive shortest paths: Bellman-Ford from the source over the
 * whole residual graph each round, no potentials, stopping once the cheapest path gains nothing.
 * Slow but independent of the solver, so it can check instances too large to enumerate.
 */
export function bellmanFordMaxScore(instance: CohortInstance): number {
  const L = instance.learners.length;
  const M = instance.mentors.length;
  const source = L + M;
  const sink = source + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const arcsFrom: number[][] = Array.from({ length: sink + 1 }, () => []);
  const addArc = (u: number, v: number, c: number, w: number) => {
    arcsFrom[u].push(to.length);
    to.push(v);
    cap.push(c);
    cost.push(w);
    arcsFrom[v].push(to.length);
    to.push(u);
    cap.push(0);
    cost.push(-w);
  };
  const learnerIndex = new Map(instance.learners.map((id, i) => [id, i]));
  const mentorIndex = new Map(instance.mentors.map((m, i) => [m.id, i]));
  instance.learners.forEach((_, l) => addArc(source, l, 1, 0));
  instance.mentors.forEach((m, i) => addArc(L + i, sink, m.capacity, 0));
  for (const e of instance.edges) addArc(learnerIndex.get(e.learnerId)!, L + mentorIndex.get(e.mentorId)!, 1, -e.score);

  let total = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue;
        for (const a of arcsFrom[u]) {
          if (cap[a] > 0 && dist[u] + cost[a] < dist[to[a]] - 1e-12) {
            dist[to[a]] = dist[u] + cost[a];
            via[to[a]] = a;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (!(dist[sink] < -1e-12)) return total;
    for (let v = sink; v !== source; v = to[via[v] ^ 1]) {
      cap[via[v]]--;
      cap[via[v] ^ 1]++;
    }
    total -= dist[sink];
  }
}
