import { expect } from 'chai';
import { loadObject, onlyProblemOf, testKey } from './helpers.js';

const domain = 'acme';

describe('config credentials', () => {
  it('reads credentials.access_token', () => {
    const config = loadObject({ domain, credentials: { access_token: testKey } });
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('reads the credentials.api_token alias', () => {
    const config = loadObject({ domain, credentials: { api_token: testKey } });
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('reads the top-level access_key alias', () => {
    const config = loadObject({ domain, access_key: testKey });
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('accepts aliases with equal values', () => {
    const config = loadObject({
      domain,
      access_key: testKey,
      credentials: { access_token: testKey, api_token: testKey },
    });
    expect(config.accessKey.reveal()).to.equal(testKey);
  });

  it('rejects access_token and api_token that differ', () => {
    const problem = onlyProblemOf({
      domain,
      credentials: { access_token: testKey, api_token: 'other' },
    });
    expect(problem).to.match(
      /^credentials\.access_token \(set in .*\) and credentials\.api_token .* hold different access keys/,
    );
  });

  it('rejects access_token and access_key that differ', () => {
    const problem = onlyProblemOf({
      domain,
      access_key: 'other',
      credentials: { access_token: testKey },
    });
    expect(problem)
      .to.include('credentials.access_token')
      .and.include('access_key')
      .and.include('Keep only one');
  });

  it('rejects a missing key', () => {
    const problem = onlyProblemOf({ domain });
    expect(problem).to.match(
      /^credentials\.access_token is missing\. Add the Gainsight access key/,
    );
  });

  it('rejects credentials without a key', () => {
    const problem = onlyProblemOf({
      domain,
      credentials: { credentials_title: 'Private App Credentials' },
    });
    expect(problem).to.match(/^credentials\.access_token is missing/);
  });

  it('rejects an empty key', () => {
    const problem = onlyProblemOf({ domain, credentials: { access_token: '' } });
    expect(problem).to.match(/^credentials\.access_token \(set in .*\) is empty\./);
  });

  it('rejects a key that is not a string', () => {
    const problem = onlyProblemOf({ domain, credentials: { access_token: 12345 } });
    expect(problem).to.match(
      /^credentials\.access_token \(set in .*\) is a number, but it must be a string\./,
    );
  });

  it('rejects a key with a line break', () => {
    const problem = onlyProblemOf({ domain, credentials: { access_token: `${testKey}\n` } });
    expect(problem).to.match(/^credentials\.access_token \(set in .*\) contains a space, line break/);
    expect(problem).not.to.include(testKey);
  });

  it('rejects a key with a space', () => {
    const problem = onlyProblemOf({ domain, access_key: `${testKey} x` });
    expect(problem).to.match(/^access_key \(set in .*\) contains a space/);
  });

  it('rejects credentials that are not an object', () => {
    const problem = onlyProblemOf({ domain, credentials: testKey });
    expect(problem).to.match(
      /^credentials \(set in .*\) is a string, but it must be an object\. Write an object with the keys/,
    );
  });

  it('defaults credentials_title', () => {
    const config = loadObject({ domain, credentials: { access_token: testKey } });
    expect(config.credentialsTitle).to.equal('Private App Credentials');
  });

  it('defaults credentials_title with access_key', () => {
    const config = loadObject({ domain, access_key: testKey });
    expect(config.credentialsTitle).to.equal('Private App Credentials');
  });

  it('rejects an unsupported credentials_title', () => {
    const problem = onlyProblemOf({
      domain,
      credentials: { access_token: testKey, credentials_title: 'OAuth' },
    });
    expect(problem).to.match(
      /^credentials\.credentials_title "OAuth" \(set in .*\) is not supported\. Write "Private App Credentials" or leave it out\.$/,
    );
  });
});
