import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listSettings, type SettingInfo } from '../../src/config/index.js';
import { packageInfo, packageRoot } from '../../src/package-root.js';
import { runTap } from '../helpers/tap-process.js';

interface MeltanoSetting {
  name: string;
  label?: string;
  kind?: string;
  sensitive?: boolean;
}

interface MeltanoPlugin {
  name: string;
  namespace?: string;
  executable?: string;
  pip_url?: string;
  capabilities?: string[];
  settings?: MeltanoSetting[];
}

interface MeltanoProject {
  plugins: { extractors: MeltanoPlugin[]; loaders: MeltanoPlugin[] };
}

const project = parse(readFileSync(join(packageRoot, 'meltano.yml'), 'utf8')) as MeltanoProject;
const extractor = project.plugins.extractors.find((plugin) => plugin.name === packageInfo.name) as MeltanoPlugin;
const settings = listSettings();

/** The Meltano `kind` each setting should have: keys are passwords, dates ISO 8601 dates. */
function expectedKind(setting: SettingInfo): string {
  if (setting.secret) return 'password';
  if (setting.name === 'start_date') return 'date_iso8601';
  return setting.type === 'integer' ? 'integer' : 'string';
}

describe('project: meltano.yml', () => {
  it('declares the tap as an npm-installed extractor', () => {
    expect(extractor, 'extractor tap-gainsight').to.not.equal(undefined);
    expect(extractor.executable).to.equal('tap-gainsight');
    expect(extractor.namespace).to.equal('tap_gainsight');
    expect(extractor).to.not.have.property('pip_url');
  });

  it('declares the capabilities --about lists', async () => {
    const run = await runTap(['--about', '--format', 'json']);
    const about = JSON.parse(run.stdout) as { capabilities: string[] };
    expect([...(extractor.capabilities ?? [])].sort()).to.deep.equal([...about.capabilities].sort());
  });

  it('lists every setting in order', () => {
    expect(extractor.settings?.map((setting) => setting.name)).to.deep.equal(settings.map((setting) => setting.name));
  });

  it('gives each setting its kind', () => {
    const kinds = Object.fromEntries((extractor.settings ?? []).map((setting) => [setting.name, setting.kind]));
    expect(kinds).to.deep.equal(Object.fromEntries(settings.map((setting) => [setting.name, expectedKind(setting)])));
  });

  it('marks exactly the secret settings sensitive', () => {
    const sensitive = (extractor.settings ?? []).filter((setting) => setting.sensitive === true).map((setting) => setting.name);
    expect(sensitive).to.deep.equal(settings.filter((setting) => setting.secret).map((setting) => setting.name));
  });

  it('labels settings with their schema titles', () => {
    const labels = Object.fromEntries((extractor.settings ?? []).map((setting) => [setting.name, setting.label]));
    expect(labels).to.deep.equal(Object.fromEntries(settings.map((setting) => [setting.name, setting.title])));
  });

  it('adds target-jsonl as the loader', () => {
    expect(project.plugins.loaders.map((plugin) => plugin.name)).to.deep.equal(['target-jsonl']);
  });
});
