import { ConfigError } from '../errors/index.js';

/** The Singer state value, exactly the shape the tap reads back from `--state`. */
export interface StateValue {
  bookmarks: Record<string, unknown>;
  currently_syncing: string | null;
}

/**
 * The bookmarks of a run: those read from the input state, updated as pages are written. Every
 * snapshot carries every stream's current bookmark, including streams not synced this run,
 * because Meltano and most targets keep only the latest STATE.
 */
export class SyncState {
  private readonly bookmarks: Record<string, unknown>;
  private currentlySyncing: string | null;

  constructor(input: StateValue = { bookmarks: {}, currently_syncing: null }) {
    this.bookmarks = { ...input.bookmarks };
    this.currentlySyncing = input.currently_syncing;
  }

  /** The stream the input state was syncing when it was written, if any. */
  get resumeStream(): string | null {
    return this.currentlySyncing;
  }

  bookmark(stream: string): unknown {
    return this.bookmarks[stream];
  }

  /** Sets or, with undefined, removes a stream's bookmark and marks the stream as syncing. */
  update(stream: string, bookmark: unknown): void {
    if (bookmark === undefined) delete this.bookmarks[stream];
    else this.bookmarks[stream] = bookmark;
    this.currentlySyncing = stream;
  }

  /** Marks the run as between streams, for the last STATE of a run. */
  finish(): void {
    this.currentlySyncing = null;
  }

  snapshot(): StateValue {
    return { bookmarks: { ...this.bookmarks }, currently_syncing: this.currentlySyncing };
  }
}

/**
 * Reads a Singer state document. Accepts `{"bookmarks": ..., "currently_syncing": ...}`, the
 * same wrapped in a STATE message (`{"type": "STATE", "value": {...}}`), and `{}`. Other keys
 * are tolerated and dropped; a wrong shape is a `ConfigError` naming the key.
 */
export function readStateValue(document: unknown, source: string): StateValue {
  let value = document;
  if (isObject(value) && value.type === 'STATE' && 'value' in value) value = value.value;
  if (!isObject(value)) throw new ConfigError(`${source}: the state must be a JSON object such as {"bookmarks": {}}`);

  const bookmarks = value.bookmarks ?? {};
  if (!isObject(bookmarks)) throw new ConfigError(`${source}: "bookmarks" must be an object keyed by stream name`);

  const current = value.currently_syncing ?? null;
  if (current !== null && typeof current !== 'string') {
    throw new ConfigError(`${source}: "currently_syncing" must be a stream name or null`);
  }
  return { bookmarks, currently_syncing: current };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
