import type { Tx } from '../database/unit-of-work.js';
import type { EventsService } from '../queues/events.service.js';

/** What changed about a profile that can change its match scores (the matching module re-scores on these). */
export type MatchingChangeReason = 'skills' | 'goals' | 'availability' | 'timezone' | 'languages' | 'mentoring';

/** Writes `profile.matching_changed` into the caller's transaction, so it commits exactly with the change. */
export async function emitMatchingChanged(
  events: EventsService,
  tx: Tx,
  profileId: string,
  reasons: MatchingChangeReason[],
): Promise<void> {
  if (!reasons.length) return;
  await events.emit(tx, 'profile.matching_changed', { profileId, reasons });
}
