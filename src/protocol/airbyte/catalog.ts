import type { TenantSchema } from '../../streams/tenant-schema.js';
import type { AirbyteStream } from './messages.js';

/**
 * Builds a stream's entry in the Airbyte catalog from its tenant schema. The tap defines the
 * cursor (the replication key) and the primary key (`Gsid`). Every stream is resumable: an
 * incremental stream's state is its bookmark, and a FULL_TABLE stream's state contains the last Gsid
 * written until the table has been read to its end.
 */
export function airbyteStream(tenant: TenantSchema): AirbyteStream {
  const { stream, schema } = tenant;
  const cursor = stream.replicationKey;

  return {
    name: stream.name,
    json_schema: schema,
    supported_sync_modes: cursor === undefined ? ['full_refresh'] : ['full_refresh', 'incremental'],
    source_defined_cursor: true,
    ...(cursor === undefined ? {} : { default_cursor_field: [cursor] }),
    source_defined_primary_key: [[stream.keyProperty]],
    is_resumable: true,
  };
}
