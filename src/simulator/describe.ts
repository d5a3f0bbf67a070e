/**
 * Metadata responses: the object list (`GET /v1/meta/services/objects/list`) and object describes
 * (`GET .../objects/{object}/describe`, `POST .../objects/describe`), in the shapes Gainsight
 * documents: `data` is a list of objects, each with its fields and their `meta`.
 */

import type { Dataset } from './data.js';
import { NUMBER_TYPES, type FieldDefinition, type ObjectDefinition } from './objects.js';
import type { InternalRecord } from './records.js';

export function listObjects(dataset: Dataset): unknown[] {
  return dataset.catalog.objects.map((object) => ({
    objectName: object.name,
    label: object.label,
    objectType: object.objectType,
    readable: true,
    createable: false,
    updateable: false,
    deletable: false,
  }));
}

/** Describes an object; picklist fields carry their `options` when `withOptions` is set. */
export function describeObject(dataset: Dataset, object: ObjectDefinition, withOptions: boolean): unknown {
  const picklistRows = withOptions ? livePicklistRows(dataset) : [];
  return {
    objectName: object.name,
    label: object.label,
    objectType: object.objectType,
    fields: object.fields.map((field) => describeField(dataset, object, field, picklistRows)),
  };
}

function describeField(
  dataset: Dataset,
  object: ObjectDefinition,
  field: FieldDefinition,
  picklistRows: InternalRecord[],
): unknown {
  const lookupTarget = field.lookupObject === undefined ? undefined : dataset.catalog.find(field.lookupObject);
  const described: Record<string, unknown> = {
    fieldName: field.name,
    label: field.label,
    dataType: field.dataType,
    objectName: object.name,
    meta: {
      filterable: field.dataType !== 'RICHTEXTAREA',
      sortable: field.dataType !== 'RICHTEXTAREA' && field.dataType !== 'MULTISELECTDROPDOWNLIST',
      nillable: field.nillable,
      readOnly: field.fieldGroupType === 'SYSTEM',
      hidden: false,
      fieldGroupType: field.fieldGroupType,
      decimalPlaces: NUMBER_TYPES.has(field.dataType) ? (field.decimalPlaces ?? 0) : null,
      lookupDetail:
        lookupTarget === undefined
          ? null
          : {
              lookupName: `${field.name}__gr`,
              lookupObjects: [{ objectName: lookupTarget.name, label: lookupTarget.label, lookupField: 'Gsid' }],
            },
    },
  };
  if (field.picklistCategory !== undefined && picklistRows.length > 0) {
    described['options'] = picklistRows
      .filter((row) => row['Category'] === field.picklistCategory)
      .map((row) => ({ value: row['Gsid'], label: row['Name'], active: row['IsActive'] === true && row['Deleted'] !== true }));
  }
  return described;
}

function livePicklistRows(dataset: Dataset): InternalRecord[] {
  const store = dataset.store('da_picklist');
  const rows: InternalRecord[] = [];
  for (let row = 0; row < store.baseCount; row++) if (!store.isShadowed(row)) rows.push(store.baseRecord(row));
  for (const [, record] of store.liveOverlayRows()) rows.push(record);
  return rows;
}
