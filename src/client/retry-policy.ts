/** How long to wait before retry number `attempt` (1 for the first retry). */
export interface BackoffOptions {
  /** Wait before the first retry, in milliseconds. */
  baseMs: number;
  /** Maximum wait between two attempts, in milliseconds. */
  maxMs: number;
  /** Returns a number in [0, 1); `Math.random` outside tests. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half of the doubled delay is fixed and half random, so
 * retries from concurrent streams spread out but never retry at once.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Reads a `Retry-After` header as a wait in milliseconds, or undefined when it is absent or
 * unreadable. RFC 9110 allows two forms: a number of seconds (`120`) and an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`), read against `now`.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();

  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);

  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
