import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { runTap, type TapRun, type TapRunOptions } from '../helpers/tap-process.js';

/** Folder of the JSON Schemas of the Airbyte messages, written from the protocol's specification. */
export const protocolSchemasFolder = join(packageRoot, 'test', 'airbyte', 'protocol-schemas');

/** An Airbyte message as the tests read it; `parseAirbyteMessages` has validated its shape. */
export interface AirbyteMessage {
  type: 'SPEC' | 'CONNECTION_STATUS' | 'CATALOG' | 'RECORD' | 'STATE' | 'LOG' | 'TRACE';
  spec?: { connectionSpecification: Record<string, unknown> };
  connectionStatus?: { status: 'SUCCEEDED' | 'FAILED'; message?: string };
  catalog?: { streams: DiscoveredStream[] };
  record?: { stream: string; data: Record<string, unknown>; emitted_at: number };
  state?: { type: 'STREAM'; stream: { stream_descriptor: { name: string }; stream_state: Record<string, unknown> }; sourceStats: { recordCount: number } };
  log?: { level: string; message: string };
  trace?: {
    type: 'ERROR' | 'STREAM_STATUS';
    emitted_at: number;
    error?: { message: string; internal_message?: string; stack_trace?: string; failure_type: string; stream_descriptor?: { name: string } };
    stream_status?: { stream_descriptor: { name: string }; status: string };
  };
}

export interface DiscoveredStream {
  name: string;
  json_schema: Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  supported_sync_modes: string[];
  source_defined_cursor?: boolean;
  default_cursor_field?: string[];
  source_defined_primary_key?: string[][];
  is_resumable?: boolean;
}

export type StateMessage = NonNullable<AirbyteMessage['state']>;

// Each schema's `$id` is a file name under this base, so `$ref`s between them name the file. The
// host is in the reserved `.invalid` domain: nothing is ever fetched from it.
const schemaBase = 'https://tap-gainsight.invalid/airbyte-protocol/';
let messageValidator: ValidateFunction | undefined;

/** Returns the validator of one Airbyte message, built from every schema in the folder. */
export function validateMessage(message: unknown): { valid: boolean; errors: string } {
  if (messageValidator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    for (const file of readdirSync(protocolSchemasFolder).filter((name) => name.endsWith('.schema.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(protocolSchemasFolder, file), 'utf8')));
    }
    messageValidator = ajv.getSchema(`${schemaBase}message.schema.json`);
    if (messageValidator === undefined) throw new Error('message.schema.json is missing');
  }
  const valid = messageValidator(message) as boolean;
  return { valid, errors: valid ? '' : JSON.stringify(messageValidator.errors) };
}

/** Parses stdout, one message per line; throws on a line that is not a valid Airbyte message. */
export function parseAirbyteMessages(stdout: string): AirbyteMessage[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line, index) => {
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        throw new Error(`stdout line ${index + 1} is not JSON: ${line.slice(0, 200)}`);
      }
      const { valid, errors } = validateMessage(message);
      if (!valid) throw new Error(`stdout line ${index + 1} is not a valid Airbyte message: ${errors}\n${line.slice(0, 300)}`);
      return message as AirbyteMessage;
    });
}

/** A finished Airbyte command: its exit status, parsed messages and stderr. */
export interface AirbyteRun extends TapRun {
  messages: AirbyteMessage[];
}

/** Runs `tap-gainsight` with an Airbyte command and validates every line it writes to stdout. */
export async function runAirbyte(args: string[], options: TapRunOptions = {}): Promise<AirbyteRun> {
  const run = await runTap(args, options);
  return { ...run, messages: parseAirbyteMessages(run.stdout) };
}

export function ofType(messages: AirbyteMessage[], type: AirbyteMessage['type']): AirbyteMessage[] {
  return messages.filter((message) => message.type === type);
}

/** Returns the RECORD payloads, of one stream or of all. */
export function recordsOf(messages: AirbyteMessage[], stream?: string): Array<NonNullable<AirbyteMessage['record']>> {
  return messages.flatMap((message) => (message.record && (stream === undefined || message.record.stream === stream) ? [message.record] : []));
}

/** Returns the STATE payloads, of one stream or of all. */
export function statesOf(messages: AirbyteMessage[], stream?: string): StateMessage[] {
  return messages.flatMap((message) =>
    message.state && (stream === undefined || message.state.stream.stream_descriptor.name === stream) ? [message.state] : [],
  );
}

/** Returns the stream statuses of one stream, in order. */
export function statusesOf(messages: AirbyteMessage[], stream: string): string[] {
  return messages.flatMap((message) =>
    message.trace?.stream_status?.stream_descriptor.name === stream ? [message.trace.stream_status.status] : [],
  );
}

/** Returns the error traces. */
export function errorsOf(messages: AirbyteMessage[]): Array<NonNullable<NonNullable<AirbyteMessage['trace']>['error']>> {
  return messages.flatMap((message) => (message.trace?.error ? [message.trace.error] : []));
}

/**
 * Builds a configured catalog from discovered streams, as the platform does: each stream in the
 * given sync mode, or in full_refresh where it supports only that.
 */
export function configureCatalog(streams: DiscoveredStream[], syncMode: 'incremental' | 'full_refresh'): object {
  return {
    streams: streams.map((stream) => {
      const mode = stream.supported_sync_modes.includes(syncMode) ? syncMode : 'full_refresh';
      return {
        stream,
        sync_mode: mode,
        ...(mode === 'incremental' ? { cursor_field: stream.default_cursor_field } : {}),
        destination_sync_mode: 'append',
        primary_key: stream.source_defined_primary_key,
      };
    }),
  };
}

/**
 * Builds the `--state` input from STATE messages as the acceptance tests do: each stream's latest
 * state, as a list of per-stream states.
 */
export function stateInput(states: StateMessage[]): object[] {
  const latest = new Map<string, Record<string, unknown>>();
  for (const state of states) latest.set(state.stream.stream_descriptor.name, state.stream.stream_state);
  return [...latest].map(([name, streamState]) => ({ type: 'STREAM', stream: { stream_descriptor: { name }, stream_state: streamState } }));
}

/** Runs discover against a config and returns the catalog's streams. */
export async function discoverStreams(configPath: string): Promise<DiscoveredStream[]> {
  const run = await runAirbyte(['discover', '--config', configPath]);
  if (run.code !== 0) throw new Error(`discover failed with status ${run.code}: ${run.stdout}`);
  const catalog = ofType(run.messages, 'CATALOG')[0]?.catalog;
  if (catalog === undefined) throw new Error('discover wrote no CATALOG');
  return catalog.streams;
}
