/**
 * Per-client fixed-window request counter. Fixed windows are coarse but need one number
 * per client and no timers; the map is swept whenever a window rolls over, so idle
 * clients do not accumulate.
 */
export class RateLimiter {
  private readonly counts = new Map<string, number>();
  private windowStart: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  /**
   * Counts one request of `client`. Returns 0 when allowed, otherwise the seconds until
   * the window resets (for `Retry-After`).
   */
  take(client: string): number {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = now;
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    if (count <= this.limit) return 0;
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
  }
}
