/**
 * Query execution. Queries whose filters and order use only the replication field (ModifiedDate
 * or LastModifiedDate) and Gsid run over the typed-array indexes and stop as soon as the page is
 * full, so they touch only the rows they return. Any other query scans every row, which is
 * slower at large scales but returns the same records. Overlay rows (changed through the control
 * API) are filtered in memory and merged into either scan in the query's order.
 */

import type { Dataset } from './data.js';
import type { FilterGrain } from './dates.js';
import { evaluateExpression, isConjunction, type Expression } from './expression.js';
import { type FieldPath, readFieldPath } from './field-paths.js';
import { type Condition, compareOrdered, compareValues, instantRange, matchesCondition } from './filters.js';
import { KEY_WIDTH, PREFIX_WIDTH, rowOfKey } from './gsid.js';
import type { InternalRecord, Value } from './records.js';
import type { ObjectStore } from './store.js';

export interface QueryPlan {
  store: ObjectStore;
  conditions: Condition[];
  /** Undefined when the request gave none, which means every condition must hold. */
  expression: Expression | undefined;
  orderBy: Array<{ path: FieldPath; descending: boolean }>;
  limit: number;
  offset: number;
}

type IndexOrder =
  | { kind: 'row' }
  | { kind: 'date'; direction: 1 | -1; gsidDirection: 1 | -1 | 0 }
  | { kind: 'gsid'; direction: 1 | -1 };

interface IndexScan {
  from: number;
  to: number;
  lower: GsidBound | undefined;
  upper: GsidBound | undefined;
  order: IndexOrder;
  /** Conditions the index does not serve, tested on generated records. */
  residual: Condition[];
}

/** Above this many rows in a date range, a Gsid-ordered scan walks the Gsid order instead of sorting the range. */
const SORT_RANGE_LIMIT = 100_000;

/** Runs a query plan and returns the page of records in order. */
export function executeQuery(dataset: Dataset, plan: QueryPlan, grain: FilterGrain): InternalRecord[] {
  const byAlias = new Map(plan.conditions.map((condition) => [condition.alias, condition]));
  const test = (record: InternalRecord, condition: Condition) =>
    matchesCondition(condition, readFieldPath(dataset, record, condition.path), grain);
  const matchesAll = (record: InternalRecord) =>
    plan.expression === undefined
      ? plan.conditions.every((condition) => test(record, condition))
      : evaluateExpression(plan.expression, (alias) => test(record, byAlias.get(alias) as Condition));

  const scan = planIndexScan(dataset, plan, grain);
  if (scan !== undefined) {
    const residual = (record: InternalRecord) => scan.residual.every((condition) => test(record, condition));
    return runIndexScan(dataset, plan, scan, scan.residual.length === 0 ? undefined : residual, matchesAll);
  }
  if (plan.orderBy.length === 0) {
    const everyRow: IndexScan = { from: -Infinity, to: Infinity, lower: undefined, upper: undefined, order: { kind: 'row' }, residual: [] };
    return runIndexScan(dataset, plan, everyRow, matchesAll, matchesAll);
  }
  return runFullScan(dataset, plan, matchesAll);
}

/** Builds an index scan, or returns undefined when the query needs a full scan. */
function planIndexScan(dataset: Dataset, plan: QueryPlan, grain: FilterGrain): IndexScan | undefined {
  if (plan.expression !== undefined && !isConjunction(plan.expression)) return undefined;
  const { store } = plan;
  const replicationField = store.definition.replicationField;
  const isDirect = (path: FieldPath, name: string) => path.lookups.length === 0 && path.field.name === name;

  const order = indexOrder(plan, replicationField, isDirect);
  if (order === undefined) return undefined;

  const scan: IndexScan = { from: -Infinity, to: Infinity, lower: undefined, upper: undefined, order, residual: [] };
  for (const condition of plan.conditions) {
    const range = isDirect(condition.path, replicationField) ? instantRange(condition, grain) : undefined;
    if (range !== undefined) {
      scan.from = Math.max(scan.from, range[0]);
      scan.to = Math.min(scan.to, range[1]);
    } else if (!(isDirect(condition.path, 'Gsid') && addGsidBounds(dataset, store, scan, condition))) {
      scan.residual.push(condition);
    }
  }
  return scan;
}

function indexOrder(
  plan: QueryPlan,
  replicationField: string,
  isDirect: (path: FieldPath, name: string) => boolean,
): IndexOrder | undefined {
  const [first, second] = plan.orderBy;
  if (first === undefined) return { kind: 'row' };
  const direction = (key: { descending: boolean }) => (key.descending ? -1 : 1);
  // Gsids are unique, so keys after a Gsid key never change the order.
  if (isDirect(first.path, 'Gsid')) return { kind: 'gsid', direction: direction(first) };
  if (!isDirect(first.path, replicationField)) return undefined;
  if (second === undefined) return { kind: 'date', direction: direction(first), gsidDirection: 0 };
  if (!isDirect(second.path, 'Gsid')) return undefined;
  return { kind: 'date', direction: direction(first), gsidDirection: direction(second) };
}

