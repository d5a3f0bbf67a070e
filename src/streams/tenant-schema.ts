import type { FieldDescription, ObjectDescription } from '../client/types.js';
import { ConfigError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import type { StreamDefinition } from './definitions.js';
import { schemaForKind, valueKindOf, valueKindOfSchema, type ValueKind } from './field-types.js';
import { loadHandWrittenSchema } from './hand-written-schemas.js';
import type { JsonSchema } from './json-schema.js';

/** A stream's schema as this tenant has it, and how each field's values are read. */
export interface TenantSchema {
  stream: StreamDefinition;
  /** The hand-written schema, less fields the tenant lacks, plus the tenant's other fields. */
  schema: JsonSchema & { properties: Record<string, JsonSchema> };
  /** Value kind per field, from the tenant's dataType where describe reports it. */
  kinds: Map<string, ValueKind>;
}

/**
 * Merges a stream's hand-written schema with the tenant's describe of its object. Hand-written
 * definitions win for the fields they cover. A hand-written field the tenant lacks is left out,
 * with one log line, and the fields the tenant has beyond them are typed from their `dataType`.
 */
export function resolveTenantSchema(stream: StreamDefinition, description: ObjectDescription, logger: Logger): TenantSchema {
  const handWritten = loadHandWrittenSchema(stream);
  const handWrittenProperties = handWritten.properties ?? {};
  const described = new Map<string, FieldDescription>(description.fields.map((field) => [field.fieldName, field]));
  const properties: Record<string, JsonSchema> = {};
  const kinds = new Map<string, ValueKind>();

  for (const required of [stream.keyProperty, stream.replicationKey]) {
    if (required !== undefined && !described.has(required)) {
      throw new ConfigError(
        `stream ${stream.name}: object ${description.objectName} has no field ${required} in this tenant, so the stream cannot be read; deselect it`,
      );
    }
  }

  const missing: string[] = [];
  for (const [name, property] of Object.entries(handWrittenProperties)) {
    const field = described.get(name);
    if (field === undefined) {
      missing.push(name);
      continue;
    }
    properties[name] = property;
    kinds.set(name, valueKindOf(field.dataType) ?? valueKindOfSchema(property));
  }
  if (missing.length > 0) {
    logger.info('tenant lacks standard fields; they are left out of the schema and of select', { fields: missing.join(',') });
  }

  // Gainsight does not document the order of describe's fields, so the tenant's own fields are
  // sorted by name: the same tenant then gives the same catalog, byte for byte, on every run.
  for (const field of [...description.fields].sort(byFieldName)) {
    if (field.fieldName in properties) continue;
    const kind = valueKindOf(field.dataType);
    if (kind === undefined) {
      logger.warn('unknown Gainsight dataType; the field accepts any JSON value', { field: field.fieldName, dataType: field.dataType });
    }
    properties[field.fieldName] = { ...schemaForKind(kind ?? 'any'), ...describedAnnotations(field) };
    kinds.set(field.fieldName, kind ?? 'any');
  }

  return { stream, schema: { ...handWritten, properties }, kinds };
}

// Code-unit order, the same on every machine and locale.
function byFieldName(a: FieldDescription, b: FieldDescription): number {
  if (a.fieldName === b.fieldName) return 0;
  return a.fieldName < b.fieldName ? -1 : 1;
}

// Labels help people reading a catalog; the Gainsight type is kept for the curious.
function describedAnnotations(field: FieldDescription): JsonSchema {
  const annotations: JsonSchema = {};
  if (field.label) annotations.title = field.label;
  annotations.description = `Gainsight ${field.dataType}${field.meta?.fieldGroupType ? ` (${field.meta.fieldGroupType})` : ''} field.`;
  return annotations;
}
