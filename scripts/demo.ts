/**
 * The demo: starts the Gainsight NXT simulator, points the tap at it, runs discover and then a
 * sync, saves the Singer output, prints a per-stream summary and stops the simulator.
 *
 *   npm run demo                      # 1,000 rows per object
 *   DEMO_SCALE=20000 npm run demo     # more rows
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { startSimulator } from '../src/simulator/index.js';
import { lastState, parseMessages, recordCounts, runTap } from './lib/tap-process.js';

const outputFolder = join(packageRoot, 'demo-output');
const scale = Number(process.env.DEMO_SCALE ?? 1000);

async function main(): Promise<number> {
  mkdirSync(outputFolder, { recursive: true });
  const simulator = await startSimulator({ seed: 42, scale });
  process.stderr.write(`simulator: ${simulator.url} (seed 42, ${scale} rows per object)\n`);

  try {
    const configPath = join(outputFolder, 'config.json');
    // The simulator's data spans fixed past years, so the demo reads from well before them.
    writeFileSync(configPath, `${JSON.stringify({ domain: simulator.url, credentials: { access_token: simulator.accessKey }, start_date: '2020-01-01' }, null, 2)}\n`);

    const discover = await runTap(['--config', configPath, '--discover']);
    if (discover.code !== 0) return fail('discover', discover.stderr, discover.code);
    const catalogPath = join(outputFolder, 'catalog.json');
    writeFileSync(catalogPath, discover.stdout);

    const sync = await runTap(['--config', configPath, '--catalog', catalogPath], { echoStderr: true });
    if (sync.code !== 0) return fail('sync', sync.stderr, sync.code);
    const outputPath = join(outputFolder, 'singer-output.jsonl');
    writeFileSync(outputPath, sync.stdout);

    const messages = parseMessages(sync.stdout);
    const statePath = join(outputFolder, 'state.json');
    writeFileSync(statePath, `${JSON.stringify(lastState(messages), null, 2)}\n`);

    printSummary(recordCounts(messages), sync.stderr);
    const where = (path: string) => relative(process.cwd(), path) || path;
    process.stdout.write(
      `\nSinger output: ${where(outputPath)} (${messages.length} messages)\n` +
        `catalog: ${where(catalogPath)}\nlast state: ${where(statePath)}\n\nFirst record of companies:\n` +
        // The line as the tap wrote it: parsing and printing it again would round its big numbers.
        `${sync.stdout.split('\n').find((line) => line.startsWith('{"type":"RECORD","stream":"companies"'))}\n`,
    );
    return 0;
  } finally {
    await simulator.stop();
  }
}

// The tap logs "sync finished records=N pages=N seconds=N" per stream; those lines give pages and time.
function printSummary(counts: Record<string, number>, stderr: string): void {
  const rows: string[][] = [['stream', 'records', 'pages', 'seconds']];
  for (const match of stderr.matchAll(/ (\w+): sync finished records=(\d+) pages=(\d+) seconds=([\d.]+)/g)) {
    const [, stream, records, pages, seconds] = match as unknown as string[];
    if (Number(records) !== (counts[stream as string] ?? 0)) throw new Error(`log and output disagree on ${stream}'s record count`);
    rows.push([stream as string, records as string, pages as string, seconds as string]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  process.stdout.write('\n');
  for (const row of rows) process.stdout.write(`${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}\n`);
}

function fail(step: string, stderr: string, code: number | null): number {
  process.stderr.write(`demo: ${step} failed with exit status ${code}\n${stderr}`);
  return 1;
}

process.exitCode = await main();