/** Narrows the scan's Gsid bounds by a condition; returns false for operators it cannot serve. */
function addGsidBounds(dataset: Dataset, store: ObjectStore, scan: IndexScan, condition: Condition): boolean {
  const values = condition.values.map(String);
  const bound = (index: number, inclusive: boolean) => new GsidBound(dataset, store, values[index] as string, inclusive);
  const tighten = (lower: GsidBound | undefined, upper: GsidBound | undefined) => {
    if (lower !== undefined && (scan.lower === undefined || lower.isTighterLowerThan(scan.lower))) scan.lower = lower;
    if (upper !== undefined && (scan.upper === undefined || upper.isTighterUpperThan(scan.upper))) scan.upper = upper;
  };
  switch (condition.operator) {
    case 'EQ':
    case 'IN':
      if (values.length !== 1) return false;
      tighten(bound(0, true), bound(0, true));
      return true;
    case 'GT':
      tighten(bound(0, false), undefined);
      return true;
    case 'GTE':
      tighten(bound(0, true), undefined);
      return true;
    case 'LT':
      tighten(undefined, bound(0, false));
      return true;
    case 'LTE':
      tighten(undefined, bound(0, true));
      return true;
    case 'BTW':
      tighten(bound(0, true), bound(1, true));
      return true;
    default:
      return false;
  }
}

/**
 * One end of a Gsid range. Comparing a row against it uses the row's numeric sort key when
 * the bound has a well-formed key part, and the full Gsid string otherwise, so a bound compares
 * exactly as the ordinal string comparison of Gsids.
 */
class GsidBound {
  private readonly key: number | undefined;

  constructor(
    private readonly dataset: Dataset,
    private readonly store: ObjectStore,
    readonly value: string,
    readonly inclusive: boolean,
  ) {
    const keyPart = value.slice(PREFIX_WIDTH, PREFIX_WIDTH + KEY_WIDTH);
    const samePrefix = value.startsWith(store.definition.gsidPrefix);
    this.key = samePrefix && keyPart.length === KEY_WIDTH && /^[0-9A-Z]+$/.test(keyPart) ? parseInt(keyPart, 36) : undefined;
  }

  /** Sign of (Gsid of `row`) compared with the bound value. */
  compareRow(row: number): number {
    if (this.key !== undefined) {
      const key = this.store.index.key(row);
      if (key !== this.key) return key < this.key ? -1 : 1;
    }
    return compareOrdered(this.dataset.gsidOf(this.store.definition.name, row), this.value);
  }

  admitsAsLower(row: number): boolean {
    const sign = this.compareRow(row);
    return this.inclusive ? sign >= 0 : sign > 0;
  }

  admitsAsUpper(row: number): boolean {
    const sign = this.compareRow(row);
    return this.inclusive ? sign <= 0 : sign < 0;
  }

  isTighterLowerThan(other: GsidBound): boolean {
    return this.value > other.value || (this.value === other.value && !this.inclusive);
  }

  isTighterUpperThan(other: GsidBound): boolean {
    return this.value < other.value || (this.value === other.value && !this.inclusive);
  }
}

interface Entry {
  row: number;
  date: number;
  gsid: string;
}

function entryComparator(order: IndexOrder): (a: Entry, b: Entry) => number {
  const byGsid = (a: Entry, b: Entry) => compareOrdered(a.gsid, b.gsid);
  switch (order.kind) {
    case 'row':
      return (a, b) => a.row - b.row;
    case 'gsid':
      return (a, b) => order.direction * byGsid(a, b);
    case 'date':
      return (a, b) =>
        order.direction * (a.date - b.date) ||
        (order.gsidDirection === 0 ? a.row - b.row : order.gsidDirection * byGsid(a, b));
  }
}

function runIndexScan(
  dataset: Dataset,
  plan: QueryPlan,
  scan: IndexScan,
  residual: ((record: InternalRecord) => boolean) | undefined,
  matchesAll: (record: InternalRecord) => boolean,
): InternalRecord[] {
  const { store, offset, limit } = plan;
  const replicationField = store.definition.replicationField;
  const compare = entryComparator(scan.order);
  const page: InternalRecord[] = [];
  let skipped = 0;

  // Returns true once the page is full.
  const accept = (record: InternalRecord | undefined): boolean => {
    if (skipped < offset) skipped++;
    else page.push(record as InternalRecord);
    return page.length >= limit;
  };

  const overlay = store
    .liveOverlayRows()
    .filter(([, record]) => matchesAll(record))
    .map(([row, record]) => ({ row, record, date: record[replicationField] as number, gsid: record['Gsid'] as string }))
    .sort(compare);
  let next = 0;

  for (const row of baseRows(store, scan)) {
    if (next < overlay.length) {
      const entry: Entry = { row, date: store.index.modified[row] as number, gsid: dataset.gsidOf(store.definition.name, row) };
      while (next < overlay.length && compare(overlay[next] as Entry, entry) < 0) {
        if (accept(overlay[next++]?.record)) return page;
      }
    }
    if (residual === undefined && skipped < offset) {
      skipped++;
      continue;
    }
    const record = store.baseRecord(row);
    if (residual !== undefined && !residual(record)) continue;
    if (accept(record)) return page;
  }
  while (next < overlay.length) if (accept(overlay[next++]?.record)) return page;
  return page;
}

