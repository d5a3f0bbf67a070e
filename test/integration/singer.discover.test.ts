import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { catalogSamplePath, discoverSampleCatalog } from '../../scripts/generate-samples.js';
import { runTap } from '../helpers/tap-process.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';

interface DiscoveredStream {
  tap_stream_id: string;
  schema: { properties: Record<string, { type?: unknown; format?: string }> };
  key_properties: string[];
  replication_method: string;
  replication_key?: string;
  metadata: Array<{ breadcrumb: string[]; metadata: Record<string, unknown> }>;
}

describe('singer: discover', () => {
  let tenant: TestTenant;
  let streams: DiscoveredStream[];

  before(async () => {
    tenant = await startTestTenant();
    const run = await runTap(['--config', tenant.configPath, '--discover']);
    expect(run.code, run.stderr).to.equal(0);
    streams = (JSON.parse(run.stdout) as { streams: DiscoveredStream[] }).streams;
  });

  after(() => tenant.stop());

  it('lists the seven streams', () => {
    expect(streams.map((stream) => stream.tap_stream_id)).to.deep.equal([
      'companies',
      'users',
      'call_to_actions',
      'cs_tasks',
      'success_plans',
      'activity_timelines',
      'da_picklist',
    ]);
  });

  it('adds custom fields from describe', () => {
    for (const stream of streams) {
      const custom = Object.keys(stream.schema.properties).filter((field) => /__gc$|__c$/.test(field));
      expect(custom, stream.tap_stream_id).to.not.be.empty;
    }
  });

  it('adds cs_task fields that only describe knows', () => {
    const tasks = streams.find((stream) => stream.tap_stream_id === 'cs_tasks');
    expect(Object.keys(tasks?.schema.properties ?? {}).length).to.be.greaterThan(5);
  });

  it('marks key and replication key automatic', () => {
    const companies = streams.find((stream) => stream.tap_stream_id === 'companies') as DiscoveredStream;
    const inclusion = (field: string) => companies.metadata.find((entry) => entry.breadcrumb[1] === field)?.metadata.inclusion;
    expect([inclusion('Gsid'), inclusion('ModifiedDate'), inclusion('Name')]).to.deep.equal(['automatic', 'automatic', 'available']);
  });

  it('writes stream metadata', () => {
    const timeline = streams.find((stream) => stream.tap_stream_id === 'activity_timelines') as DiscoveredStream;
    const top = timeline.metadata.find((entry) => entry.breadcrumb.length === 0)?.metadata;
    expect(top).to.deep.include({
      'table-key-properties': ['Gsid'],
      'valid-replication-keys': ['LastModifiedDate'],
      'forced-replication-method': 'INCREMENTAL',
      inclusion: 'available',
      'selected-by-default': true,
    });
    expect(timeline.replication_key).to.equal('LastModifiedDate');
  });

  it('reads da_picklist in full', () => {
    const picklist = streams.find((stream) => stream.tap_stream_id === 'da_picklist') as DiscoveredStream;
    expect(picklist.replication_method).to.equal('FULL_TABLE');
    expect(picklist.replication_key).to.equal(undefined);
  });

  it('types date-time fields', () => {
    const companies = streams.find((stream) => stream.tap_stream_id === 'companies') as DiscoveredStream;
    expect(companies.schema.properties.ModifiedDate).to.deep.include({ type: ['null', 'string'], format: 'date-time' });
  });

  it('keeps the sample catalog current', async () => {
    expect(await discoverSampleCatalog(), 'run npm run generate:samples').to.equal(readFileSync(catalogSamplePath, 'utf8'));
  });
});

describe('singer: discover on a tenant lacking fields', () => {
  it('leaves out a standard field the tenant lacks', async () => {
    const tenant = await startTestTenant({ omitFields: ['Company.Industry'] });
    try {
      const run = await runTap(['--config', tenant.configPath, '--discover']);
      const companies = (JSON.parse(run.stdout) as { streams: DiscoveredStream[] }).streams[0] as DiscoveredStream;
      expect(companies.schema.properties).to.not.have.property('Industry');
      expect(run.stderr).to.match(/companies: tenant lacks standard fields.*Industry/);
    } finally {
      await tenant.stop();
    }
  });
});
