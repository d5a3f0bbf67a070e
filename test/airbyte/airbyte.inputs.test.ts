import { expect } from 'chai';
import { ConfigError } from '../../src/errors/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { readConfiguredCatalog } from '../../src/protocol/airbyte/configured-catalog.js';
import { readAirbyteState } from '../../src/protocol/airbyte/state-input.js';

const bookmark = { replication_key: 'ModifiedDate', replication_key_value: '2025-01-01T00:00:00.000Z' };

function streamEntry(name: string, properties: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const json_schema = { type: 'object', properties: Object.fromEntries(properties.map((field) => [field, { type: ['null', 'string'] }])) };
  return { stream: { name, json_schema, supported_sync_modes: ['full_refresh', 'incremental'] }, destination_sync_mode: 'append', ...extra };
}

describe('airbyte: configured catalog', () => {
  it('reads the fields left in json_schema', () => {
    const [companies] = readConfiguredCatalog({ streams: [streamEntry('companies', ['Gsid', 'ModifiedDate', 'Name'], { sync_mode: 'incremental' })] }, 'test', silentLogger);
    expect(companies?.selection.fields).to.deep.equal(['Gsid', 'ModifiedDate', 'Name']);
    expect(companies?.syncMode).to.equal('incremental');
  });

  it('always reads the key and cursor', () => {
    const [companies] = readConfiguredCatalog({ streams: [streamEntry('companies', ['Name'], { sync_mode: 'incremental' })] }, 'test', silentLogger);
    expect(companies?.selection.fields).to.deep.equal(['Gsid', 'ModifiedDate', 'Name']);
  });

  it('defaults to full_refresh', () => {
    const [companies] = readConfiguredCatalog({ streams: [streamEntry('companies', ['Gsid'])] }, 'test', silentLogger);
    expect(companies?.syncMode).to.equal('full_refresh');
  });

  it('rejects a stream configured twice', () => {
    const catalog = { streams: [streamEntry('users', ['Gsid']), streamEntry('users', ['Gsid'])] };
    expect(() => readConfiguredCatalog(catalog, 'test', silentLogger)).to.throw(ConfigError, 'configured twice');
  });

  it('rejects a stream without json_schema properties', () => {
    const catalog = { streams: [{ stream: { name: 'users', json_schema: {} }, sync_mode: 'full_refresh' }] };
    expect(() => readConfiguredCatalog(catalog, 'test', silentLogger)).to.throw(ConfigError, 'json_schema');
  });

  it('rejects a document without streams', () => {
    expect(() => readConfiguredCatalog([], 'test', silentLogger)).to.throw(ConfigError, '"streams"');
  });
});

describe('airbyte: state reader', () => {
  it('reads per-stream states as bookmarks', () => {
    const state = readAirbyteState([{ type: 'STREAM', stream: { stream_descriptor: { name: 'companies' }, stream_state: bookmark } }], 'test');
    expect(state).to.deep.equal({ bookmarks: { companies: bookmark }, currently_syncing: null });
  });

  it('skips empty stream states', () => {
    const state = readAirbyteState([{ type: 'STREAM', stream: { stream_descriptor: { name: 'da_picklist' }, stream_state: {} } }], 'test');
    expect(state.bookmarks).to.deep.equal({});
  });

  it('reads the stream states of a GLOBAL state', () => {
    const global = { type: 'GLOBAL', global: { shared_state: {}, stream_states: [{ stream_descriptor: { name: 'users' }, stream_state: bookmark }] } };
    expect(readAirbyteState([global], 'test').bookmarks).to.deep.equal({ users: bookmark });
  });

  it('reads one state message outside a list', () => {
    const single = { type: 'STREAM', stream: { stream_descriptor: { name: 'users' }, stream_state: bookmark } };
    expect(readAirbyteState(single, 'test').bookmarks).to.deep.equal({ users: bookmark });
  });

  it('reads a Singer state with currently_syncing', () => {
    const state = readAirbyteState({ bookmarks: { users: bookmark }, currently_syncing: 'users' }, 'test');
    expect(state).to.deep.equal({ bookmarks: { users: bookmark }, currently_syncing: 'users' });
  });

  it('rejects an unknown state type', () => {
    expect(() => readAirbyteState([{ type: 'SNAPSHOT' }], 'test')).to.throw(ConfigError, 'SNAPSHOT');
  });

  it('rejects a state without a stream name', () => {
    expect(() => readAirbyteState([{ type: 'STREAM', stream: { stream_state: bookmark } }], 'test')).to.throw(ConfigError, 'stream_descriptor');
  });
});
