import { expect } from 'chai';
import { ConfigError } from '../../src/errors/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { readCatalogSelection } from '../../src/protocol/singer/selection.js';

type Metadata = Record<string, unknown>;

function catalogStream(name: string, streamMetadata: Metadata, fields: Record<string, Metadata | undefined>, schemaExtra: Metadata = {}) {
  const metadata: Array<{ breadcrumb: string[]; metadata: Metadata }> = [{ breadcrumb: [], metadata: streamMetadata }];
  for (const [field, fieldMetadata] of Object.entries(fields)) {
    if (fieldMetadata !== undefined) metadata.push({ breadcrumb: ['properties', field], metadata: fieldMetadata });
  }
  const properties = Object.fromEntries(Object.keys(fields).map((field) => [field, { type: ['null', 'string'] }]));
  return { tap_stream_id: name, stream: name, schema: { type: 'object', properties, ...schemaExtra }, metadata };
}

function select(...streams: unknown[]) {
  return readCatalogSelection({ streams }, '--catalog test.json', silentLogger);
}

const companyFields = {
  Gsid: { inclusion: 'automatic' },
  ModifiedDate: { inclusion: 'automatic' },
  Name: { inclusion: 'available', 'selected-by-default': true },
  Industry: { inclusion: 'available', selected: false },
};

describe('singer: catalog selection', () => {
  it('selects a stream by metadata', () => {
    expect(select(catalogStream('companies', { selected: true }, companyFields)).map((entry) => entry.stream.name)).to.deep.equal(['companies']);
  });

  it('skips a stream selected false', () => {
    expect(select(catalogStream('companies', { selected: false, 'selected-by-default': true }, companyFields))).to.deep.equal([]);
  });

  it('reads string booleans', () => {
    expect(select(catalogStream('companies', { selected: 'false' }, companyFields))).to.have.length(0);
    expect(select(catalogStream('companies', { selected: 'true' }, companyFields))).to.have.length(1);
  });

  it('falls back to selected-by-default', () => {
    expect(select(catalogStream('companies', { 'selected-by-default': true }, companyFields))).to.have.length(1);
  });

  it('honours the legacy schema.selected', () => {
    expect(select(catalogStream('companies', {}, companyFields, { selected: true }))).to.have.length(1);
  });

  it('never selects an unsupported stream', () => {
    expect(select(catalogStream('companies', { inclusion: 'unsupported', selected: true }, companyFields))).to.have.length(0);
  });

  it('keeps automatic fields and drops deselected ones', () => {
    const [selection] = select(catalogStream('companies', { selected: true }, companyFields));
    expect(selection?.fields).to.deep.equal(['Gsid', 'ModifiedDate', 'Name']);
  });

  it('never selects an unsupported field', () => {
    const [selection] = select(catalogStream('companies', { selected: true }, { ...companyFields, Name: { inclusion: 'unsupported', selected: true } }));
    expect(selection?.fields).to.not.include('Name');
  });

  it('adds automatic fields a trimmed catalog lacks', () => {
    const [selection] = select(catalogStream('companies', { selected: true }, { Name: { selected: true } }));
    expect(selection?.fields).to.include.members(['Gsid', 'ModifiedDate', 'Name']);
  });

  it('selects a field with no metadata', () => {
    const [selection] = select(catalogStream('companies', { selected: true }, { ...companyFields, Tags: undefined }));
    expect(selection?.fields).to.include('Tags');
  });

  it('skips an unknown stream beside a known one', () => {
    const selections = select(catalogStream('contracts', { selected: true }, {}), catalogStream('users', { selected: true }, { Gsid: {} }));
    expect(selections.map((entry) => entry.stream.name)).to.deep.equal(['users']);
  });

  it('rejects a catalog of unknown streams only', () => {
    expect(() => select(catalogStream('contracts', { selected: true }, {}))).to.throw(ConfigError, /contracts/);
  });

  it('rejects a catalog without streams', () => {
    expect(() => readCatalogSelection({ stream: [] }, '--catalog x.json', silentLogger)).to.throw(ConfigError, /"streams" list/);
  });

  it('rejects malformed metadata', () => {
    expect(() => select({ tap_stream_id: 'users', schema: { properties: {} }, metadata: [{ breadcrumb: 'x' }] })).to.throw(ConfigError, /breadcrumb/);
  });
});
