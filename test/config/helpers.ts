import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig, type ResolvedConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors/index.js';

/** An access key that must never appear in any message or serialised config. */
export const testKey = 'gs-test-key-7f3a9c1e2b';

/** The smallest valid config. */
export const minimalConfig = { domain: 'acme', credentials: { access_token: testKey } };

/** A fixed start of the run, so that the default start date is predictable. */
export const fixedNow = new Date('2024-06-15T12:00:00Z');

const folder = mkdtempSync(join(tmpdir(), 'tap-gainsight-config-'));
let fileCount = 0;

/** Writes a config file (an object as JSON, a string as it is) and returns its path. */
export function writeConfigFile(contents: unknown): string {
  fileCount += 1;
  const path = join(folder, `config-${fileCount}.json`);
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return path;
}

/** Loads one config object through a file. */
export function loadObject(config: unknown, env: NodeJS.ProcessEnv = {}): ResolvedConfig {
  return loadConfig([writeConfigFile(config)], env, fixedNow);
}

/** Returns the problems of the `ConfigError` that `load` throws; fails the test if it returns. */
export function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  expect.fail('expected a ConfigError, but the config loaded');
}

/** Returns the problems of loading one config object through a file. */
export function problemsOfObject(config: unknown, env: NodeJS.ProcessEnv = {}): readonly string[] {
  return problemsOf(() => loadObject(config, env));
}

/** Returns the single problem of loading `config`, failing the test if there are more or none. */
export function onlyProblemOf(config: unknown): string {
  const problems = problemsOfObject(config);
  expect(problems, problems.join('\n')).to.have.length(1);
  return problems[0];
}
