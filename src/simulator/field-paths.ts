/**
 * Field paths as the query API takes them: a plain field name (`Name`), or a lookup path whose
 * leading segments name LOOKUP fields with a `__gr` suffix (`Csm__gr.Email`,
 * `CompanyId__gr.Csm__gr.Email`).
 */

import type { Dataset } from './data.js';
import type { Catalog, FieldDefinition, ObjectDefinition } from './objects.js';
import { findField } from './objects.js';
import type { InternalRecord, Value } from './records.js';

export interface FieldPath {
  /** The path as the request spelled it; records use it as their key. */
  text: string;
  /** LOOKUP fields followed, in order, before the terminal field. */
  lookups: FieldDefinition[];
  /** The field whose value the path reads. */
  field: FieldDefinition;
}

/** Resolves a path against the tenant's catalog, or returns undefined when any segment is unknown. */
export function resolveFieldPath(catalog: Catalog, object: ObjectDefinition, text: string): FieldPath | undefined {
  const segments = text.split('.');
  const lookups: FieldDefinition[] = [];
  let current: ObjectDefinition | undefined = object;

  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    if (!segment.endsWith('__gr') || current === undefined) return undefined;
    const lookupField = findField(current, segment.slice(0, -'__gr'.length));
    if (lookupField?.lookupObject === undefined) return undefined;
    lookups.push(lookupField);
    current = catalog.find(lookupField.lookupObject);
  }

  const field = current === undefined ? undefined : findField(current, segments[segments.length - 1] as string);
  return field === undefined ? undefined : { text, lookups, field };
}

/** Reads a path's value from a record, following lookups; a dangling lookup reads as null. */
export function readFieldPath(dataset: Dataset, record: InternalRecord, path: FieldPath): Value {
  let current: InternalRecord | undefined = record;
  for (const lookup of path.lookups) {
    const gsid: Value | undefined = current[lookup.name];
    current = typeof gsid === 'string' ? dataset.recordByGsid(gsid) : undefined;
    if (current === undefined) return null;
  }
  return current[path.field.name] ?? null;
}
