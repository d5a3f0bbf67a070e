import { expect } from 'chai';
import { loadConfig } from '../../src/config/index.js';
import { fixedNow, minimalConfig, problemsOf, testKey, writeConfigFile } from './helpers.js';

function loadFiles(...configs: unknown[]) {
  return loadConfig(configs.map(writeConfigFile), {}, fixedNow);
}

describe('config merge', () => {
  it('lets a later file win', () => {
    const config = loadFiles({ ...minimalConfig, page_size: 100 }, { page_size: 200 });
    expect(config.pageSize).to.equal(200);
  });

  it('keeps settings a later file lacks', () => {
    const config = loadFiles({ ...minimalConfig, page_size: 100 }, { max_retries: 3 });
    expect(config.pageSize).to.equal(100);
    expect(config.maxRetries).to.equal(3);
  });

  it('merges credentials key by key', () => {
    const config = loadFiles(
      { domain: 'acme', credentials: { credentials_title: 'Private App Credentials' } },
      { credentials: { access_token: testKey } },
    );
    expect(config.accessKey.reveal()).to.equal(testKey);
    expect(config.credentialsTitle).to.equal('Private App Credentials');
  });

  it('applies three files in order', () => {
    const config = loadFiles(
      { ...minimalConfig, page_size: 1 },
      { page_size: 2 },
      { page_size: 3 },
    );
    expect(config.pageSize).to.equal(3);
  });

  it('replaces an object with a later value', () => {
    const problems = problemsOf(() => loadFiles(minimalConfig, { credentials: 'none' }));
    expect(problems[0]).to.match(
      /^credentials \(set in .*\) is a string, but it must be an object\./,
    );
  });

  it('names the file a value came from', () => {
    const second = writeConfigFile({ page_size: 0 });
    const problems = problemsOf(() =>
      loadConfig([writeConfigFile(minimalConfig), second], {}, fixedNow),
    );
    expect(problems).to.deep.equal([
      `page_size 0 (set in ${second}) is out of range. Write a whole number from 1 to 5000, or leave it out to use 5000.`,
    ]);
  });

  it('fixes an earlier problem in a later file', () => {
    const config = loadFiles(
      { ...minimalConfig, domain: 'http://acme.gainsightcloud.com' },
      { domain: 'acme' },
    );
    expect(config.baseUrl).to.equal('https://acme.gainsightcloud.com');
  });
});
