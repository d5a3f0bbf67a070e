import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Keeps the calls of a whole run within `maxPerMinute` over any 60-second span (a sliding window),
 * which also keeps them within Gainsight's fixed one-minute windows. Every request of the run,
 * describe calls included, takes a slot here before it is sent.
 */
export class RateLimiter {
  private readonly sent: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly maxPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Waits until a call may be sent and records it as sent. Callers are served in arrival order.
   * Rejects with the signal's reason when `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    // A rejected wait must not block the callers queued behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every call until `untilMs` (epoch ms), after the server responded 429 with Retry-After. */
  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      while (this.sent.length > 0 && (this.sent[0] as number) <= now - 60_000) this.sent.shift();

      let readyAt = this.pausedUntil;
      if (this.sent.length >= this.maxPerMinute) readyAt = Math.max(readyAt, (this.sent[0] as number) + 60_000);
      if (readyAt <= now) {
        this.sent.push(now);
        return;
      }
      await sleep(readyAt - now, undefined, { signal });
    }
  }
}
