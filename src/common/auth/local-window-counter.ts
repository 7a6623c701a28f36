/** Trackers remembered per window; past it, the newcomers share one bucket (so memory stays bounded). */
const MAX_TRACKERS = 100_000;

/**
 * This process's own count of hits per tracker in the current one-minute window: what the rate limiter
 * counts while Redis is away. Per replica rather than shared, so the limit is looser by the replica
 * count during an outage, but it is never off.
 */
export class LocalWindowCounter {
  private window = -1;
  private readonly hits = new Map<string, number>();

  hit(tracker: string, window: number): number {
    if (window !== this.window) {
      this.window = window;
      this.hits.clear();
    }
    const key = this.hits.has(tracker) || this.hits.size < MAX_TRACKERS ? tracker : 'overflow';
    const n = (this.hits.get(key) ?? 0) + 1;
    this.hits.set(key, n);
    return n;
  }
}
