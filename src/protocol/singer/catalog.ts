import type { JsonSchema } from '../../streams/json-schema.js';
import type { TenantSchema } from '../../streams/tenant-schema.js';

/** One `metadata` entry of a Singer catalog stream. */
export interface MetadataEntry {
  breadcrumb: string[];
  metadata: Record<string, unknown>;
}

/** A stream of a Singer catalog, as discover writes it. */
export interface CatalogStream {
  tap_stream_id: string;
  stream: string;
  schema: JsonSchema;
  key_properties: string[];
  replication_method: 'INCREMENTAL' | 'FULL_TABLE';
  replication_key?: string;
  metadata: MetadataEntry[];
}

export interface Catalog {
  streams: CatalogStream[];
}

/**
 * Builds a stream's catalog entry from its tenant schema. The key and the replication key are
 * `automatic` (always emitted). Every other field is `available` and selected by default, so a
 * catalog used as discovered syncs every stream and field.
 */
export function catalogStream(tenant: TenantSchema): CatalogStream {
  const { stream, schema } = tenant;
  const incremental = stream.replicationKey !== undefined;
  const automatic = new Set([stream.keyProperty, stream.replicationKey]);

  const metadata: MetadataEntry[] = [
    {
      breadcrumb: [],
      metadata: {
        inclusion: 'available',
        'selected-by-default': true,
        'table-key-properties': [stream.keyProperty],
        'forced-replication-method': incremental ? 'INCREMENTAL' : 'FULL_TABLE',
        'valid-replication-keys': incremental ? [stream.replicationKey] : [],
      },
    },
  ];
  for (const field of Object.keys(schema.properties)) {
    metadata.push({
      breadcrumb: ['properties', field],
      metadata: { inclusion: automatic.has(field) ? 'automatic' : 'available', 'selected-by-default': true },
    });
  }

  return {
    tap_stream_id: stream.name,
    stream: stream.name,
    schema,
    key_properties: [stream.keyProperty],
    replication_method: incremental ? 'INCREMENTAL' : 'FULL_TABLE',
    ...(incremental ? { replication_key: stream.replicationKey as string } : {}),
    metadata,
  };
}
