import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder } from '../helpers/tap-process.js';
import { configureCatalog, discoverStreams, recordsOf, runAirbyte, statesOf, statusesOf, type AirbyteRun, type DiscoveredStream } from './helpers.js';

const work = makeWorkFolder();

function recordsByKey(run: AirbyteRun): Map<string, Record<string, unknown>> {
  return new Map(recordsOf(run.messages).map((record) => [`${record.stream}/${String(record.data.Gsid)}`, record.data]));
}

describe('airbyte: full refresh', () => {
  let tenant: TestTenant;
  let streams: DiscoveredStream[];
  let catalogPath: string;
  let first: AirbyteRun;
  let second: AirbyteRun;

  before(async () => {
    tenant = await startTestTenant({ scale: 150 }, { page_size: 60 });
    streams = await discoverStreams(tenant.configPath);
    catalogPath = work.write('catalog.json', configureCatalog(streams, 'full_refresh'));
    first = await runAirbyte(['read', '--config', tenant.configPath, '--catalog', catalogPath]);
    second = await runAirbyte(['read', '--config', tenant.configPath, '--catalog', catalogPath]);
  });

  after(() => tenant.stop());

  it('reads every row of every stream', async () => {
    expect(first.code, first.stdout.slice(-2000)).to.equal(0);
    for (const stream of streamDefinitions) {
      expect(recordsOf(first.messages, stream.name).length, stream.name).to.equal(await tenant.control.count(stream.objectName));
    }
  });

  it("repeats the first read's records", () => {
    const again = recordsByKey(second);
    for (const [key, data] of recordsByKey(first)) expect(again.get(key), key).to.deep.equal(data);
  });

  it('ends each stream with a STATE and COMPLETE', () => {
    for (const stream of streams) {
      expect(statesOf(second.messages, stream.name), stream.name).to.not.be.empty;
      expect(statusesOf(second.messages, stream.name), stream.name).to.deep.equal(['STARTED', 'RUNNING', 'COMPLETE']);
    }
  });

  it('ignores the bookmark of an incremental stream', async () => {
    const companies = streams.filter((stream) => stream.name === 'companies');
    const state = [
      {
        type: 'STREAM',
        stream: { stream_descriptor: { name: 'companies' }, stream_state: { replication_key: 'ModifiedDate', replication_key_value: '2999-01-01T00:00:00Z' } },
      },
    ];
    const run = await runAirbyte([
      'read',
      '--config',
      tenant.configPath,
      '--catalog',
      work.write('companies.json', configureCatalog(companies, 'full_refresh')),
      '--state',
      work.write('future.json', state),
    ]);

    expect(run.code).to.equal(0);
    expect(recordsOf(run.messages, 'companies').length).to.equal(await tenant.control.count('Company'));
  });
});
