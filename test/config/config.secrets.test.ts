import { inspect } from 'node:util';
import { expect } from 'chai';
import { loadConfig, Secret } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors/index.js';
import {
  fixedNow,
  loadObject,
  minimalConfig,
  problemsOf,
  problemsOfObject,
  testKey,
  writeConfigFile,
} from './helpers.js';

// Fails when the key appears in any problem or in the error as a whole.
function expectNoKey(load: () => unknown): void {
  let caught: unknown;
  try {
    load();
  } catch (error) {
    caught = error;
  }

  expect(caught).to.be.instanceOf(ConfigError);
  const error = caught as ConfigError;
  expect(error.problems.join('\n')).not.to.include(testKey);
  expect(String(error)).not.to.include(testKey);
  expect(inspect(error)).not.to.include(testKey);
}

describe('config secrets', () => {
  it('hides the key from JSON.stringify', () => {
    expect(JSON.stringify(loadObject(minimalConfig))).not.to.include(testKey);
  });

  it('hides the key from inspect', () => {
    expect(
      inspect(loadObject(minimalConfig), { depth: Infinity, showHidden: true }),
    ).not.to.include(testKey);
  });

  it('hides the key from String', () => {
    expect(String(loadObject(minimalConfig).accessKey)).to.equal('[redacted]');
  });

  it('hides the key in a template', () => {
    expect(`${loadObject(minimalConfig).accessKey}`).to.equal('[redacted]');
  });

  it('reveals the key on request', () => {
    expect(new Secret(testKey).reveal()).to.equal(testKey);
  });

  it('hides the key of conflicting aliases', () => {
    expectNoKey(() =>
      loadObject({
        domain: 'acme',
        access_key: testKey,
        credentials: { access_token: `${testKey}x` },
      }),
    );
  });

  it('hides a key pasted into the domain', () => {
    expectNoKey(() =>
      loadObject({ domain: `https://${testKey}.example.com/v1`, access_key: testKey }),
    );
  });

  it('hides a key in user info', () => {
    expectNoKey(() =>
      loadObject({ domain: `https://api:${testKey}@acme.gainsightcloud.com`, access_key: testKey }),
    );
  });

  it('hides a key written as credentials', () => {
    expectNoKey(() => loadObject({ domain: 'acme', credentials: testKey }));
  });

  it('hides a key in a misspelled setting', () => {
    expectNoKey(() => loadObject({ domain: 'acme', accesskey: testKey }));
  });

  it('hides a key in a start date', () => {
    expectNoKey(() => loadObject({ ...minimalConfig, start_date: testKey }));
  });

  it('hides a key near a JSON error', () => {
    const path = writeConfigFile(`{"access_key": "${testKey}" "domain": "acme"}`);
    expectNoKey(() => loadConfig([path], {}, fixedNow));
  });

  it('hides part of an unquoted key', () => {
    const path = writeConfigFile(`{"domain": "acme", "access_key": ${testKey}}`);
    const problems = problemsOf(() => loadConfig([path], {}, fixedNow));
    expect(problems[0]).not.to.include(testKey.slice(0, 6));
  });

  it('hides a key from the environment', () => {
    const env = {
      TAP_GAINSIGHT_DOMAIN: `${testKey}.example.com/x`,
      TAP_GAINSIGHT_ACCESS_KEY: testKey,
    };
    expectNoKey(() => loadConfig(['ENV'], env, fixedNow));
  });

  it('still reports the problem', () => {
    const problems = problemsOfObject({
      domain: `https://${testKey}.example.com/v1`,
      access_key: testKey,
    });
    expect(problems[0]).to.match(
      /^domain "https:\/\/\[redacted\]\.example\.com\/v1" \(set in .*\) contains a path/,
    );
  });

  it('hides the key of every problem at once', () => {
    const problems = problemsOf(() =>
      loadObject({
        domain: testKey.replaceAll('-', '_'),
        access_key: testKey,
        page_size: testKey,
        start_date: testKey,
      }),
    );
    expect(problems).to.have.length(3);
    for (const problem of problems) expect(problem).not.to.include(testKey);
  });
});
