import { expect } from 'chai';
import { configSchema, listSettings } from '../../src/config/index.js';
import { packageInfo } from '../../src/package-root.js';
import { runTap, type TapRun } from '../helpers/tap-process.js';

const expectedCapabilities = ['about', 'catalog', 'discover', 'properties', 'state', 'test'];

describe('cli: --about', () => {
  let text: TapRun;
  let json: TapRun;
  let markdown: TapRun;

  // No --config: Meltano requests --about before any setting exists.
  before(async () => {
    [text, json, markdown] = await Promise.all([
      runTap(['--about']),
      runTap(['--about', '--format', 'json']),
      runTap(['--about', '--format=markdown']),
    ]);
  });

  it('exits 0 in every format without config', () => {
    expect([text.code, json.code, markdown.code]).to.deep.equal([0, 0, 0]);
    expect(text.stderr + json.stderr + markdown.stderr).to.equal('');
  });

  it('prints name, description and version as text', () => {
    const lines = text.stdout.split('\n');
    expect(lines.slice(0, 3)).to.deep.equal([
      `Name: ${packageInfo.name}`,
      `Description: ${packageInfo.description}`,
      `Version: ${packageInfo.version}`,
    ]);
  });

  it('lists capabilities as text', () => {
    const block = /Capabilities:\n((?: {2}- .+\n)+)/.exec(text.stdout)?.[1] ?? '';
    expect(block.trimEnd().split('\n').map((line) => line.slice(4))).to.deep.equal(expectedCapabilities);
  });

  it('lists every setting with its variable as text', () => {
    for (const setting of listSettings()) {
      expect(text.stdout, setting.name).to.include(`  - Name: ${setting.name}\n    Type: ${setting.type}\n`);
      expect(text.stdout, setting.name).to.include(`    Environment Variable: ${setting.environmentVariable}\n`);
    }
  });

  it('prints name, version and capabilities as JSON', () => {
    const about = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(about.name).to.equal(packageInfo.name);
    expect(about.description).to.equal(packageInfo.description);
    expect(about.version).to.equal(packageInfo.version);
    expect(about.capabilities).to.deep.equal(expectedCapabilities);
  });

  it('prints the config schema as JSON settings', () => {
    const about = JSON.parse(json.stdout) as { settings: unknown };
    expect(about.settings).to.deep.equal(JSON.parse(JSON.stringify(configSchema)));
  });

  it('prints a Markdown heading and capabilities', () => {
    expect(markdown.stdout.startsWith(`# \`${packageInfo.name}\`\n\n${packageInfo.description}\n`)).to.equal(true);
    for (const capability of expectedCapabilities) expect(markdown.stdout, capability).to.include(`\n- \`${capability}\`\n`);
  });

  it('prints a Markdown row per setting', () => {
    const rows = markdown.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Setting'));
    expect(rows.map((row) => row.split(' | ')[0]?.slice(2))).to.deep.equal(listSettings().map((setting) => setting.name));
    expect(rows.find((row) => row.startsWith('| page_size |'))).to.match(/^\| page_size \| no \| 5000 \| /);
    expect(rows.find((row) => row.startsWith('| domain |'))).to.match(/^\| domain \| yes \| {2}\| /);
  });

  it('rejects an unknown format', async () => {
    const run = await runTap(['--about', '--format', 'yaml']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include("argument 'yaml' is invalid");
    expect(run.stdout).to.equal('');
  });

  it('rejects --format without --about', async () => {
    const run = await runTap(['--format', 'json']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.equal('tap-gainsight: error: --format applies only to --about; add --about or leave --format out\n');
  });
});

describe('cli: --version', () => {
  it('prints the package version', async () => {
    const run = await runTap(['--version']);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.equal(`${packageInfo.version}\n`);
  });
});
