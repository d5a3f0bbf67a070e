import { join } from 'node:path';
import { expect } from 'chai';
import { sampleCatalogSelecting } from '../helpers/catalog.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder, runTap } from '../helpers/tap-process.js';

/** A key no message may contain; it is distinctive so that any leak is found. */
const accessKey = 'KEY-ba9e41c7-never-printed';
const work = makeWorkFolder();

interface BadInput {
  name: string;
  /** Builds the command line; `config` is a valid config file for the tenant. */
  args: (config: string, tenant: TestTenant) => string[];
  message: RegExp;
}

function configWith(tenant: TestTenant, name: string, settings: Record<string, unknown>): string {
  return work.write(name, { domain: tenant.simulator.url, credentials: { access_token: accessKey }, ...settings });
}

function catalogWith(name: string, edit: (stream: ReturnType<typeof sampleCatalogSelecting>['streams'][number]) => void): string {
  const catalog = sampleCatalogSelecting(['companies']);
  edit(catalog.streams.find((stream) => stream.tap_stream_id === 'companies') as never);
  return work.write(name, catalog);
}

const table: BadInput[] = [
  {
    name: 'missing config file',
    args: () => ['--config', join(work.folder, 'absent.json')],
    message: /^Config file ".*absent\.json" was not found\. Check the path given to --config\.$/,
  },
  {
    name: 'unreadable config file',
    args: () => ['--config', work.folder],
    message: /^Config file ".*" is a folder\. Give --config the path of a JSON file\.$/,
  },
  {
    name: 'config with invalid JSON',
    args: (_config, tenant) => ['--config', work.write('invalid.json', `{"domain": "${tenant.simulator.url}", "credentials": {"access_token": "${accessKey}" "x": 1}}`)],
    message: /^Config file ".*invalid\.json" is not valid JSON: .* at line 1, column \d+\. Fix the JSON at that spot\.$/,
  },
  {
    name: 'empty config file',
    args: () => ['--config', work.write('empty.json', '')],
    message: /^Config file ".*empty\.json" is empty\./,
  },
  {
    name: 'config with an unknown setting',
    args: (_config, tenant) => ['--config', configWith(tenant, 'unknown.json', { requests_per_minut: 50 })],
    message: /^requests_per_minut \(set in .*\) is not a known setting\. Did you mean requests_per_minute\?$/,
  },
  {
    name: 'config with the key under a misspelt name',
    args: (_config, tenant) => ['--config', configWith(tenant, 'misspelt.json', { credentials: { access_token: accessKey, acces_token: accessKey } })],
    message: /^credentials\.acces_token \(set in .*\) is not a known setting\. Did you mean credentials\.access_token\?$/,
  },
  {
    name: 'config with a mistyped setting',
    args: (_config, tenant) => ['--config', configWith(tenant, 'mistyped.json', { max_retries: 'three' })],
    message: /^max_retries "three" \(set in .*\) is a string, but it must be a whole number\./,
  },
  {
    name: 'config with a line break in the key',
    args: (_config, tenant) => ['--config', configWith(tenant, 'line-break.json', { credentials: { access_token: `${accessKey}\n` } })],
    message: /^credentials\.access_token \(set in .*\) contains a space, line break or other character/,
  },
  {
    name: 'missing state file',
    args: (config) => ['--config', config, '--state', join(work.folder, 'absent-state.json')],
    message: /^--state .*absent-state\.json: file not found$/,
  },
  {
    name: 'state with invalid JSON',
    args: (config) => ['--config', config, '--state', work.write('invalid-state.json', '{"bookmarks": ')],
    message: /^--state .*invalid-state\.json: invalid JSON/,
  },
  {
    name: 'state that is a list',
    args: (config) => ['--config', config, '--state', work.write('list-state.json', [])],
    message: /^--state .*list-state\.json: the state must be a JSON object/,
  },
  {
    name: 'state whose bookmarks are a list',
    args: (config) => ['--config', config, '--state', work.write('bookmarks-list.json', { bookmarks: [] })],
    message: /^--state .*bookmarks-list\.json: "bookmarks" must be an object keyed by stream name$/,
  },
  {
    name: 'state with an unreadable replication_key_value',
    args: (config) => [
      '--config',
      config,
      '--state',
      work.write('unreadable-value.json', { bookmarks: { companies: { replication_key: 'ModifiedDate', replication_key_value: 'yesterday' } } }),
    ],
    message: /^state: bookmarks\.companies\.replication_key_value "yesterday" is not a date-time; use RFC 3339/,
  },
  {
    name: 'catalog with unknown streams only',
    args: (config) => [
      '--config',
      config,
      '--catalog',
      work.write('unknown-streams.json', { streams: [{ tap_stream_id: 'tickets', schema: { properties: {} }, metadata: [{ breadcrumb: [], metadata: { selected: true } }] }] }),
    ],
    message: /^--catalog .*unknown-streams\.json selects only streams this tap does not know \(tickets\); run --discover/,
  },
  {
    name: 'catalog with a field the tenant lacks',
    args: (config) => [
      '--config',
      config,
      '--catalog',
      catalogWith('lacking-field.json', (stream) => {
        stream.schema.properties.RenewalRisk__gc = { type: ['null', 'string'] };
      }),
    ],
    message: /^catalog stream companies selects fields this tenant does not have: RenewalRisk__gc; run --discover again or deselect them$/,
  },
  {
    name: 'catalog without streams',
    args: (config) => ['--config', config, '--catalog', work.write('no-streams.json', { stream: [] })],
    message: /^--catalog .*no-streams\.json: a catalog must be an object with a "streams" list/,
  },
  {
    name: 'catalog metadata that is not a list',
    args: (config) => [
      '--config',
      config,
      '--catalog',
      catalogWith('metadata-object.json', (stream) => {
        (stream as { metadata: unknown }).metadata = { selected: true };
      }),
    ],
    message: /^--catalog .*metadata-object\.json: streams\[\d\] \(companies\): "metadata" must be a list$/,
  },
  {
    name: 'catalog metadata without a breadcrumb',
    args: (config) => [
      '--config',
      config,
      '--catalog',
      catalogWith('no-breadcrumb.json', (stream) => {
        stream.metadata.push({ metadata: { selected: true } } as never);
      }),
    ],
    message: /^--catalog .*no-breadcrumb\.json: streams\[\d\] \(companies\): each metadata entry needs a "breadcrumb" list and a "metadata" object$/,
  },
];

