import { ConfigError } from '../../errors/index.js';
import type { Logger } from '../../logging/logger.js';
import { findStream, type StreamDefinition } from '../../streams/definitions.js';
import type { StreamSelection } from '../../sync/stream-plan.js';

/**
 * Reads stream and field selection from a Singer catalog (`--catalog`, or `--properties` from
 * older tools), by the rules singer-python and the Meltano SDK apply:
 * `inclusion: unsupported` is never selected and `automatic` always; then an explicit `selected`
 * in metadata (the legacy `schema.selected` also counts for streams); then `selected-by-default`.
 * A deselected stream deselects its fields. Some tools write `"true"`/`"false"` as strings; they
 * are read as booleans.
 */
export function readCatalogSelection(document: unknown, source: string, logger: Logger): StreamSelection[] {
  if (!isObject(document) || !Array.isArray(document.streams)) {
    throw new ConfigError(`${source}: a catalog must be an object with a "streams" list; create one with --discover`);
  }

  const selections: StreamSelection[] = [];
  const unknownSelected: string[] = [];

  document.streams.forEach((entry: unknown, index: number) => {
    const where = `${source}: streams[${index}]`;
    if (!isObject(entry)) throw new ConfigError(`${where} must be an object`);
    let name: string | undefined;
    if (typeof entry.tap_stream_id === 'string') name = entry.tap_stream_id;
    else if (typeof entry.stream === 'string') name = entry.stream;
    if (name === undefined) throw new ConfigError(`${where} has no "tap_stream_id"`);
    if (!isObject(entry.schema) || !isObject(entry.schema.properties)) throw new ConfigError(`${where} (${name}) has no "schema" with "properties"`);
    const metadata = readMetadata(entry.metadata, `${where} (${name})`);

    const streamMetadata = metadata.get('') ?? {};
    if (!isSelected(streamMetadata, entry.schema.selected)) return;

    const stream = findStream(name);
    if (stream === undefined) {
      unknownSelected.push(name);
      return;
    }

    const schema = entry.schema as StreamSelection['schema'];
    const automatic = new Set<string>([stream.keyProperty, ...(stream.replicationKey ? [stream.replicationKey] : [])]);
    const fields: string[] = [];
    for (const [field, property] of Object.entries(schema.properties)) {
      const fieldMetadata = metadata.get(`properties/${field}`) ?? {};
      const legacySelected = isObject(property) ? property.selected : undefined;
      if (automatic.has(field) || isSelected(fieldMetadata, legacySelected, true)) fields.push(field);
    }
    for (const field of automatic) if (!fields.includes(field)) fields.unshift(field);

    selections.push({ stream, fields, schema });
  });

  if (selections.length === 0 && unknownSelected.length > 0) {
    throw new ConfigError(`${source} selects only streams this tap does not know (${unknownSelected.join(', ')}); run --discover for a current catalog`);
  }
  for (const name of unknownSelected) logger.warn('catalog selects a stream this tap does not know; skipped', { stream: name });
  return selections;
}

/** Returns every stream with every field, as when no catalog is given. */
export function selectEverything(streams: readonly StreamDefinition[], schemas: Map<string, StreamSelection['schema']>): StreamSelection[] {
  return streams.flatMap((stream) => {
    const schema = schemas.get(stream.name);
    return schema === undefined ? [] : [{ stream, fields: Object.keys(schema.properties), schema }];
  });
}

function isSelected(metadata: Record<string, unknown>, legacySelected: unknown, fallback = false): boolean {
  const inclusion = metadata.inclusion;
  if (inclusion === 'unsupported') return false;
  if (inclusion === 'automatic') return true;

  const selected = readBoolean(metadata.selected) ?? readBoolean(legacySelected);
  if (selected !== undefined) return selected;
  return readBoolean(metadata['selected-by-default']) ?? fallback;
}

function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

// Metadata entries keyed by their breadcrumb joined with "/": "" for the stream, "properties/X" for a field.
function readMetadata(value: unknown, where: string): Map<string, Record<string, unknown>> {
  const entries = new Map<string, Record<string, unknown>>();
  if (value === undefined) return entries;
  if (!Array.isArray(value)) throw new ConfigError(`${where}: "metadata" must be a list`);

  for (const entry of value) {
    if (!isObject(entry) || !Array.isArray(entry.breadcrumb) || !isObject(entry.metadata)) {
      throw new ConfigError(`${where}: each metadata entry needs a "breadcrumb" list and a "metadata" object`);
    }
    entries.set(entry.breadcrumb.join('/'), entry.metadata);
  }
  return entries;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
