import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder, parseMessages, runTap, type SingerMessage, type TapRun } from '../helpers/tap-process.js';

type CatalogDocument = { streams: Array<{ tap_stream_id: string; metadata: Array<{ breadcrumb: string[]; metadata: Record<string, unknown> }> }> };

const streamNames = streamDefinitions.map((stream) => stream.name);

describe('singer: --test', () => {
  let tenant: TestTenant;
  let run: TapRun;
  let messages: SingerMessage[];
  const work = makeWorkFolder();

  before(async () => {
    tenant = await startTestTenant();
    run = await runTap(['--config', tenant.configPath, '--test']);
    messages = parseMessages(run.stdout);
  });

  after(() => tenant.stop());

  it('exits 0 with a good key', () => {
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/INFO {2}connection test passed check=all streams=7 records=7\n/);
  });

  it('writes SCHEMA then one RECORD per stream', () => {
    const expected = streamNames.flatMap((stream) => [`SCHEMA ${stream}`, `RECORD ${stream}`]);
    expect(messages.map((message) => `${message.type} ${message.stream}`)).to.deep.equal(expected);
  });

  it('writes no STATE', () => {
    expect(messages.filter((message) => message.type === 'STATE')).to.deep.equal([]);
  });

  it('writes records that match their SCHEMA', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    for (const schema of messages.filter((message) => message.type === 'SCHEMA')) {
      const record = messages.find((message) => message.type === 'RECORD' && message.stream === schema.stream);
      const validate = ajv.compile(schema.schema as object);
      expect(validate(record?.record), `${schema.stream} ${JSON.stringify(validate.errors)}`).to.equal(true);
    }
  });

  it('asks each object for one row', async () => {
    await tenant.control.reset({ stats: true });
    const again = await runTap(['--config', tenant.configPath, '--test=all']);
    expect(again.code, again.stderr).to.equal(0);

    const stats = await tenant.control.stats();
    expect(stats.describes).to.equal(1);
    expect(Object.values(stats.queries)).to.deep.equal(streamDefinitions.map(() => 1));
  });

  it('reads only the streams a catalog selects', async () => {
    const discover = await runTap(['--config', tenant.configPath, '--discover']);
    const catalog = JSON.parse(discover.stdout) as CatalogDocument;
    for (const stream of catalog.streams) {
      const top = stream.metadata.find((entry) => entry.breadcrumb.length === 0) as { metadata: Record<string, unknown> };
      top.metadata.selected = stream.tap_stream_id === 'users' || stream.tap_stream_id === 'da_picklist';
    }

    const selected = await runTap(['--config', tenant.configPath, '--catalog', work.write('two-streams.json', catalog), '--test']);
    expect(selected.code, selected.stderr).to.equal(0);
    const streams = parseMessages(selected.stdout).map((message) => `${message.type} ${message.stream}`);
    expect(streams).to.deep.equal(['SCHEMA users', 'RECORD users', 'SCHEMA da_picklist', 'RECORD da_picklist']);
  });

  it('writes only SCHEMA messages with --test=schema', async () => {
    await tenant.control.reset({ stats: true });
    const schemaOnly = await runTap(['--config', tenant.configPath, '--test=schema']);
    expect(schemaOnly.code, schemaOnly.stderr).to.equal(0);

    const output = parseMessages(schemaOnly.stdout);
    expect(output.map((message) => `${message.type} ${message.stream}`)).to.deep.equal(streamNames.map((stream) => `SCHEMA ${stream}`));
    expect((await tenant.control.stats()).queries).to.deep.equal({});
  });

  it('announces the same SCHEMA as --test', async () => {
    const schemaOnly = parseMessages((await runTap(['--config', tenant.configPath, '--test', 'schema'])).stdout);
    expect(schemaOnly).to.deep.equal(messages.filter((message) => message.type === 'SCHEMA'));
  });

  it('rejects --test with --discover', async () => {
    const both = await runTap(['--config', tenant.configPath, '--test', '--discover']);
    expect(both.code).to.equal(2);
    expect(both.stderr).to.include("option '--test [check]' cannot be used with option '--discover'");
    expect(both.stdout).to.equal('');
  });
});

describe('singer: --test with a wrong key', () => {
  let tenant: TestTenant;
  let run: TapRun;

  before(async () => {
    tenant = await startTestTenant({}, { credentials: { access_token: 'not-the-key' } });
    run = await runTap(['--config', tenant.configPath, '--test']);
  });

  after(() => tenant.stop());

  it('exits with the configuration status', () => {
    expect(run.code).to.equal(2);
  });

  it('prints one line that says to check the key', () => {
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^tap-gainsight: error: Gainsight rejected the request: the access key was rejected: check credentials\.access_token /);
  });

  it('writes nothing to stdout', () => {
    expect(run.stdout).to.equal('');
  });
});
