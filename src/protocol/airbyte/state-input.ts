import { ConfigError } from '../../errors/index.js';
import { readStateValue, type StateValue } from '../../sync/sync-state.js';

/**
 * Reads the state Airbyte passes to `read` into the Singer state the engine keeps. The usual form
 * is a list of per-stream states, `[{"type": "STREAM", "stream": {"stream_descriptor": {"name":
 * S}, "stream_state": {...}}}]`, whose `stream_state` becomes the bookmark of S. Older platforms
 * pass one object: a single state message, `{"type": "LEGACY", "data": {...}}` holding a Singer
 * state, or a Singer state itself such as `{"bookmarks": {...}}`. A GLOBAL state's stream states
 * are read like STREAM states. A wrong shape is a `ConfigError` naming the entry.
 */
export function readAirbyteState(document: unknown, source: string): StateValue {
  const entries = Array.isArray(document) ? document : isObject(document) && isStateType(document.type) ? [document] : undefined;
  if (entries === undefined) return readStateValue(document, source);

  const state: StateValue = { bookmarks: {}, currently_syncing: null };
  entries.forEach((entry: unknown, index: number) => {
    const where = Array.isArray(document) ? `${source}: [${index}]` : source;
    if (!isObject(entry)) throw new ConfigError(`${where} must be a state object such as {"type": "STREAM", "stream": {...}}`);

    // The protocol reads a state without a type as LEGACY, but one with a `stream` is read as STREAM.
    switch (entry.type ?? (entry.stream === undefined ? 'LEGACY' : 'STREAM')) {
      case 'STREAM':
        addStreamState(state, entry.stream, `${where}.stream`);
        break;
      case 'GLOBAL': {
        const global = entry.global;
        if (!isObject(global) || !Array.isArray(global.stream_states)) throw new ConfigError(`${where}.global must hold a "stream_states" list`);
        global.stream_states.forEach((streamState: unknown, position: number) => addStreamState(state, streamState, `${where}.global.stream_states[${position}]`));
        break;
      }
      case 'LEGACY': {
        const legacy = readStateValue(entry.data ?? {}, `${where}.data`);
        Object.assign(state.bookmarks, legacy.bookmarks);
        state.currently_syncing = legacy.currently_syncing;
        break;
      }
      default:
        throw new ConfigError(`${where}: state type ${JSON.stringify(entry.type)} is not STREAM, GLOBAL or LEGACY`);
    }
  });
  return state;
}

function addStreamState(state: StateValue, value: unknown, where: string): void {
  if (!isObject(value) || !isObject(value.stream_descriptor) || typeof value.stream_descriptor.name !== 'string') {
    throw new ConfigError(`${where} must have a "stream_descriptor" with a stream "name"`);
  }
  const streamState = value.stream_state;
  if (streamState === undefined || streamState === null) return;
  if (!isObject(streamState)) throw new ConfigError(`${where}.stream_state must be an object, as the STATE messages of read hold it`);
  // An empty stream state is what a finished FULL_TABLE stream leaves: no bookmark.
  if (Object.keys(streamState).length > 0) state.bookmarks[value.stream_descriptor.name] = streamState;
}

function isStateType(value: unknown): boolean {
  return value === 'STREAM' || value === 'GLOBAL' || value === 'LEGACY';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
