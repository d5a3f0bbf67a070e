import { ConfigError } from '../../errors/index.js';
import type { Logger } from '../../logging/logger.js';
import { findStream, streamDefinitions } from '../../streams/definitions.js';
import type { StreamSelection } from '../../sync/stream-plan.js';

export type SyncMode = 'full_refresh' | 'incremental';

/** A stream of the configured catalog: what to read and how. */
export interface ConfiguredStream {
  selection: StreamSelection;
  syncMode: SyncMode;
}

/**
 * Reads the configured catalog that Airbyte passes to `read`. Each entry names a discovered
 * stream, its sync mode and its `json_schema`. The schema's properties are the fields to read,
 * because Airbyte's field selection removes properties, and the key and the cursor field are
 * always read. An unknown stream, a repeated stream or a sync mode the stream does not support is
 * a `ConfigError`.
 */
export function readConfiguredCatalog(document: unknown, source: string, logger: Logger): ConfiguredStream[] {
  if (!isObject(document) || !Array.isArray(document.streams)) {
    throw new ConfigError(`${source}: a configured catalog must be an object with a "streams" list`);
  }

  const configured: ConfiguredStream[] = [];
  document.streams.forEach((entry: unknown, index: number) => {
    const where = `${source}: streams[${index}]`;
    if (!isObject(entry) || !isObject(entry.stream) || typeof entry.stream.name !== 'string') {
      throw new ConfigError(`${where} must be an object with a "stream" that has a "name"`);
    }
    const name = entry.stream.name;

    const stream = findStream(name);
    if (stream === undefined) {
      const known = streamDefinitions.map((definition) => definition.name).join(', ');
      throw new ConfigError(`${where}: stream "${name}" is not a stream of this source; use one of ${known}, as discover lists them`);
    }
    if (configured.some((other) => other.selection.stream.name === name)) {
      throw new ConfigError(`${where}: stream "${name}" is configured twice; keep one entry`);
    }

    const syncMode = readSyncMode(entry.sync_mode, `${where} (${name})`, stream.replicationKey !== undefined);
    if (syncMode === 'incremental' && Array.isArray(entry.cursor_field) && entry.cursor_field.join('.') !== stream.replicationKey) {
      // The cursor is source-defined, so the protocol has sources ignore any other cursor field.
      logger.warn('the configured cursor_field is ignored; the stream is read by its source-defined cursor', {
        stream: name,
        cursor_field: entry.cursor_field.join('.'),
        cursor: stream.replicationKey,
      });
    }

    const schema = entry.stream.json_schema;
    if (!isObject(schema) || !isObject(schema.properties)) {
      throw new ConfigError(`${where} (${name}): "stream.json_schema" must be an object with "properties", as discover writes it`);
    }
    const fields = Object.keys(schema.properties);
    for (const automatic of [stream.replicationKey, stream.keyProperty]) {
      if (automatic !== undefined && !fields.includes(automatic)) fields.unshift(automatic);
    }

    configured.push({ selection: { stream, fields, schema: schema as StreamSelection['schema'] }, syncMode });
  });
  return configured;
}

function readSyncMode(value: unknown, where: string, incremental: boolean): SyncMode {
  // The protocol's default sync mode is full_refresh.
  if (value === undefined || value === 'full_refresh') return 'full_refresh';
  if (value === 'incremental') {
    if (!incremental) throw new ConfigError(`${where}: sync_mode incremental is not supported by this stream; use full_refresh`);
    return 'incremental';
  }
  throw new ConfigError(`${where}: sync_mode ${JSON.stringify(value)} is not a sync mode; use full_refresh or incremental`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
