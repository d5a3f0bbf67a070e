import { expect } from 'chai';
import { validateMessage } from './helpers.js';

const descriptor = { name: 'companies' };
const valid: Record<string, unknown> = {
  spec: { type: 'SPEC', spec: { connectionSpecification: { type: 'object', properties: {} } } },
  status: { type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED', message: 'check credentials.access_token' } },
  catalog: {
    type: 'CATALOG',
    catalog: { streams: [{ name: 'companies', json_schema: {}, supported_sync_modes: ['full_refresh'], source_defined_cursor: true, is_resumable: true }] },
  },
  record: { type: 'RECORD', record: { stream: 'companies', data: { Gsid: '1' }, emitted_at: 1_700_000_000_000 } },
  state: { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: descriptor, stream_state: {} }, sourceStats: { recordCount: 5 } } },
  log: { type: 'LOG', log: { level: 'INFO', message: 'started' } },
  error: { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1, error: { message: 'failed', failure_type: 'config_error' } } },
  status_trace: { type: 'TRACE', trace: { type: 'STREAM_STATUS', emitted_at: 1, stream_status: { stream_descriptor: descriptor, status: 'RUNNING' } } },
};

// Each case breaks one rule of a valid message.
const invalid: Record<string, unknown> = {
  'unknown type': { type: 'HEARTBEAT' },
  'type without its payload': { type: 'RECORD' },
  'a second payload': { ...(valid.record as object), state: (valid.state as { state: object }).state },
  'fractional emitted_at': { type: 'RECORD', record: { stream: 'companies', data: {}, emitted_at: 1.5 } },
  'emitted_at as text': { type: 'RECORD', record: { stream: 'companies', data: {}, emitted_at: '1700000000000' } },
  'record data not an object': { type: 'RECORD', record: { stream: 'companies', data: [], emitted_at: 1 } },
  'LEGACY state': { type: 'STATE', state: { type: 'LEGACY', data: {} } },
  'state without descriptor': { type: 'STATE', state: { type: 'STREAM', stream: { stream_state: {} }, sourceStats: { recordCount: 1 } } },
  'state without sourceStats': { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: descriptor, stream_state: {} } } },
  'fractional recordCount': { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: descriptor, stream_state: {} }, sourceStats: { recordCount: 0.5 } } },
  'unknown log level': { type: 'LOG', log: { level: 'NOTICE', message: 'x' } },
  'unknown failure_type': { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1, error: { message: 'x', failure_type: 'fatal_error' } } },
  'error without failure_type': { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1, error: { message: 'x' } } },
  'unknown stream status': { type: 'TRACE', trace: { type: 'STREAM_STATUS', emitted_at: 1, stream_status: { stream_descriptor: descriptor, status: 'DONE' } } },
  'error trace with a status': {
    type: 'TRACE',
    trace: { type: 'ERROR', emitted_at: 1, error: { message: 'x', failure_type: 'system_error' }, stream_status: { stream_descriptor: descriptor, status: 'COMPLETE' } },
  },
  'trace without emitted_at': { type: 'TRACE', trace: { type: 'STREAM_STATUS', stream_status: { stream_descriptor: descriptor, status: 'STARTED' } } },
  'FAILED without message': { type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED' } },
  'unknown connection status': { type: 'CONNECTION_STATUS', connectionStatus: { status: 'OK', message: 'x' } },
  'unknown sync mode': { type: 'CATALOG', catalog: { streams: [{ name: 'companies', json_schema: {}, supported_sync_modes: ['append'] }] } },
  'no sync modes': { type: 'CATALOG', catalog: { streams: [{ name: 'companies', json_schema: {}, supported_sync_modes: [] }] } },
  'primary key not paths': {
    type: 'CATALOG',
    catalog: { streams: [{ name: 'companies', json_schema: {}, supported_sync_modes: ['full_refresh'], source_defined_primary_key: ['Gsid'] }] },
  },
  'spec without connectionSpecification': { type: 'SPEC', spec: {} },
};

describe('airbyte: protocol schemas', () => {
  for (const [name, message] of Object.entries(valid)) {
    it(`accepts a valid ${name} message`, () => {
      const result = validateMessage(message);
      expect(result.valid, result.errors).to.equal(true);
    });
  }

  for (const [name, message] of Object.entries(invalid)) {
    it(`rejects ${name}`, () => {
      expect(validateMessage(message).valid).to.equal(false);
    });
  }
});
