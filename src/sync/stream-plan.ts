import type { StreamDefinition } from '../streams/definitions.js';
import type { JsonSchema } from '../streams/json-schema.js';
import type { TenantSchema } from '../streams/tenant-schema.js';
import type { FullTablePosition, IncrementalPosition } from './bookmark.js';

/** The read plan of one stream in a run, whichever protocol requested it. */
export type StreamPlan = {
  stream: StreamDefinition;
  tenant: TenantSchema;
  /** Fields to request and emit, in schema order; always includes the key and the replication key. */
  select: string[];
  /** The schema to announce: the catalog's schema restricted to `select`. */
  schema: JsonSchema;
} & (
  | { mode: 'incremental'; start: IncrementalPosition; startSource: 'bookmark' | 'start_date' | 'full_refresh' }
  | { mode: 'full_table'; start: FullTablePosition }
);

/** A stream a catalog selects, with the fields it selects. */
export interface StreamSelection {
  stream: StreamDefinition;
  /** Selected fields in the catalog schema's order; the key and replication key are always in. */
  fields: string[];
  /** The catalog's schema for the stream, which may carry the user's overrides. */
  schema: JsonSchema & { properties: Record<string, JsonSchema> };
}
