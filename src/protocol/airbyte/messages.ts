import { TapError, type FailureType } from '../../errors/index.js';
import type { LogLevel } from '../../logging/logger.js';

/** A stream's name, as Airbyte identifies streams; the tap uses no namespaces. */
export interface StreamDescriptor {
  name: string;
}

export type StreamStatus = 'STARTED' | 'RUNNING' | 'COMPLETE' | 'INCOMPLETE';

/** The messages the tap writes in Airbyte mode: `type` and exactly the payload field it names. */
export type AirbyteMessage =
  | { type: 'SPEC'; spec: { connectionSpecification: Record<string, unknown> } }
  | { type: 'CONNECTION_STATUS'; connectionStatus: { status: 'SUCCEEDED' | 'FAILED'; message: string } }
  | { type: 'CATALOG'; catalog: { streams: AirbyteStream[] } }
  | {
      type: 'STATE';
      state: { type: 'STREAM'; stream: { stream_descriptor: StreamDescriptor; stream_state: object }; sourceStats: { recordCount: number } };
    }
  | { type: 'LOG'; log: { level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'; message: string } }
  | { type: 'TRACE'; trace: StreamStatusTrace | ErrorTrace };

/** A stream of the catalog that `discover` writes. */
export interface AirbyteStream {
  name: string;
  json_schema: object;
  supported_sync_modes: Array<'full_refresh' | 'incremental'>;
  source_defined_cursor: boolean;
  default_cursor_field?: string[];
  source_defined_primary_key: string[][];
  is_resumable: boolean;
}

interface StreamStatusTrace {
  type: 'STREAM_STATUS';
  emitted_at: number;
  stream_status: { stream_descriptor: StreamDescriptor; status: StreamStatus };
}

interface ErrorTrace {
  type: 'ERROR';
  emitted_at: number;
  error: {
    message: string;
    internal_message: string;
    stack_trace?: string;
    failure_type: FailureType;
    stream_descriptor?: StreamDescriptor;
  };
}

/** Writes a message as one line of stdout. */
export function formatMessage(message: AirbyteMessage): string {
  return `${JSON.stringify(message)}\n`;
}

export function logMessage(level: LogLevel, message: string): AirbyteMessage {
  return { type: 'LOG', log: { level: level.toUpperCase() as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR', message } };
}

export function streamStatusMessage(stream: string, status: StreamStatus): AirbyteMessage {
  return { type: 'TRACE', trace: { type: 'STREAM_STATUS', emitted_at: Date.now(), stream_status: { stream_descriptor: { name: stream }, status } } };
}

/**
 * Builds a per-stream STATE. `streamState` is the stream's entry under `bookmarks` in the Singer
 * state, or `{}` when it has none. `recordCount` counts the stream's records since its previous
 * STATE.
 */
export function streamStateMessage(stream: string, streamState: object, recordCount: number): AirbyteMessage {
  return {
    type: 'STATE',
    state: { type: 'STREAM', stream: { stream_descriptor: { name: stream }, stream_state: streamState }, sourceStats: { recordCount } },
  };
}

export function connectionStatusMessage(status: 'SUCCEEDED' | 'FAILED', message: string): AirbyteMessage {
  return { type: 'CONNECTION_STATUS', connectionStatus: { status, message } };
}

/**
 * Builds the TRACE ERROR for a failure. A `TapError` carries its own `failure_type`; anything else
 * is a bug, reported as `system_error`. Every text passes `redact`, and the stack trace is
 * included so the platform can show it.
 */
export function errorTraceMessage(error: unknown, redact: (text: string) => string, stream?: string): AirbyteMessage {
  const cause = error instanceof Error ? error : new Error(String(error));
  return {
    type: 'TRACE',
    trace: {
      type: 'ERROR',
      emitted_at: Date.now(),
      error: {
        message: redact(describeFailure(error)),
        internal_message: redact(`${cause.name}: ${cause.message}`),
        ...(cause.stack === undefined ? {} : { stack_trace: redact(cause.stack) }),
        failure_type: error instanceof TapError ? error.failureType : 'system_error',
        ...(stream === undefined ? {} : { stream_descriptor: { name: stream } }),
      },
    },
  };
}

/**
 * Returns the message a user sees for a failure: a `TapError`'s own message, which names the fix,
 * or for anything else (a bug) the error with a request to report it.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof TapError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message}; please report it with the log at LOG_LEVEL=debug`;
}
