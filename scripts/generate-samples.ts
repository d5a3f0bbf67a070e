/**
 * Writes `catalog.sample.json` (discover against the simulator at seed 42) and
 * `state.sample.json` (the last STATE of a sync with that catalog). Run it with
 * `npm run generate:samples` after changing a schema or the simulator's objects; the test suite
 * fails when `catalog.sample.json` differs from what discover prints.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-root.js';
import { startSimulator, type RunningSimulator } from '../src/simulator/index.js';
import { lastState, parseMessages, runTap } from './lib/tap-process.js';

export const catalogSamplePath = join(packageRoot, 'catalog.sample.json');
export const stateSamplePath = join(packageRoot, 'state.sample.json');

/** Runs discover against a seed-42 simulator and returns the catalog text as printed. */
export async function discoverSampleCatalog(): Promise<string> {
  return withSimulator(async (configPath) => {
    const run = await runTap(['--config', configPath, '--discover']);
    if (run.code !== 0) throw new Error(`discover failed: ${run.stderr}`);
    return run.stdout;
  });
}

async function withSimulator<T>(task: (configPath: string, simulator: RunningSimulator) => Promise<T>): Promise<T> {
  const simulator = await startSimulator({ seed: 42, scale: 100 });
  try {
    const configPath = join(mkdtempSync(join(tmpdir(), 'tap-gainsight-samples-')), 'config.json');
    writeFileSync(configPath, JSON.stringify({ domain: simulator.url, credentials: { access_token: simulator.accessKey }, start_date: '2020-01-01' }));
    return await task(configPath, simulator);
  } finally {
    await simulator.stop();
  }
}

async function main(): Promise<void> {
  const catalog = await discoverSampleCatalog();
  writeFileSync(catalogSamplePath, catalog);

  const state = await withSimulator(async (configPath) => {
    const run = await runTap(['--config', configPath, '--catalog', catalogSamplePath]);
    if (run.code !== 0) throw new Error(`sync failed: ${run.stderr}`);
    return lastState(parseMessages(run.stdout));
  });
  writeFileSync(stateSamplePath, `${JSON.stringify(state, null, 2)}\n`);
  process.stderr.write(`wrote ${catalogSamplePath} and ${stateSamplePath}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
