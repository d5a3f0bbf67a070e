/**
 * Compact indexes over an object's generated rows. Rows are numbered in modified-date order, so
 * `modified` is ascending and a date range is a pair of binary searches. The Gsid order is a
 * sorted array of Gsid sort keys, built on first use because only Gsid-ordered scans need it.
 */

import { type GsidCodec, rowOfKey } from './gsid.js';

export class ObjectIndex {
  private gsidOrder: Float64Array | undefined;

  constructor(
    readonly gsids: GsidCodec,
    /** Modified-date epoch milliseconds of each base row, ascending. */
    readonly modified: Float64Array,
  ) {}

  get size(): number {
    return this.modified.length;
  }

  /** First row whose modified date is at least `instant`. */
  lowerBound(instant: number): number {
    let low = 0;
    let high = this.modified.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.modified[middle] as number) < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Rows whose modified date lies in [from, to), as a row range [start, end). */
  rangeOf(from: number, to: number): [number, number] {
    const start = this.lowerBound(from);
    return [start, Math.max(start, this.lowerBound(to))];
  }

  key(row: number): number {
    return this.gsids.key(row);
  }

  /** Gsid sort keys of all base rows, ascending; the row of a key is `rowOfKey(key)`. */
  sortedKeys(): Float64Array {
    if (this.gsidOrder === undefined) {
      const keys = new Float64Array(this.modified.length);
      for (let row = 0; row < keys.length; row++) keys[row] = this.key(row);
      this.gsidOrder = keys.sort();
    }
    return this.gsidOrder;
  }

  /** Row at position `position` of the Gsid order. */
  rowAtGsidPosition(position: number): number {
    return rowOfKey(this.sortedKeys()[position] as number);
  }
}
