/**
 * A fixed-window rate limit, as Gainsight documents for its synchronous API: at most `limit`
 * calls per wall-clock minute, counted from the start of each minute.
 */
export class RateLimiter {
  private windowStart = 0;
  private calls = 0;

  constructor(readonly limit: number) {}

  /** Counts a call; returns the seconds until the window ends when the call is over the limit. */
  take(now: number = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const windowStart = now - (now % 60_000);
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.calls = 0;
    }
    this.calls++;
    if (this.calls <= this.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000)) };
  }

  reset(): void {
    this.windowStart = 0;
    this.calls = 0;
  }
}
