import { floorToSecond } from '../dates/instant.js';
import { ConfigError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { loadHandWrittenSchema } from '../streams/hand-written-schemas.js';
import type { JsonSchema } from '../streams/json-schema.js';
import type { TenantSchema } from '../streams/tenant-schema.js';
import { readFullTableBookmark, readIncrementalBookmark } from './bookmark.js';
import type { StreamPlan, StreamSelection } from './stream-plan.js';
import type { SyncState } from './sync-state.js';

export interface PlanOptions {
  state: SyncState;
  /** `start_date` as epoch milliseconds: where a stream with no bookmark begins. */
  startDateMs: number;
  /** Reads an incremental stream from the beginning and ignores its bookmark (Airbyte full refresh). */
  fullRefresh?: boolean;
  logger: Logger;
}

/**
 * Turns a catalog's selection and the tenant's schema into a read plan: the fields to request
 * (selected fields the tenant has), the schema to announce, and where to start.
 */
export function buildPlan(selection: StreamSelection, tenant: TenantSchema, options: PlanOptions): StreamPlan {
  const { stream } = selection;
  const logger = options.logger.forStream(stream.name);
  const handWritten = loadHandWrittenSchema(stream).properties ?? {};

  const select: string[] = [];
  const lacking: string[] = [];
  const unknown: string[] = [];
  for (const field of selection.fields) {
    if (field in tenant.schema.properties) select.push(field);
    else if (field in handWritten) lacking.push(field);
    else unknown.push(field);
  }
  if (unknown.length > 0) {
    throw new ConfigError(
      `catalog stream ${stream.name} selects fields this tenant does not have: ${unknown.join(', ')}; run --discover again or deselect them`,
    );
  }
  if (lacking.length > 0) logger.info('selected standard fields the tenant lacks are left out', { fields: lacking.join(',') });

  const schema = restrictSchema(selection.schema, tenant.schema, select);
  const base = { stream, tenant, select, schema };

  if (stream.replicationKey === undefined) {
    return { ...base, mode: 'full_table', start: readFullTableBookmark(stream, options.state.bookmark(stream.name)) };
  }
  if (options.fullRefresh) {
    return { ...base, mode: 'incremental', start: { fromMs: 0 }, startSource: 'full_refresh' };
  }

  const bookmark = readIncrementalBookmark(stream, options.state.bookmark(stream.name), (message) => logger.warn(message));
  if (bookmark !== undefined) return { ...base, mode: 'incremental', start: bookmark, startSource: 'bookmark' };
  return { ...base, mode: 'incremental', start: { fromMs: floorToSecond(options.startDateMs) }, startSource: 'start_date' };
}

// The catalog's property definitions win, because users may override types there. Fields it
// lacks, such as the automatic key in a hand-trimmed catalog, come from the tenant schema.
function restrictSchema(catalogSchema: StreamSelection['schema'], tenantSchema: TenantSchema['schema'], select: string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of select) properties[field] = catalogSchema.properties[field] ?? (tenantSchema.properties[field] as JsonSchema);

  const schema: JsonSchema = { ...catalogSchema, properties };
  if (Array.isArray(catalogSchema.required)) schema.required = catalogSchema.required.filter((field) => select.includes(field));
  delete schema.selected;
  return schema;
}
