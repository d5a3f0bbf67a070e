/**
 * The modified-date instants of an object's generated rows, in ascending order, with the
 * timestamp ties that break naive incremental syncs built in on purpose.
 */

import { Random } from './random.js';

/** First instant of generated data: 2023-01-01T00:00:00.000Z. */
export const WINDOW_START_MS = Date.UTC(2023, 0, 1);
/** End of generated data, exclusive: 2026-01-01T00:00:00.000Z, so the last day is 2025-12-31. */
export const WINDOW_END_MS = Date.UTC(2026, 0, 1);

/**
 * The instant a simulated bulk update stamped on many rows of every object but `da_picklist`:
 * 2024-09-12T14:30:00.000Z. It has zero milliseconds, so ISO output shows it as `...14:30:00Z`.
 */
export const TIE_BURST_INSTANT_MS = Date.UTC(2024, 8, 12, 14, 30, 0);

/** The instant the picklist was loaded in bulk: 2023-01-05T09:00:00.000Z. */
export const PICKLIST_LOAD_INSTANT_MS = Date.UTC(2023, 0, 5, 9, 0, 0);

/**
 * Rows that share TIE_BURST_INSTANT_MS in each object: 55% of the scale, at most 12,000. That is
 * more than one 5000-row page from scale 9,092 on (5,500 rows at scale 10,000).
 */
export function tieBurstSize(scale: number): number {
  return Math.min(12_000, Math.ceil(scale * 0.55));
}

export interface TieBurst {
  instant: number;
  size: number;
}

/**
 * Generates `count` ascending epoch-millisecond instants inside the window. Besides the burst,
 * it adds groups of 3 to 6 rows inside one second that differ only in milliseconds, and small
 * groups of 2 to 12 rows that share one exact instant. About 10% of the other rows fall on a
 * whole second, as writes from systems without millisecond clocks do.
 */
export function generateModifiedDates(seed: number, objectName: string, count: number, burst: TieBurst): Float64Array {
  const rng = new Random(seed, objectName, 'modified-dates');
  const values = new Float64Array(count);
  const span = WINDOW_END_MS - WINDOW_START_MS;
  let slot = Math.min(burst.size, count);
  values.fill(burst.instant, 0, slot);

  const millisecondGroups = count >= 50 ? Math.min(40, 3 + Math.floor(count / 2000)) : 0;
  for (let group = 0; group < millisecondGroups; group++) {
    const size = rng.between(3, 6);
    if (slot + size > count) break;
    const second = WINDOW_START_MS + rng.int(span / 1000) * 1000;
    const milliseconds = new Set<number>();
    while (milliseconds.size < size) milliseconds.add(rng.between(1, 999));
    for (const millisecond of milliseconds) values[slot++] = second + millisecond;
  }

  const exactTies = count >= 50 ? Math.min(100, 2 + Math.floor(count / 500)) : 0;
  for (let tie = 0; tie < exactTies; tie++) {
    const size = rng.between(2, 12);
    if (slot + size > count) break;
    let instant = WINDOW_START_MS + rng.int(span);
    if (rng.chance(0.5)) instant -= instant % 1000;
    values.fill(instant, slot, slot + size);
    slot += size;
  }

  for (; slot < count; slot++) {
    let instant = WINDOW_START_MS + rng.int(span);
    if (rng.chance(0.1)) instant -= instant % 1000;
    values[slot] = instant;
  }

  // Row numbers are assigned after sorting, so row i is the i-th oldest write.
  return values.sort();
}
