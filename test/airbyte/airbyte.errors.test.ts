import { expect } from 'chai';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder } from '../helpers/tap-process.js';
import { configureCatalog, discoverStreams, errorsOf, recordsOf, runAirbyte, statusesOf, type AirbyteRun, type DiscoveredStream } from './helpers.js';

const work = makeWorkFolder();

describe('airbyte: read errors', () => {
  let tenant: TestTenant;
  let streams: DiscoveredStream[];
  let catalogPath: string;

  before(async () => {
    tenant = await startTestTenant({ scale: 100 }, { max_retries: 0 });
    streams = await discoverStreams(tenant.configPath);
    catalogPath = work.write('catalog.json', configureCatalog(streams, 'incremental'));
  });

  after(() => tenant.stop());

  async function readWith(catalog: object, extra: string[] = []): Promise<AirbyteRun> {
    return runAirbyte(['read', '--config', tenant.configPath, '--catalog', work.write(`catalog-${Math.random().toString(36).slice(2)}.json`, catalog), ...extra]);
  }

  function expectConfigError(run: AirbyteRun, text: string): void {
    expect(run.code).to.equal(2);
    const errors = errorsOf(run.messages);
    expect(errors, run.stdout).to.have.length(1);
    expect(errors[0]?.failure_type).to.equal('config_error');
    expect(errors[0]?.message).to.include(text);
    expect(recordsOf(run.messages)).to.be.empty;
  }

  it('rejects an unknown stream', async () => {
    const unknown = { ...(streams[0] as DiscoveredStream), name: 'opportunities' };
    expectConfigError(await readWith(configureCatalog([unknown], 'incremental')), 'opportunities');
  });

  it('rejects an invalid sync mode', async () => {
    const catalog = configureCatalog(streams.slice(0, 1), 'incremental') as { streams: Array<Record<string, unknown>> };
    (catalog.streams[0] as Record<string, unknown>).sync_mode = 'incremental_deduped';
    expectConfigError(await readWith(catalog), 'incremental_deduped');
  });

  it('rejects incremental on a full-refresh stream', async () => {
    const picklist = streams.filter((stream) => stream.name === 'da_picklist');
    const catalog = { streams: [{ stream: picklist[0], sync_mode: 'incremental', destination_sync_mode: 'append' }] };
    expectConfigError(await readWith(catalog), 'da_picklist');
  });

  it('rejects a malformed state', async () => {
    const state = [{ type: 'STREAM', stream: { stream_descriptor: { name: 'companies' }, stream_state: 'yesterday' } }];
    expectConfigError(await readWith(configureCatalog(streams, 'incremental'), ['--state', work.write('bad-state.json', state)]), 'stream_state');
  });

  it('rejects a missing --catalog', async () => {
    const run = await runAirbyte(['read', '--config', tenant.configPath]);
    expect(run.code).to.equal(2);
    expect(errorsOf(run.messages)[0]?.message).to.include('--catalog');
  });

  it('rejects an unknown option', async () => {
    const run = await runAirbyte(['discover', '--config', tenant.configPath, '--verbose']);
    expect(run.code).to.equal(2);
    expect(errorsOf(run.messages).map((error) => error.failure_type)).to.deep.equal(['config_error']);
  });

  it('reports a failing stream and marks it INCOMPLETE', async () => {
    await tenant.control.scheduleFaults([{ kind: 'http-503', path: 'query/Company', count: 5 }]);
    const run = await runAirbyte(['read', '--config', tenant.configPath, '--catalog', catalogPath]);
    await tenant.control.reset({ faults: true });

    expect(run.code).to.equal(4);
    const errors = errorsOf(run.messages);
    expect(errors).to.have.length(1);
    expect(errors[0]?.failure_type).to.equal('transient_error');
    expect(errors[0]?.stream_descriptor).to.deep.equal({ name: 'companies' });
    expect(errors[0]?.stack_trace).to.be.a('string');
    expect(statusesOf(run.messages, 'companies')).to.deep.equal(['STARTED', 'INCOMPLETE']);
  });
});

describe('airbyte: state input', () => {
  let tenant: TestTenant;
  let catalogPath: string;
  const bookmark = { replication_key: 'ModifiedDate', replication_key_value: '2025-06-01T00:00:00.000Z' };

  before(async () => {
    tenant = await startTestTenant({ scale: 100 });
    const companies = (await discoverStreams(tenant.configPath)).filter((stream) => stream.name === 'companies');
    catalogPath = work.write('companies.json', configureCatalog(companies, 'incremental'));
  });

  after(() => tenant.stop());

  async function companiesFrom(state: unknown): Promise<number> {
    const run = await runAirbyte(['read', '--config', tenant.configPath, '--catalog', catalogPath, '--state', work.write(`state-${Math.random().toString(36).slice(2)}.json`, state)]);
    expect(run.code, run.stdout.slice(-1000)).to.equal(0);
    return recordsOf(run.messages, 'companies').length;
  }

  it('resumes from a per-stream state list', async () => {
    const state = [{ type: 'STREAM', stream: { stream_descriptor: { name: 'companies' }, stream_state: bookmark } }];
    expect(await companiesFrom(state)).to.equal(await tenant.control.count('Company', { from: bookmark.replication_key_value }));
  });

  it('resumes from a Singer state object', async () => {
    expect(await companiesFrom({ bookmarks: { companies: bookmark } })).to.equal(await tenant.control.count('Company', { from: bookmark.replication_key_value }));
  });

  it('resumes from a LEGACY state', async () => {
    const state = { type: 'LEGACY', data: { bookmarks: { companies: bookmark } } };
    expect(await companiesFrom(state)).to.equal(await tenant.control.count('Company', { from: bookmark.replication_key_value }));
  });

  it('reads everything from an empty list', async () => {
    expect(await companiesFrom([])).to.equal(await tenant.control.count('Company'));
  });
});