/** Yields the live base rows inside the scan's ranges, in the scan's order. */
function* baseRows(store: ObjectStore, scan: IndexScan): Generator<number> {
  const { index } = store;
  const [start, end] = index.rangeOf(scan.from, scan.to);
  const { lower, upper, order } = scan;
  const admits = (row: number) =>
    !store.isShadowed(row) && (lower === undefined || lower.admitsAsLower(row)) && (upper === undefined || upper.admitsAsUpper(row));

  if (order.kind === 'row') {
    for (let row = start; row < end; row++) if (admits(row)) yield row;
    return;
  }

  if (order.kind === 'date') {
    // Rows are numbered in date order, so only rows sharing one instant need sorting.
    const modified = index.modified;
    const ascending = order.direction === 1;
    let i = ascending ? start : end - 1;
    while (ascending ? i < end : i >= start) {
      let j = i;
      const instant = modified[i];
      if (ascending) while (j < end && modified[j] === instant) j++;
      else while (j >= start && modified[j] === instant) j--;
      const group: number[] = [];
      for (let row = Math.min(i, j + 1); row < Math.max(i + 1, j); row++) if (admits(row)) group.push(row);
      if (order.gsidDirection !== 0) sortByGsid(store, group, order.gsidDirection);
      else if (!ascending) group.reverse();
      yield* group;
      i = j;
    }
    return;
  }

  if (end - start <= SORT_RANGE_LIMIT) {
    const rows: number[] = [];
    for (let row = start; row < end; row++) if (admits(row)) rows.push(row);
    yield* sortByGsid(store, rows, order.direction);
    return;
  }

  // A wide date range: walk the whole Gsid order between the bounds and test each row's date.
  const keys = index.sortedKeys();
  const first = lower === undefined ? 0 : firstPosition(store, keys, (row) => lower.admitsAsLower(row));
  const last = upper === undefined ? keys.length : firstPosition(store, keys, (row) => !upper.admitsAsUpper(row));
  const inRange = (row: number) => row >= start && row < end && !store.isShadowed(row);
  if (order.direction === 1) {
    for (let position = first; position < last; position++) {
      const row = rowOfKey(keys[position] as number);
      if (inRange(row)) yield row;
    }
  } else {
    for (let position = last - 1; position >= first; position--) {
      const row = rowOfKey(keys[position] as number);
      if (inRange(row)) yield row;
    }
  }
}

/** First position in the Gsid order whose row satisfies a predicate that is monotone in Gsid order. */
function firstPosition(_store: ObjectStore, keys: Float64Array, predicate: (row: number) => boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(rowOfKey(keys[middle] as number))) high = middle;
    else low = middle + 1;
  }
  return low;
}

function sortByGsid(store: ObjectStore, rows: number[], direction: 1 | -1): number[] {
  const keys = new Map(rows.map((row) => [row, store.index.key(row)]));
  return rows.sort((a, b) => direction * ((keys.get(a) as number) - (keys.get(b) as number)));
}

/**
 * Sorts every matching row by the order keys; nulls sort last ascending and first descending.
 * NOTE: the scan runs synchronously, so at large scales it delays every other request.
 */
function runFullScan(dataset: Dataset, plan: QueryPlan, matchesAll: (record: InternalRecord) => boolean): InternalRecord[] {
  const { store } = plan;
  const matches: Array<{ row: number; keys: Value[] }> = [];
  const collect = (row: number, record: InternalRecord) => {
    if (matchesAll(record)) matches.push({ row, keys: plan.orderBy.map((key) => readFieldPath(dataset, record, key.path)) });
  };

  for (let row = 0; row < store.baseCount; row++) if (!store.isShadowed(row)) collect(row, store.baseRecord(row));
  for (const [row, record] of store.liveOverlayRows()) collect(row, record);

  matches.sort((a, b) => {
    for (let i = 0; i < plan.orderBy.length; i++) {
      const order = compareNullable(a.keys[i] as Value, b.keys[i] as Value);
      if (order !== 0) return plan.orderBy[i]?.descending ? -order : order;
    }
    return a.row - b.row;
  });

  return matches
    .slice(plan.offset, plan.offset + plan.limit)
    .map((match) => store.record(match.row) as InternalRecord);
}

function compareNullable(a: Value, b: Value): number {
  const aUnset = a === null || a === '';
  const bUnset = b === null || b === '';
  if (aUnset || bUnset) return Number(aUnset) - Number(bUnset);
  return compareValues(a, b);
}
