import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder } from '../helpers/tap-process.js';
import {
  configureCatalog,
  discoverStreams,
  recordsOf,
  runAirbyte,
  stateInput,
  statesOf,
  statusesOf,
  type AirbyteMessage,
  type AirbyteRun,
  type DiscoveredStream,
} from './helpers.js';

const work = makeWorkFolder();
const pageSize = 50;

/** Writes a configured catalog of the incremental streams, or of the named ones. */
function incrementalCatalog(streams: DiscoveredStream[], names?: string[]): string {
  const chosen = streams.filter((stream) => stream.supported_sync_modes.includes('incremental') && (names === undefined || names.includes(stream.name)));
  return work.write(`catalog-${names?.join('-') ?? 'incremental'}.json`, configureCatalog(chosen, 'incremental'));
}

function gsidsOf(messages: AirbyteMessage[], stream: string): string[] {
  return recordsOf(messages, stream).map((record) => record.data.Gsid as string);
}

async function read(configPath: string, catalogPath: string, state?: object): Promise<AirbyteRun> {
  const args = ['read', '--config', configPath, '--catalog', catalogPath];
  if (state !== undefined) args.push('--state', work.write(`state-${Math.random().toString(36).slice(2)}.json`, state));
  const run = await runAirbyte(args);
  expect(run.code, run.stdout.slice(-2000)).to.equal(0);
  return run;
}

describe('airbyte: sequential reads', () => {
  let tenant: TestTenant;
  let streams: DiscoveredStream[];
  let catalogPath: string;
  let first: AirbyteRun;
  let second: AirbyteRun;
  let changed: { companies: string[]; users: string[] };

  before(async () => {
    tenant = await startTestTenant({ scale: 200 }, { page_size: pageSize });
    streams = await discoverStreams(tenant.configPath);
    catalogPath = incrementalCatalog(streams);
    first = await read(tenant.configPath, catalogPath);

    changed = { companies: gsidsOf(first.messages, 'companies').slice(5, 8), users: gsidsOf(first.messages, 'users').slice(0, 2) };
    for (const gsid of changed.companies) await tenant.control.update('Company', gsid, { Name: `Renamed ${gsid}` });
    for (const gsid of changed.users) await tenant.control.update('gsuser', gsid, { Name: `Renamed ${gsid}` });
    // A read includes changes made before the second it starts in, so the next one waits a second.
    await sleep(1100);
    second = await read(tenant.configPath, catalogPath, stateInput(statesOf(first.messages)));
  });

  after(() => tenant.stop());

  it('emits records in the first read', () => {
    expect(recordsOf(first.messages)).to.not.be.empty;
    expect(statesOf(first.messages)).to.not.be.empty;
  });

  it('emits only changed rows in the second read', () => {
    expect(gsidsOf(second.messages, 'companies').sort()).to.deep.equal([...changed.companies].sort());
    expect(gsidsOf(second.messages, 'users').sort()).to.deep.equal([...changed.users].sort());
    expect(recordsOf(second.messages).length).to.equal(changed.companies.length + changed.users.length);
  });

  it('emits the changed values in the second read', () => {
    for (const record of recordsOf(second.messages)) expect(record.data.Name).to.equal(`Renamed ${String(record.data.Gsid)}`);
  });

  it('completes every stream of the second read', () => {
    for (const stream of streams.filter((entry) => entry.supported_sync_modes.includes('incremental'))) {
      expect(statusesOf(second.messages, stream.name), stream.name).to.deep.equal(['STARTED', 'RUNNING', 'COMPLETE']);
      expect(statesOf(second.messages, stream.name), stream.name).to.not.be.empty;
    }
  });
});

describe('airbyte: future state', () => {
  let tenant: TestTenant;
  let streams: DiscoveredStream[];
  let run: AirbyteRun;

  before(async () => {
    tenant = await startTestTenant({ scale: 100 });
    streams = (await discoverStreams(tenant.configPath)).filter((stream) => stream.supported_sync_modes.includes('incremental'));
    const future = streams.map((stream) => ({
      type: 'STREAM',
      stream: {
        stream_descriptor: { name: stream.name },
        stream_state: { replication_key: stream.default_cursor_field?.[0], replication_key_value: '2999-12-31T00:00:00.000Z' },
      },
    }));
    run = await read(tenant.configPath, incrementalCatalog(streams), future);
  });

  after(() => tenant.stop());

  it('emits no records', () => {
    expect(recordsOf(run.messages)).to.be.empty;
  });

  it('writes a STATE per stream', () => {
    for (const stream of streams) expect(statesOf(run.messages, stream.name), stream.name).to.have.length(1);
  });

  it('keeps the future bookmark', () => {
    for (const state of statesOf(run.messages)) expect(state.stream.stream_state.replication_key_value).to.equal('2999-12-31T00:00:00.000Z');
  });

  it('completes every stream', () => {
    for (const stream of streams) expect(statusesOf(run.messages, stream.name), stream.name).to.deep.equal(['STARTED', 'RUNNING', 'COMPLETE']);
  });
});

// Airbyte's acceptance tests read one stream, then read again from each of its checkpoints and
// expect at least the records that the later states' sourceStats counted. Resuming from a
// bookmark may repeat rows of the page it was written after, never more.
describe('airbyte: replay from checkpoints', () => {
  let tenant: TestTenant;
  let catalogPath: string;
  let first: AirbyteRun;

  before(async () => {
    tenant = await startTestTenant({ scale: 200 }, { page_size: pageSize });
    catalogPath = incrementalCatalog(await discoverStreams(tenant.configPath), ['companies']);
    first = await read(tenant.configPath, catalogPath);
  });

  after(() => tenant.stop());

  it('writes several checkpoints', () => {
    expect(statesOf(first.messages).length).to.be.greaterThan(3);
  });

  it('returns what sourceStats promised from each checkpoint', async function () {
    this.timeout(60_000);
    const states = statesOf(first.messages);
    // Gsids emitted after each STATE: the rows that the later states counted.
    const after: string[][] = states.map(() => []);
    let index = -1;
    for (const message of first.messages) {
      if (message.state) index += 1;
      if (message.record) for (let earlier = 0; earlier <= index; earlier += 1) after[earlier]?.push(message.record.data.Gsid as string);
    }

    for (const [position, state] of states.entries()) {
      const promised = states.slice(position + 1).reduce((total, later) => total + later.sourceStats.recordCount, 0);
      const replay = gsidsOf((await read(tenant.configPath, catalogPath, stateInput([state]))).messages, 'companies');
      const where = `checkpoint ${position + 1} of ${states.length}: ${JSON.stringify(state.stream.stream_state)}`;

      expect(after[position], where).to.have.length(promised);
      expect(replay.length, where).to.be.at.least(promised);
      expect(replay.length, where).to.be.at.most(promised + pageSize);
      expect(replay, where).to.include.members(after[position] as string[]);
    }
  });
});
