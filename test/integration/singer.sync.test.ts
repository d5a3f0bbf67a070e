import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { lastState, makeWorkFolder, parseMessages, recordCounts, runTap, type SingerMessage } from '../helpers/tap-process.js';

const incrementalStreams = streamDefinitions.filter((stream) => stream.replicationKey !== undefined).map((stream) => stream.name);

describe('singer: full sync', () => {
  let tenant: TestTenant;
  let catalog: { streams: Array<{ tap_stream_id: string; schema: object }> };
  let catalogPath: string;
  let messages: SingerMessage[];
  const work = makeWorkFolder();

  before(async () => {
    tenant = await startTestTenant({ scale: 300 }, { page_size: 120 });
    const discover = await runTap(['--config', tenant.configPath, '--discover']);
    expect(discover.code, discover.stderr).to.equal(0);
    catalog = JSON.parse(discover.stdout);
    catalogPath = work.write('catalog.json', discover.stdout);

    const sync = await runTap(['--config', tenant.configPath, '--catalog', catalogPath]);
    expect(sync.code, sync.stderr).to.equal(0);
    messages = parseMessages(sync.stdout);
  });

  after(() => tenant.stop());

  it("emits the simulator's row count per stream", async () => {
    const counts = recordCounts(messages);
    for (const stream of streamDefinitions) {
      expect(counts[stream.name] ?? 0, stream.name).to.equal(await tenant.control.count(stream.objectName));
    }
  });

  it('emits each row once', () => {
    const keys = messages.filter((message) => message.type === 'RECORD').map((message) => `${message.stream}/${String(message.record?.Gsid)}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('validates every record against its discovered schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validators = new Map(catalog.streams.map((stream) => [stream.tap_stream_id, ajv.compile(stream.schema)]));

    for (const message of messages.filter((entry) => entry.type === 'RECORD')) {
      const validate = validators.get(message.stream as string);
      expect(validate?.(message.record), `${message.stream} ${JSON.stringify(validate?.errors)}`).to.equal(true);
    }
  });

  it('sends SCHEMA before the first RECORD of each stream', () => {
    const announced = new Set<string>();
    for (const message of messages) {
      if (message.type === 'SCHEMA') announced.add(message.stream as string);
      if (message.type === 'RECORD') expect(announced.has(message.stream as string), message.stream).to.equal(true);
    }
    expect(announced.size).to.equal(7);
  });

  it('sends key and bookmark properties in SCHEMA', () => {
    const timeline = messages.find((message) => message.type === 'SCHEMA' && message.stream === 'activity_timelines');
    expect(timeline?.key_properties).to.deep.equal(['Gsid']);
    expect(timeline?.bookmark_properties).to.deep.equal(['LastModifiedDate']);
  });

  it('stamps records with time_extracted', () => {
    const record = messages.find((message) => message.type === 'RECORD');
    expect(record?.time_extracted).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('ends with a STATE holding every incremental bookmark', () => {
    const last = messages[messages.length - 1];
    expect(last?.type).to.equal('STATE');
    expect(Object.keys(last?.value?.bookmarks ?? {}).sort()).to.deep.equal([...incrementalStreams].sort());
    expect(last?.value?.currently_syncing).to.equal(null);
  });

  it('writes a STATE after each page', () => {
    const companyRecords = recordCounts(messages).companies ?? 0;
    const states = messages.filter((message) => message.type === 'STATE').length;
    expect(states).to.be.greaterThan(Math.floor(companyRecords / 120));
  });

  it('emits no records on a second sync with the saved state', async () => {
    const statePath = work.write('state.json', lastState(messages));
    const again = await runTap(['--config', tenant.configPath, '--catalog', catalogPath, '--state', statePath]);
    expect(again.code, again.stderr).to.equal(0);

    const counts = recordCounts(parseMessages(again.stdout));
    for (const stream of incrementalStreams) expect(counts[stream] ?? 0, stream).to.equal(0);
  });

  it('reads FULL_TABLE picklists again on every sync', async () => {
    const statePath = work.write('state-picklist.json', lastState(messages));
    const again = await runTap(['--config', tenant.configPath, '--catalog', catalogPath, '--state', statePath]);
    expect(recordCounts(parseMessages(again.stdout)).da_picklist).to.equal(await tenant.control.count('da_picklist'));
  });

  it('omits deselected fields from SCHEMA and records', async () => {
    const trimmed = structuredClone(catalog) as unknown as { streams: Array<{ tap_stream_id: string; metadata: Array<{ breadcrumb: string[]; metadata: Record<string, unknown> }> }> };
    for (const stream of trimmed.streams) {
      const top = stream.metadata.find((entry) => entry.breadcrumb.length === 0) as { metadata: Record<string, unknown> };
      top.metadata.selected = stream.tap_stream_id === 'companies';
      const name = stream.metadata.find((entry) => entry.breadcrumb[1] === 'Name');
      if (name) name.metadata.selected = false;
    }
    const run = await runTap(['--config', tenant.configPath, '--catalog', work.write('trimmed.json', trimmed)]);
    const output = parseMessages(run.stdout);

    const schema = output.find((message) => message.type === 'SCHEMA') as SingerMessage;
    expect(Object.keys((schema.schema as { properties: object }).properties)).to.not.include('Name');
    const records = output.filter((message) => message.type === 'RECORD');
    expect(records.length).to.be.greaterThan(0);
    expect(records.every((message) => message.stream === 'companies' && !('Name' in (message.record as object)))).to.equal(true);
  });

  it('applies start_date only to streams without a bookmark', async () => {
    const state = { bookmarks: { users: { replication_key: 'ModifiedDate', replication_key_value: '2000-01-01T00:00:00Z' } } };
    const config = work.write('late-config.json', { start_date: '2099-01-01T00:00:00Z' });
    const run = await runTap(['--config', tenant.configPath, '--config', config, '--catalog', catalogPath, '--state', work.write('users-state.json', state)]);
    const counts = recordCounts(parseMessages(run.stdout));

    expect(counts.users).to.equal(await tenant.control.count('gsuser'));
    expect(counts.companies ?? 0).to.equal(0);
  });
});
