import { floorToSecond, formatInstant, parseInstant } from '../dates/instant.js';
import { ConfigError } from '../errors/index.js';
import type { StreamDefinition } from '../streams/definitions.js';

/**
 * The progress of an incremental stream. Every row whose replication key is earlier than `fromMs`
 * has been emitted. When `lastGsid` is set, the rows in the second starting at `fromMs` whose
 * Gsid sorts at or before it have been emitted too (a tie group was being drained).
 */
export interface IncrementalPosition {
  /** Epoch milliseconds, always a whole second. */
  fromMs: number;
  lastGsid?: string;
}

/** The progress of a FULL_TABLE stream within a run: rows up to `lastGsid` have been emitted. */
export interface FullTablePosition {
  lastGsid?: string;
}

/** A stream's entry under `bookmarks` in the Singer state, as written. */
export interface IncrementalBookmark {
  replication_key: string;
  /** RFC 3339 UTC; see `IncrementalPosition.fromMs`. */
  replication_key_value: string;
  last_gsid?: string;
}

export interface FullTableBookmark {
  last_gsid?: string;
}

/** Writes an incremental position as a state bookmark. */
export function incrementalBookmark(stream: StreamDefinition, position: IncrementalPosition): IncrementalBookmark {
  const bookmark: IncrementalBookmark = {
    replication_key: stream.replicationKey as string,
    replication_key_value: formatInstant(position.fromMs),
  };
  if (position.lastGsid !== undefined) bookmark.last_gsid = position.lastGsid;
  return bookmark;
}

/** Writes a FULL_TABLE position as a state bookmark; a finished table has no bookmark. */
export function fullTableBookmark(position: FullTablePosition): FullTableBookmark | undefined {
  return position.lastGsid === undefined ? undefined : { last_gsid: position.lastGsid };
}

/**
 * Reads an incremental stream's bookmark from the input state. Returns undefined when there is
 * none, or when it tracks another replication key (the stream then starts from `start_date`).
 * The value is compared as an instant, never as text, and is rounded down to its second, so a
 * bookmark written by another tool with milliseconds re-reads at most that one second.
 */
export function readIncrementalBookmark(
  stream: StreamDefinition,
  bookmark: unknown,
  warn: (message: string) => void,
): IncrementalPosition | undefined {
  if (bookmark === undefined || bookmark === null) return undefined;
  const path = `state: bookmarks.${stream.name}`;
  if (typeof bookmark !== 'object' || Array.isArray(bookmark)) {
    throw new ConfigError(`${path} must be an object such as {"replication_key": "${stream.replicationKey}", "replication_key_value": "2024-01-01T00:00:00Z"}`);
  }

  const entry = bookmark as Record<string, unknown>;
  if (entry.replication_key !== undefined && entry.replication_key !== stream.replicationKey) {
    warn(`${path} tracks ${String(entry.replication_key)}, not ${stream.replicationKey}; the stream starts from start_date`);
    return undefined;
  }
  if (entry.replication_key_value === undefined || entry.replication_key_value === null) return undefined;

  const value = parseInstant(entry.replication_key_value);
  if (value === undefined) {
    throw new ConfigError(`${path}.replication_key_value ${JSON.stringify(entry.replication_key_value)} is not a date-time; use RFC 3339 such as 2024-01-01T00:00:00Z`);
  }

  const position: IncrementalPosition = { fromMs: floorToSecond(value) };
  if (entry.last_gsid !== undefined) {
    if (typeof entry.last_gsid !== 'string' || entry.last_gsid === '') {
      throw new ConfigError(`${path}.last_gsid must be a non-empty Gsid string`);
    }
    // A tie-breaker is only meaningful at the exact second it was written for.
    if (value === position.fromMs) position.lastGsid = entry.last_gsid;
  }
  return position;
}

/** Reads a FULL_TABLE stream's bookmark: where an interrupted run stopped, if it did. */
export function readFullTableBookmark(stream: StreamDefinition, bookmark: unknown): FullTablePosition {
  if (bookmark === undefined || bookmark === null) return {};
  const path = `state: bookmarks.${stream.name}`;
  if (typeof bookmark !== 'object' || Array.isArray(bookmark)) throw new ConfigError(`${path} must be an object`);

  const lastGsid = (bookmark as Record<string, unknown>).last_gsid;
  if (lastGsid === undefined || lastGsid === null) return {};
  if (typeof lastGsid !== 'string' || lastGsid === '') throw new ConfigError(`${path}.last_gsid must be a non-empty Gsid string`);
  return { lastGsid };
}

/** Returns the later of two positions, so a bookmark never moves backwards. */
export function laterPosition(a: IncrementalPosition, b: IncrementalPosition): IncrementalPosition {
  if (a.fromMs !== b.fromMs) return a.fromMs > b.fromMs ? a : b;
  // At the same second, a drained tie-breaker means more rows were emitted than none.
  if (a.lastGsid === undefined) return b;
  if (b.lastGsid === undefined) return a;
  return a.lastGsid >= b.lastGsid ? a : b;
}
