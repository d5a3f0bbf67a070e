/**
 * The simulated tenant's data: one store per object, all derived from the seed and the scale.
 * Only the modified-date index is computed at startup; records are generated when served.
 */

import { decodeGsid, GsidCodec, MAX_ROWS, rowOfKey } from './gsid.js';
import { ObjectIndex } from './indexes.js';
import {
  generateModifiedDates,
  PICKLIST_LOAD_INSTANT_MS,
  TIE_BURST_INSTANT_MS,
  tieBurstSize,
  WINDOW_END_MS,
} from './modified-dates.js';
import { Catalog, OBJECTS, type ObjectDefinition } from './objects.js';
import { PICKLIST_ITEMS } from './picklists.js';
import { createRecordGenerator, type GenerationContext, type InternalRecord } from './records.js';
import { ObjectStore } from './store.js';

/** Largest supported scale: the timeline's 3 rows per unit of scale must fit in a Gsid. */
export const MAX_SCALE = Math.floor(MAX_ROWS / 4);

/** Base rows of an object at a scale. */
export function baseRowCount(objectName: string, scale: number): number {
  switch (objectName) {
    case 'activity_timeline':
      return scale * 3;
    case 'da_picklist':
      return PICKLIST_ITEMS.length;
    case 'record_delete_log':
      return 0;
    default:
      return scale;
  }
}

export class Dataset implements GenerationContext {
  private readonly stores = new Map<string, ObjectStore>();

  constructor(
    readonly seed: number,
    readonly scale: number,
    readonly catalog: Catalog,
  ) {
    const generate = createRecordGenerator(this);
    for (const object of OBJECTS) {
      const count = baseRowCount(object.name, scale);
      const burst =
        object.name === 'da_picklist'
          ? { instant: PICKLIST_LOAD_INSTANT_MS, size: Math.floor(count * 0.6) }
          : { instant: TIE_BURST_INSTANT_MS, size: tieBurstSize(scale) };
      const gsids = new GsidCodec(object.gsidPrefix, seed, object.name);
      const index = new ObjectIndex(gsids, generateModifiedDates(seed, object.name, count, burst));
      this.stores.set(object.name, new ObjectStore(object, index, (row) => generate(object, row)));
    }
  }

  /** Returns the store of an object by canonical name. */
  store(objectName: string): ObjectStore {
    const store = this.stores.get(objectName);
    if (store === undefined) throw new Error(`unknown object ${objectName}`);
    return store;
  }

  baseRowCount(objectName: string): number {
    return this.store(objectName).baseCount;
  }

  gsidOf(objectName: string, row: number): string {
    return this.store(objectName).index.gsids.encode(row);
  }

  modifiedAt(objectName: string, row: number): number {
    return this.store(objectName).index.modified[row] as number;
  }

  picklistRowOfItem(index: number): number {
    return index;
  }

  picklistItemOfRow(row: number): number {
    return row;
  }

  baseRecord(objectName: string, row: number): InternalRecord {
    return this.store(objectName).baseRecord(row);
  }

  /** Finds the object and row a Gsid names, whether or not the row is still live. */
  locate(gsid: string): { object: ObjectDefinition; row: number } | undefined {
    const decoded = decodeGsid(gsid);
    if (decoded === undefined) return undefined;
    const object = OBJECTS.find((candidate) => candidate.gsidPrefix === decoded.prefix);
    if (object === undefined) return undefined;
    const row = rowOfKey(decoded.key);
    return this.gsidOf(object.name, row) === gsid ? { object, row } : undefined;
  }

  /** Returns the live record a Gsid names, or undefined. */
  recordByGsid(gsid: string): InternalRecord | undefined {
    const located = this.locate(gsid);
    return located === undefined ? undefined : this.store(located.object.name).record(located.row);
  }

  /** Drops every control-API change. */
  reset(): void {
    for (const store of this.stores.values()) store.reset();
  }
}

/**
 * Returns the instant to stamp a control-API write with: the wall clock, but never earlier than
 * the end of the generated data, so a write is always newer than every generated row.
 */
export function writeInstant(): number {
  return Math.max(Date.now(), WINDOW_END_MS);
}
