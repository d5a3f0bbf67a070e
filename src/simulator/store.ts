/**
 * Rows of one object: generated base rows, read through the indexes, plus a small overlay of
 * rows changed through the control API. An updated base row is materialised in the overlay and
 * hidden from the index scans. A deleted row stays in the overlay as null. Inserted rows get row
 * numbers after the base rows.
 */

import { ObjectIndex } from './indexes.js';
import type { ObjectDefinition } from './objects.js';
import type { InternalRecord } from './records.js';

export class ObjectStore {
  private readonly overlay = new Map<number, InternalRecord | null>();
  private shadowed: Uint8Array | undefined;
  private nextRow: number;

  constructor(
    /** The object with every field, including those the tenant omits. */
    readonly definition: ObjectDefinition,
    readonly index: ObjectIndex,
    private readonly generate: (row: number) => InternalRecord,
  ) {
    this.nextRow = index.size;
  }

  get baseCount(): number {
    return this.index.size;
  }

  /** Returns whether a base row is replaced by the overlay (updated or deleted), so scans skip it. */
  isShadowed(row: number): boolean {
    return this.shadowed !== undefined && this.shadowed[row] === 1;
  }

  get hasOverlay(): boolean {
    return this.overlay.size > 0;
  }

  /** Returns the live record of a row, or undefined when the row was deleted or never existed. */
  record(row: number): InternalRecord | undefined {
    const changed = this.overlay.get(row);
    if (changed !== undefined) return changed ?? undefined;
    return row < this.baseCount ? this.generate(row) : undefined;
  }

  /** Returns the generated record of a base row, ignoring the overlay. */
  baseRecord(row: number): InternalRecord {
    return this.generate(row);
  }

  /** Live overlay rows (updated base rows and inserted rows), in row order. */
  liveOverlayRows(): Array<[number, InternalRecord]> {
    const rows: Array<[number, InternalRecord]> = [];
    for (const [row, record] of this.overlay) if (record !== null) rows.push([row, record]);
    return rows.sort((a, b) => a[0] - b[0]);
  }

  /** Base rows hidden by the overlay. */
  shadowedRows(): number[] {
    return [...this.overlay.keys()].filter((row) => row < this.baseCount);
  }

  allocateRow(): number {
    return this.nextRow++;
  }

  put(row: number, record: InternalRecord | null): void {
    this.overlay.set(row, record);
    if (row < this.baseCount) {
      this.shadowed ??= new Uint8Array(this.baseCount);
      this.shadowed[row] = 1;
    }
  }

  /** Drops every change, back to the generated rows. */
  reset(): void {
    this.overlay.clear();
    this.shadowed = undefined;
    this.nextRow = this.baseCount;
  }
}
