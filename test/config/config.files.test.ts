import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../src/config/index.js';
import { fixedNow, minimalConfig, problemsOf, testKey, writeConfigFile } from './helpers.js';

function onlyFileProblem(path: string): string {
  const problems = problemsOf(() => loadConfig([path], {}, fixedNow));
  expect(problems, problems.join('\n')).to.have.length(1);
  return problems[0];
}

describe('config files', () => {
  it('asks for --config without sources', () => {
    const problems = problemsOf(() => loadConfig([], {}, fixedNow));
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(
      /^No configuration was given\. Pass --config with a JSON file .* or --config ENV/,
    );
  });

  it('rejects a missing file', () => {
    const path = join(tmpdir(), 'tap-gainsight-no-such-config.json');
    expect(onlyFileProblem(path)).to.equal(
      `Config file "${path}" was not found. Check the path given to --config.`,
    );
  });

  it('rejects a folder', () => {
    const path = mkdtempSync(join(tmpdir(), 'tap-gainsight-folder-'));
    expect(onlyFileProblem(path)).to.equal(
      `Config file "${path}" is a folder. Give --config the path of a JSON file.`,
    );
  });

  it('rejects an unreadable file', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any file regardless of its mode
    const path = writeConfigFile(minimalConfig);
    chmodSync(path, 0o000);
    expect(onlyFileProblem(path)).to.match(/cannot be read: permission denied\./);
  });

  it('rejects an empty file', () => {
    const path = writeConfigFile('');
    expect(onlyFileProblem(path)).to.match(
      /^Config file ".*" is empty\. Write one JSON object, such as \{"domain": "acme"/,
    );
  });

  it('rejects a blank file', () => {
    expect(onlyFileProblem(writeConfigFile(' \n\t\n'))).to.match(/is empty\./);
  });

  it('rejects invalid JSON with its position', () => {
    const path = writeConfigFile('{\n  "domain": "acme",\n  "page_size": }\n');
    expect(onlyFileProblem(path)).to.equal(
      `Config file "${path}" is not valid JSON: Object value expected after ':' at line 3, column 16. Fix the JSON at that spot.`,
    );
  });

  it('rejects truncated JSON', () => {
    const path = writeConfigFile('{"domain": "acme"');
    expect(onlyFileProblem(path)).to.match(
      /is not valid JSON: .*reached end of input at line 1, column 18/,
    );
  });

  it('keeps a JSON problem on one line', () => {
    const path = writeConfigFile('{"domain": "ac\nme"}');
    const problem = onlyFileProblem(path);
    expect(problem).not.to.include('\n');
    expect(problem).to.include("Invalid character '\\n'");
  });

  it('rejects a duplicated key', () => {
    const path = writeConfigFile('{"domain": "acme", "domain": "other"}');
    expect(onlyFileProblem(path)).to.match(/is not valid JSON: Duplicate key 'domain' encountered/);
  });

  it('rejects an array', () => {
    const path = writeConfigFile([minimalConfig]);
    expect(onlyFileProblem(path)).to.equal(
      `Config file "${path}" contains a JSON array, but it must contain one JSON object, such as {"domain": "acme", "credentials": {"access_token": "..."}}.`,
    );
  });

  it('rejects null', () => {
    expect(onlyFileProblem(writeConfigFile('null'))).to.match(
      /contains JSON null, but it must contain one JSON object/,
    );
  });

  it('rejects a string', () => {
    expect(onlyFileProblem(writeConfigFile('"acme"'))).to.match(
      /contains a JSON string, but it must contain one JSON object/,
    );
  });

  it('accepts a byte order mark', () => {
    const path = writeConfigFile(`\uFEFF${JSON.stringify(minimalConfig)}`);
    expect(loadConfig([path], {}, fixedNow).accessKey.reveal()).to.equal(testKey);
  });

  it('reports every bad file', () => {
    const missing = join(tmpdir(), 'tap-gainsight-missing.json');
    const empty = writeConfigFile('');
    const problems = problemsOf(() =>
      loadConfig([missing, writeConfigFile(minimalConfig), empty], {}, fixedNow),
    );
    expect(problems).to.have.length(2);
    expect(problems[0]).to.include(missing);
    expect(problems[1]).to.include(empty);
  });
});
