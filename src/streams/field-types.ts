import type { JsonSchema } from './json-schema.js';

/** The JSON form of a field's values, derived from Gainsight's `dataType`. */
export type ValueKind = 'string' | 'date-time' | 'date' | 'number' | 'boolean' | 'any';

// Gainsight dataType values documented or seen in public clients. Lookups and picklists contain
// Gsids; MULTISELECTDROPDOWNLIST contains several picklist Gsids in one string.
const kindByDataType: Record<string, ValueKind> = {
  STRING: 'string',
  GSID: 'string',
  EMAIL: 'string',
  URL: 'string',
  RICHTEXTAREA: 'string',
  LOOKUP: 'string',
  PICKLIST: 'string',
  MULTISELECTDROPDOWNLIST: 'string',
  SFDCID: 'string',
  DATETIME: 'date-time',
  DATE: 'date',
  BOOLEAN: 'boolean',
  NUMBER: 'number',
  PERCENTAGE: 'number',
  CURRENCY: 'number',
  JSON: 'any',
};

/** Returns the value kind of a Gainsight dataType, or undefined for a type the tap does not know. */
export function valueKindOf(dataType: string): ValueKind | undefined {
  return kindByDataType[dataType.toUpperCase()];
}

/** Returns the nullable JSON Schema for a value kind. */
export function schemaForKind(kind: ValueKind): JsonSchema {
  switch (kind) {
    case 'date-time':
      return { type: ['null', 'string'], format: 'date-time' };
    case 'date':
      return { type: ['null', 'string'], format: 'date' };
    case 'number':
      return { type: ['null', 'number'] };
    case 'boolean':
      return { type: ['null', 'boolean'] };
    case 'string':
      return { type: ['null', 'string'] };
    case 'any':
      // An empty schema accepts any value; JSON fields and unknown types travel as they come.
      return {};
  }
}

/** Reads the value kind back from a property schema, for fields that describe did not report. */
export function valueKindOfSchema(schema: JsonSchema): ValueKind {
  if (schema.format === 'date-time') return 'date-time';
  if (schema.format === 'date') return 'date';
  let types: string[] = [];
  if (Array.isArray(schema.type)) types = schema.type;
  else if (schema.type !== undefined) types = [schema.type];
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  if (types.includes('string')) return 'string';
  return 'any';
}
