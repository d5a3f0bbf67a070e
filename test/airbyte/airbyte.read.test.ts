import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { companyNumbersBeyondDoubles, startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder } from '../helpers/tap-process.js';
import { configureCatalog, discoverStreams, ofType, recordsOf, runAirbyte, statesOf, statusesOf, type AirbyteRun, type DiscoveredStream } from './helpers.js';

const accessKey = 'read-test-access-key-0123456789';

describe('airbyte: read', () => {
  let tenant: TestTenant;
  let streams: DiscoveredStream[];
  let run: AirbyteRun;

  before(async () => {
    tenant = await startTestTenant({ scale: 300, accessKey }, { page_size: 120 });
    streams = await discoverStreams(tenant.configPath);
    const catalog = makeWorkFolder().write('catalog.json', configureCatalog(streams, 'incremental'));
    run = await runAirbyte(['read', '--config', tenant.configPath, '--catalog', catalog]);
  });

  after(() => tenant.stop());

  it('exits 0 with only Airbyte messages on stdout', () => {
    expect(run.code, run.stdout.slice(-2000)).to.equal(0);
    expect(run.messages.length).to.equal(run.stdout.split('\n').filter((line) => line !== '').length);
  });

  it("emits the simulator's row count per stream", async () => {
    for (const stream of streamDefinitions) {
      expect(recordsOf(run.messages, stream.name).length, stream.name).to.equal(await tenant.control.count(stream.objectName));
    }
  });

  it('validates records against the discovered schemas', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validators = new Map(streams.map((stream) => [stream.name, ajv.compile(stream.json_schema)]));

    for (const record of recordsOf(run.messages)) {
      const validate = validators.get(record.stream);
      expect(validate?.(record.data), `${record.stream} ${JSON.stringify(validate?.errors)}`).to.equal(true);
    }
  });

  it('stamps records with integer epoch milliseconds', () => {
    const started = Date.now() - 120_000;
    for (const record of recordsOf(run.messages)) {
      expect(Number.isInteger(record.emitted_at)).to.equal(true);
      expect(record.emitted_at).to.be.within(started, Date.now());
    }
  });

  it('reports STARTED, RUNNING, COMPLETE per stream', () => {
    for (const stream of streams) expect(statusesOf(run.messages, stream.name), stream.name).to.deep.equal(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('writes at least one STATE per stream', () => {
    for (const stream of streams) expect(statesOf(run.messages, stream.name), stream.name).to.not.be.empty;
  });

  it('counts every record in sourceStats', () => {
    for (const stream of streams) {
      const counted = statesOf(run.messages, stream.name).reduce((total, state) => total + state.sourceStats.recordCount, 0);
      expect(counted, stream.name).to.equal(recordsOf(run.messages, stream.name).length);
    }
  });

  it('counts records since the previous STATE', () => {
    const sinceState = new Map<string, number>();
    for (const message of run.messages) {
      if (message.record) sinceState.set(message.record.stream, (sinceState.get(message.record.stream) ?? 0) + 1);
      if (message.state) {
        const name = message.state.stream.stream_descriptor.name;
        expect(message.state.sourceStats.recordCount, name).to.equal(sinceState.get(name) ?? 0);
        sinceState.set(name, 0);
      }
    }
  });

  it('keeps the bookmark as the stream state', () => {
    const companies = statesOf(run.messages, 'companies');
    const last = companies[companies.length - 1]?.stream.stream_state;
    expect(last?.replication_key).to.equal('ModifiedDate');
    expect(Date.parse(String(last?.replication_key_value))).to.be.greaterThan(Date.parse('2025-12-31T00:00:00Z'));
  });

  it('ends the FULL_TABLE stream with an empty state', () => {
    const picklist = statesOf(run.messages, 'da_picklist');
    expect(picklist[picklist.length - 1]?.stream.stream_state).to.deep.equal({});
  });

  it('sends logs as LOG messages', () => {
    const logs = ofType(run.messages, 'LOG').map((message) => message.log?.message ?? '');
    expect(logs.some((message) => message.includes('sync summary'))).to.equal(true);
    expect(run.stderr).to.equal('');
  });

  it('keeps every digit of numbers above 2^53', async () => {
    const big = await companyNumbersBeyondDoubles(tenant.simulator);
    expect(big, 'the simulator serves numbers above 2^53').to.not.be.empty;
    for (const digits of big) expect(run.stdout).to.include(`"ErpAccountNumber__gc":${digits}`);
  });

  it('never prints the access key', () => {
    expect(run.stdout).to.not.include(accessKey);
  });
});