describe('singer: bad input', () => {
  let tenant: TestTenant;
  let config: string;

  before(async () => {
    tenant = await startTestTenant({ accessKey });
    config = tenant.configPath;
  });

  after(() => tenant.stop());

  for (const row of table) {
    it(row.name, async () => {
      const run = await runTap(row.args(config, tenant));
      const lines = run.stderr.split('\n').filter((line) => line !== '');

      expect(run.code, run.stderr).to.equal(2);
      expect(lines, 'stderr').to.have.length(1);
      expect(lines[0]?.replace(/^tap-gainsight: error: /, ''), lines[0]).to.match(row.message);
      expect(run.stdout, 'stdout').to.equal('');
      expect(run.stderr, 'stderr').to.not.include(accessKey);
    });
  }

  it('prints the stack at debug level only', async () => {
    const args = table.find((row) => row.name === 'catalog metadata that is not a list')?.args(config, tenant) ?? [];
    const quiet = await runTap(args);
    const debug = await runTap([...args, '--log-level', 'debug']);

    expect(quiet.stderr).to.not.match(/^\s+at /m);
    expect(debug.code).to.equal(2);
    expect(debug.stderr).to.match(/^\s+at readMetadata /m);
    expect(debug.stderr).to.not.include(accessKey);
  });
});
