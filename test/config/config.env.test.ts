import { expect } from 'chai';
import { loadConfig } from '../../src/config/index.js';
import { fixedNow, minimalConfig, problemsOf, testKey, writeConfigFile } from './helpers.js';

const environment = {
  TAP_GAINSIGHT_DOMAIN: 'acme',
  TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN: testKey,
};

describe('config ENV', () => {
  it('loads from the environment alone', () => {
    const config = loadConfig(['ENV'], environment, fixedNow);
    expect(config.baseUrl).to.equal('https://acme.gainsightcloud.com');
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('parses numbers', () => {
    const config = loadConfig(
      ['ENV'],
      { ...environment, TAP_GAINSIGHT_PAGE_SIZE: '250', TAP_GAINSIGHT_MAX_RETRIES: '0' },
      fixedNow,
    );
    expect(config.pageSize).to.equal(250);
    expect(config.maxRetries).to.equal(0);
  });

  it('reads the start date', () => {
    const config = loadConfig(
      ['ENV'],
      { ...environment, TAP_GAINSIGHT_START_DATE: '2024-01-31' },
      fixedNow,
    );
    expect(config.startDate.toISOString()).to.equal('2024-01-31T00:00:00.000Z');
  });

  it('reads the access_key alias', () => {
    const config = loadConfig(
      ['ENV'],
      { TAP_GAINSIGHT_DOMAIN: 'acme', TAP_GAINSIGHT_ACCESS_KEY: testKey },
      fixedNow,
    );
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('rejects a non-number', () => {
    const problems = problemsOf(() =>
      loadConfig(['ENV'], { ...environment, TAP_GAINSIGHT_PAGE_SIZE: 'lots' }, fixedNow),
    );
    expect(problems).to.deep.equal([
      'TAP_GAINSIGHT_PAGE_SIZE (setting page_size): "lots" is not a number. Write a whole number from 1 to 5000, or leave it out to use 5000.',
    ]);
  });

  it('names the variable of a bad value', () => {
    const problems = problemsOf(() =>
      loadConfig(['ENV'], { ...environment, TAP_GAINSIGHT_PAGE_SIZE: '0' }, fixedNow),
    );
    expect(problems[0]).to.match(
      /^page_size 0 \(set in TAP_GAINSIGHT_PAGE_SIZE\) is out of range\./,
    );
  });

  it('reports variables with other problems', () => {
    const env = { TAP_GAINSIGHT_DOMAIN: 'http://acme.com', TAP_GAINSIGHT_PAGE_SIZE: 'x' };
    const problems = problemsOf(() => loadConfig(['ENV'], env, fixedNow));
    expect(problems).to.have.length(3);
  });

  it('ignores empty variables', () => {
    const config = loadConfig(
      ['ENV'],
      { ...environment, TAP_GAINSIGHT_PAGE_SIZE: '', TAP_GAINSIGHT_START_DATE: '' },
      fixedNow,
    );
    expect(config.pageSize).to.equal(5000);
  });

  it('ignores other variables', () => {
    const env = {
      ...environment,
      TAP_GAINSIGHT__SELECT: '["companies.*"]',
      TAP_GAINSIGHT_UNKNOWN: 'x',
      PAGE_SIZE: '1',
    };
    expect(loadConfig(['ENV'], env, fixedNow).pageSize).to.equal(5000);
  });

  it('ignores the environment without ENV', () => {
    const config = loadConfig(
      [writeConfigFile(minimalConfig)],
      { TAP_GAINSIGHT_PAGE_SIZE: '7' },
      fixedNow,
    );
    expect(config.pageSize).to.equal(5000);
  });

  it('wins over a file given after it', () => {
    const file = writeConfigFile({ ...minimalConfig, page_size: 100 });
    const config = loadConfig(['ENV', file], { TAP_GAINSIGHT_PAGE_SIZE: '7' }, fixedNow);
    expect(config.pageSize).to.equal(7);
  });

  it('wins over a file given before it', () => {
    const file = writeConfigFile({ ...minimalConfig, page_size: 100 });
    const config = loadConfig([file, 'ENV'], { TAP_GAINSIGHT_PAGE_SIZE: '7' }, fixedNow);
    expect(config.pageSize).to.equal(7);
  });

  it('takes what it lacks from a file', () => {
    const file = writeConfigFile({ domain: 'acme', page_size: 100 });
    const config = loadConfig(
      [file, 'ENV'],
      { TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN: testKey },
      fixedNow,
    );
    expect(config.pageSize).to.equal(100);
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('merges nested settings with a file', () => {
    const file = writeConfigFile({
      domain: 'acme',
      credentials: { credentials_title: 'Private App Credentials' },
    });
    const config = loadConfig(
      [file, 'ENV'],
      { TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN: testKey },
      fixedNow,
    );
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('names the missing variable', () => {
    const problems = problemsOf(() =>
      loadConfig(['ENV'], { TAP_GAINSIGHT_DOMAIN: 'acme' }, fixedNow),
    );
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include('TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN');
  });
});
