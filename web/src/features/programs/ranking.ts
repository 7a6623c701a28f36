/**
 * The member's ranking as shown: the people they stated, in that order, then everyone else of the other side by
 * name. Stated ids no longer offered (a member who left, someone blocked) drop out.
 */
export function initialRanking<T extends { profileId: string }>(others: T[], preferences: string[]): T[] {
  const byId = new Map(others.map((o) => [o.profileId, o]));
  const stated = preferences.flatMap((id) => {
    const person = byId.get(id);
    return person ? [person] : [];
  });
  const statedIds = new Set(stated.map((p) => p.profileId));
  return [...stated, ...others.filter((o) => !statedIds.has(o.profileId))];
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/**
 * The learners a 409 PUBLISH_CONFLICT names: its errors point at `pairs[i].learnerId` of the run that was
 * published.
 */
export function conflictingLearners(errors: { field: string }[], pairs: { learnerId: string }[]): string[] {
  const ids = errors.flatMap((e) => {
    const match = /^pairs\[(\d+)\]\.learnerId$/.exec(e.field);
    const pair = match ? pairs[Number(match[1])] : undefined;
    return pair ? [pair.learnerId] : [];
  });
  return [...new Set(ids)];
}
