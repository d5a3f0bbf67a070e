import { expect } from 'chai';
import { onlyProblemOf, testKey } from './helpers.js';

const base = { domain: 'acme', credentials: { access_token: testKey } };

// A misspelled setting and the suggestion it should get.
const misspelled: [setting: string, suggestion: string][] = [
  ['pagesize', 'page_size'],
  ['pageSize', 'page_size'],
  ['start-date', 'start_date'],
  ['startDate', 'start_date'],
  ['page_szie', 'page_size'],
  ['requests_per_min', 'requests_per_minute'],
  ['timeout', 'request_timeout_seconds'],
  ['retries', 'max_retries'],
  ['domian', 'domain'],
  ['access_token', 'credentials.access_token'],
  ['accessKey', 'access_key'],
];

describe('config unknown settings', () => {
  for (const [setting, suggestion] of misspelled) {
    it(`suggests ${suggestion} for ${setting}`, () => {
      const problem = onlyProblemOf({ ...base, [setting]: 1 });
      expect(problem).to.match(
        new RegExp(
          `^${setting} \\(set in .*\\) is not a known setting\\. Did you mean ${suggestion}\\?$`,
        ),
      );
    });
  }

  it('rejects an unrelated setting', () => {
    const problem = onlyProblemOf({ ...base, colour: 'blue' });
    expect(problem).to.match(
      /^colour \(set in .*\) is not a known setting\. Remove it\. The settings at the top level are credentials, access_key, domain, /,
    );
  });

  it('rejects a nested unknown setting', () => {
    const problem = onlyProblemOf({
      domain: 'acme',
      credentials: { access_token: testKey, region: 'eu' },
    });
    expect(problem).to.match(
      /^credentials\.region \(set in .*\) is not a known setting\. Remove it\. The settings in credentials are access_token, api_token and credentials_title\.$/,
    );
  });

  it('suggests nested misspellings', () => {
    const problem = onlyProblemOf({
      domain: 'acme',
      credentials: { access_token: testKey, accessToken: testKey },
    });
    expect(problem).to.match(
      /^credentials\.accessToken .* Did you mean credentials\.access_token\?$/,
    );
  });

  it('suggests both tokens for token', () => {
    const problem = onlyProblemOf({
      domain: 'acme',
      credentials: { access_token: testKey, token: 'x' },
    });
    expect(problem).to.match(/Did you mean credentials\.access_token or credentials\.api_token\?$/);
  });

  it('explains a flat dotted key', () => {
    const problem = onlyProblemOf({
      domain: 'acme',
      'credentials.access_token': testKey,
      access_key: testKey,
    });
    expect(problem).to.match(
      /is not a known setting\. Write it as nested objects: \{"credentials": \{"access_token": \.\.\.\}\}\.$/,
    );
  });

  it('hides the value of an unknown setting', () => {
    const problem = onlyProblemOf({ ...base, colour: 'blue-value' });
    expect(problem).not.to.include('blue-value');
  });

  it('rejects a __proto__ key', () => {
    const problem = onlyProblemOf(
      `{"domain": "acme", "access_key": "${testKey}", "__proto__": {"page_size": 1}}`,
    );
    expect(problem).to.match(/^__proto__ \(set in .*\) is not a known setting\./);
  });
});
