/**
 * Record changes made through the control API. Every write stamps the object's replication
 * field and modifier field, as a change in Gainsight does, so incremental reads see it.
 */

import { type Dataset, writeInstant } from './data.js';
import { parseDate, parseDateTime } from './dates.js';
import { type FieldDefinition, findField, NUMBER_TYPES, type ObjectDefinition } from './objects.js';
import type { InternalRecord, Value } from './records.js';

/** A control-API request that cannot be carried out; `status` is the HTTP status to send. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The gsuser row that control-API writes are attributed to, like an integration user. */
const WRITER_ROW = 0;

export function insertRecords(dataset: Dataset, object: ObjectDefinition, records: unknown): string[] {
  if (!Array.isArray(records) || records.length === 0) throw new ControlError(400, 'records must be a non-empty array of objects');
  const converted = records.map((fields) => convertFields(object, fields));
  const now = writeInstant();
  return converted.map((fields) => insertRow(dataset, object, fields, now));
}

function insertRow(dataset: Dataset, object: ObjectDefinition, fields: InternalRecord, now: number): string {
  const store = dataset.store(object.name);
  const row = store.allocateRow();
  const gsid = dataset.gsidOf(object.name, row);
  const writer = dataset.gsidOf('gsuser', WRITER_ROW);
  const record: InternalRecord = {};
  for (const field of store.definition.fields) record[field.name] = null;
  Object.assign(record, fields, {
    Gsid: gsid,
    CreatedDate: now,
    [object.replicationField]: now,
    CreatedBy: writer,
    [object.modifierField]: writer,
  });
  store.put(row, record);
  return gsid;
}

export function updateRecord(dataset: Dataset, object: ObjectDefinition, gsid: string, fields: unknown): InternalRecord {
  const { store, row, record } = findLive(dataset, object, gsid);
  const updated: InternalRecord = {
    ...record,
    ...convertFields(object, fields),
    [object.replicationField]: writeInstant(),
    [object.modifierField]: dataset.gsidOf('gsuser', WRITER_ROW),
  };
  store.put(row, updated);
  return updated;
}

/** Deletes a row and logs it in `record_delete_log`, as Gainsight does for 15 days. */
export function deleteRecord(dataset: Dataset, object: ObjectDefinition, gsid: string): void {
  const { store, row } = findLive(dataset, object, gsid);
  const now = writeInstant();
  store.put(row, null);
  const log = dataset.catalog.find('record_delete_log') as ObjectDefinition;
  insertRow(dataset, log, { RecordId: gsid, ObjectName: object.name, DeletedOn: now }, now);
}

export function findLive(dataset: Dataset, object: ObjectDefinition, gsid: string) {
  const located = dataset.locate(gsid);
  const store = dataset.store(object.name);
  const record = located?.object.name === object.name ? store.record(located.row) : undefined;
  if (located === undefined || record === undefined) throw new ControlError(404, `${object.name} has no live record ${gsid}`);
  return { store, row: located.row, record };
}

/** Counts live rows whose replication field lies in [from, to). */
export function countRows(dataset: Dataset, object: ObjectDefinition, from: number, to: number): number {
  const store = dataset.store(object.name);
  const [start, end] = store.index.rangeOf(from, to);
  let count = end - start;
  for (const row of store.shadowedRows()) {
    const instant = store.index.modified[row] as number;
    if (instant >= from && instant < to) count--;
  }
  for (const [, record] of store.liveOverlayRows()) {
    const instant = record[object.replicationField] as number;
    if (instant >= from && instant < to) count++;
  }
  return count;
}

/** Converts request field values to stored values; system fields are set only by the simulator. */
function convertFields(object: ObjectDefinition, fields: unknown): InternalRecord {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new ControlError(400, 'a record must be an object of field values');
  }
  const converted: InternalRecord = {};
  for (const [name, value] of Object.entries(fields)) {
    const field = findField(object, name);
    if (field === undefined) throw new ControlError(400, `${object.name} has no field ${name}`);
    if (field.fieldGroupType === 'SYSTEM') throw new ControlError(400, `${name} is a system field that the simulator sets`);
    converted[name] = convertValue(field, value);
  }
  return converted;
}

function convertValue(field: FieldDefinition, value: unknown): Value {
  if (value === null || (value === '' && (field.dataType === 'DATE' || field.dataType === 'DATETIME'))) return value;
  const invalid = () => new ControlError(400, `invalid ${field.dataType} value for ${field.name}: ${JSON.stringify(String(value))}`);
  if (field.dataType === 'DATETIME' || field.dataType === 'DATE') {
    const instant = field.dataType === 'DATE' ? parseDate(value) : parseDateTime(value);
    if (instant === undefined) throw invalid();
    return instant;
  }
  if (NUMBER_TYPES.has(field.dataType)) {
    if (typeof value === 'number' || typeof value === 'bigint') return value;
    throw invalid();
  }
  if (field.dataType === 'BOOLEAN') {
    if (typeof value === 'boolean') return value;
    throw invalid();
  }
  if (typeof value === 'string') return value;
  throw invalid();
}
