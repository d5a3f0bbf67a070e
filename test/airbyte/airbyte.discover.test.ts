import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder } from '../helpers/tap-process.js';
import { errorsOf, ofType, runAirbyte, type AirbyteRun, type DiscoveredStream } from './helpers.js';

describe('airbyte: discover', () => {
  let tenant: TestTenant;
  let run: AirbyteRun;
  let streams: DiscoveredStream[];

  before(async () => {
    tenant = await startTestTenant();
    run = await runAirbyte(['discover', '--config', tenant.configPath]);
    streams = ofType(run.messages, 'CATALOG')[0]?.catalog?.streams ?? [];
  });

  after(() => tenant.stop());

  it('writes one CATALOG and exits 0', () => {
    expect(run.code, run.stderr).to.equal(0);
    expect(ofType(run.messages, 'CATALOG')).to.have.length(1);
  });

  it('lists every stream', () => {
    expect(streams.map((stream) => stream.name)).to.deep.equal(streamDefinitions.map((stream) => stream.name));
  });

  it('writes draft-07 schemas without $ref, allOf or not', () => {
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    for (const stream of streams) {
      expect(stream.json_schema.$schema, stream.name).to.equal('http://json-schema.org/draft-07/schema#');
      const text = JSON.stringify(stream.json_schema);
      for (const keyword of ['$ref', 'allOf', 'not']) expect(text, `${stream.name} ${keyword}`).to.not.include(`"${keyword}":`);
      expect(() => ajv.compile(stream.json_schema), stream.name).to.not.throw();
    }
  });

  it('defines the cursor and key in each schema', () => {
    for (const stream of streams) {
      const paths = [...(stream.source_defined_primary_key ?? []), ...(stream.default_cursor_field ? [stream.default_cursor_field] : [])];
      expect(paths, stream.name).to.not.be.empty;
      for (const path of paths) {
        expect(path, stream.name).to.have.length(1);
        expect(stream.json_schema.properties, `${stream.name} ${path.join('.')}`).to.have.property(path[0] as string);
      }
    }
  });

  it('offers incremental sync on streams with a cursor', () => {
    for (const definition of streamDefinitions) {
      const stream = streams.find((entry) => entry.name === definition.name) as DiscoveredStream;
      if (definition.replicationKey === undefined) {
        expect(stream.supported_sync_modes, definition.name).to.deep.equal(['full_refresh']);
        expect(stream.default_cursor_field, definition.name).to.equal(undefined);
      } else {
        expect(stream.supported_sync_modes, definition.name).to.deep.equal(['full_refresh', 'incremental']);
        expect(stream.default_cursor_field, definition.name).to.deep.equal([definition.replicationKey]);
      }
    }
  });

  it('declares a source-defined cursor and key', () => {
    for (const stream of streams) {
      expect(stream.source_defined_cursor, stream.name).to.equal(true);
      expect(stream.source_defined_primary_key, stream.name).to.deep.equal([['Gsid']]);
      expect(stream.is_resumable, stream.name).to.equal(true);
    }
  });

  it('reports an invalid config as a config_error trace', async () => {
    const config = makeWorkFolder().write('no-domain.json', { credentials: { access_token: 'x' } });
    const failed = await runAirbyte(['discover', '--config', config]);

    expect(failed.code).to.equal(2);
    const errors = errorsOf(failed.messages);
    expect(errors).to.have.length(1);
    expect(errors[0]?.failure_type).to.equal('config_error');
    expect(errors[0]?.message).to.include('domain');
  });

  it('reports a wrong key as a config_error trace', async () => {
    const config = makeWorkFolder().write('wrong-key.json', { domain: tenant.simulator.url, credentials: { access_token: 'wrong-access-key-1234' } });
    const failed = await runAirbyte(['discover', '--config', config]);

    expect(failed.code).to.equal(2);
    expect(errorsOf(failed.messages).map((error) => error.failure_type)).to.deep.equal(['config_error']);
  });
});
