/**
 * `npm run bench`: measures the tap against the raw floor and its targets on the simulator, prints
 * one table and writes it to docs/benchmarks.md with the machine and the command.
 *
 * Every figure comes from this run, side by side. CPU seconds and peak memory come from GNU time
 * (`/usr/bin/time`), call counts from the simulator's own request statistics.
 *
 *   npm run bench                    # the full run, about eight minutes
 *   BENCH_QUICK=1 npm run bench      # smaller data, for trying the script (figures not comparable)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../src/simulator/index.js';
import { streamDefinitions } from '../src/streams/definitions.js';
import { tapBin } from './lib/tap-process.js';

const quick = process.env.BENCH_QUICK === '1';
const work = mkdtempSync(join(tmpdir(), 'tap-gainsight-bench-'));
const rawFloorBin = join(packageRoot, 'dist', 'scripts', 'bench', 'raw-floor.js');
const slowSinkBin = join(packageRoot, 'dist', 'scripts', 'bench', 'slow-sink.js');
const sampleCatalog = JSON.parse(readFileSync(join(packageRoot, 'catalog.sample.json'), 'utf8')) as {
  streams: Array<{ tap_stream_id: string; schema: { properties: Record<string, unknown> }; metadata: Array<{ breadcrumb: string[]; metadata: Record<string, unknown> }> }>;
};

/** One row of the result table. */
interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean | undefined;
}

/** CPU, memory and time of one command, from GNU time. */
interface Measurement {
  cpuSeconds: number;
  peakRssMb: number;
  wallSeconds: number;
}

const figures: Figure[] = [];

function report(name: string, value: string, target: string, met: boolean | undefined): void {
  figures.push({ name, value, target, met });
  process.stderr.write(`bench: ${name}: ${value} (target ${target})${met === false ? ' NOT MET' : ''}\n`);
}

/**
 * Runs a shell pipeline whose first command is timed by GNU time. It runs asynchronously: the
 * simulator shares this process's event loop and must keep responding meanwhile.
 */
async function measure(timedCommand: string, rest = '> /dev/null'): Promise<Measurement> {
  const timeFile = join(work, 'time.txt');
  const child = spawn('bash', ['-o', 'pipefail', '-c', `/usr/bin/time -f '%U %S %M %e' -o ${timeFile} ${timedCommand} ${rest}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`benchmark command failed with status ${code}: ${timedCommand}`);

  const [user, system, maxRssKb, wall] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number) as number[];
  return { cpuSeconds: (user as number) + (system as number), peakRssMb: (maxRssKb as number) / 1024, wallSeconds: wall as number };
}

// Runs against a simulator without a rate limit lift the tap's own limit too, so the figures
// measure the tap's work rather than its waiting. The budget run keeps the default limit.
const unlimited = { requests_per_minute: 10_000 };

function writeConfig(simulator: RunningSimulator, name: string, settings: Record<string, unknown> = unlimited): string {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify({ domain: simulator.url, credentials: { access_token: simulator.accessKey }, start_date: '2020-01-01', ...settings }));
  return path;
}

/** Writes the sample catalog with only the named streams selected and returns its path. */
function writeCatalog(streams: string[]): string {
  const catalog = structuredClone(sampleCatalog);
  for (const stream of catalog.streams) {
    const top = stream.metadata.find((entry) => entry.breadcrumb.length === 0) as { metadata: Record<string, unknown> };
    top.metadata.selected = streams.includes(stream.tap_stream_id);
  }
  const path = join(work, `catalog-${streams.length === 1 ? streams[0] : streams.length}.json`);
  writeFileSync(path, JSON.stringify(catalog));
  return path;
}

async function withSimulator<T>(options: SimulatorOptions, task: (simulator: RunningSimulator) => Promise<T> | T): Promise<T> {
  const simulator = await startSimulator({ seed: 42, ...options });
  try {
    return await task(simulator);
  } finally {
    await simulator.stop();
  }
}

async function simulatorStats(simulator: RunningSimulator): Promise<{ queries: Record<string, number>; describes: number; rateLimited: number; total: number }> {
  const response = await fetch(`${simulator.url}/__simulator/stats`, { headers: { accesskey: simulator.accessKey } });
  return (await response.json()) as never;
}

async function resetStats(simulator: RunningSimulator): Promise<void> {
  await fetch(`${simulator.url}/__simulator/reset`, {
    method: 'POST',
    headers: { accesskey: simulator.accessKey, 'content-type': 'application/json' },
    body: JSON.stringify({ data: false, faults: false, stats: true }),
  });
}

const tap = (config: string, catalog: string) => `node ${tapBin} --config ${config} --catalog ${catalog} --log-level warn`;

/** CPU against the raw floor, and memory, on `rows` Company rows. */
async function cpuAndMemory(rows: number): Promise<Measurement> {
  return withSimulator({ scale: rows }, async (simulator) => {
    const config = writeConfig(simulator, `cpu-${rows}`);
    const catalog = writeCatalog(['companies']);
    const fields = Object.keys(sampleCatalog.streams[0]?.schema.properties ?? {}).join(',');
    const until = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

    const floor = await measure(`node ${rawFloorBin} ${simulator.url} ${simulator.accessKey} Company ModifiedDate ${fields} 5000 2020-01-01T00:00:00Z ${until}`);
    const measured = await measure(tap(config, catalog));
    report(`CPU seconds, raw floor, ${rows.toLocaleString('en')} companies rows`, floor.cpuSeconds.toFixed(2), 'reference', undefined);
    report(`CPU seconds, tap, ${rows.toLocaleString('en')} companies rows`, measured.cpuSeconds.toFixed(2), 'reference', undefined);
    // The target applies to the 1,000,000-row sync; smaller runs include start-up and are shown for reference.
    const ratio = measured.cpuSeconds / floor.cpuSeconds;
    const target = rows >= 1_000_000;
    report(`CPU ratio tap / raw floor, ${rows.toLocaleString('en')} rows`, ratio.toFixed(2), target ? '≤ 1.5' : 'reference', target ? ratio <= 1.5 : undefined);
    report(`peak RSS, tap, ${rows.toLocaleString('en')} rows`, `${measured.peakRssMb.toFixed(0)} MB`, '≤ 200 MB', measured.peakRssMb <= 200);
    return measured;
  });
}

async function slowReader(rows: number, bytesPerSecond: number): Promise<Measurement> {
  return withSimulator({ scale: rows }, async (simulator) => {
    const measured = await measure(tap(writeConfig(simulator, 'slow'), writeCatalog(['companies'])), `| node ${slowSinkBin} ${bytesPerSecond} 2> /dev/null`);
    report(
      `peak RSS, tap, ${rows.toLocaleString('en')} rows into a ${(bytesPerSecond / 1e6).toFixed(0)} MB/s reader`,
      `${measured.peakRssMb.toFixed(0)} MB (${measured.wallSeconds.toFixed(0)} s)`,
      '≤ 200 MB',
      measured.peakRssMb <= 200,
    );
    return measured;
  });
}

/** Query calls per stream against ceil(rows / page size), on a full sync of every stream. */
async function calls(scale: number): Promise<void> {
  await withSimulator({ scale }, async (simulator) => {
    const config = writeConfig(simulator, 'calls');
    await resetStats(simulator);
    await measure(tap(config, writeCatalog(streamDefinitions.map((stream) => stream.name))));
    const stats = await simulatorStats(simulator);

    let worst = 0;
    const parts: string[] = [];
    for (const stream of streamDefinitions) {
      const rows = await fetch(`${simulator.url}/__simulator/objects/${stream.objectName}/count`, { headers: { accesskey: simulator.accessKey } })
        .then((response) => response.json() as Promise<{ count: number }>)
        .then((body) => body.count);
      const ideal = Math.max(1, Math.ceil(rows / 5000));
      const queryCalls = stats.queries[stream.objectName] ?? 0;
      worst = Math.max(worst, queryCalls - ideal);
      parts.push(`${stream.name} ${queryCalls}/${ideal}`);
    }
    report(`query calls / ideal per stream, scale ${scale.toLocaleString('en')}`, parts.join(', '), '≤ ideal + 1 each', worst <= 1);
    report('describe and list calls per run', String(stats.describes), 'counted apart', undefined);
  });
}

/** Wall time of all streams together against the slowest stream alone, with 1 s per response. */
async function concurrency(scale: number): Promise<void> {
  await withSimulator({ scale, latencyMs: 1000 }, async (simulator) => {
    const config = writeConfig(simulator, 'concurrency');
    const together = (await measure(tap(config, writeCatalog(streamDefinitions.map((stream) => stream.name))))).wallSeconds;

    let slowest = { name: '', seconds: 0 };
    for (const stream of streamDefinitions) {
      const alone = (await measure(tap(config, writeCatalog([stream.name])))).wallSeconds;
      if (alone > slowest.seconds) slowest = { name: stream.name, seconds: alone };
    }
    const ratio = together / slowest.seconds;
    report(
      'wall time, 7 streams together / slowest alone, 1 s latency',
      `${together.toFixed(1)} s / ${slowest.seconds.toFixed(1)} s (${slowest.name}) = ${ratio.toFixed(2)}`,
      '≤ 1.3',
      ratio <= 1.3,
    );
  });
}

/**
 * Measures calls per minute under Gainsight's 100-per-minute limit with 1.5 s per response. A
 * stream pages one request after another, so one stream makes at most 40 calls a minute at that
 * latency. Five streams of equal size keep enough requests ready for the whole run.
 */
async function budget(scale: number, pageSize: number): Promise<void> {
  const streams = ['companies', 'users', 'call_to_actions', 'cs_tasks', 'success_plans'];
  await withSimulator({ scale, latencyMs: 1500, rateLimit: 100 }, async (simulator) => {
    const config = writeConfig(simulator, 'budget', { page_size: pageSize });
    await resetStats(simulator);
    const measured = await measure(tap(config, writeCatalog(streams)));
    const stats = await simulatorStats(simulator);
    const perMinute = stats.total / (measured.wallSeconds / 60);
    report(
      `calls per minute at a 100/min limit, 1.5 s latency, ${streams.length} streams (${stats.total} calls in ${measured.wallSeconds.toFixed(0)} s)`,
      perMinute.toFixed(1),
      '≥ 90',
      perMinute >= 90,
    );
    report('HTTP 429 answers received', String(stats.rateLimited), '0', stats.rateLimited === 0);
  });
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node.js ${process.version}, ${process.platform}`;
}

function table(): string {
  const rows = figures.map((figure) => `| ${figure.name} | ${figure.value} | ${figure.target} | ${figure.met === undefined ? '' : figure.met ? 'yes' : '**no**'} |`);
  return ['| figure | value | target | met |', '|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const large = quick ? 50_000 : 1_000_000;
  const small = quick ? 10_000 : 100_000;

  const smallRun = await cpuAndMemory(small);
  const largeRun = await cpuAndMemory(large);
  const growth = largeRun.peakRssMb / smallRun.peakRssMb;
  report(`peak RSS growth, ${large.toLocaleString('en')} / ${small.toLocaleString('en')} rows`, growth.toFixed(2), '≤ 1.2', growth <= 1.2);
  await slowReader(small, 4_000_000);
  await calls(quick ? 10_000 : 50_000);
  await concurrency(quick ? 5_000 : 20_000);
  await budget(quick ? 2_000 : 15_000, quick ? 500 : 200);

  const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
  const text = `${table()}\n`;
  process.stdout.write(`\n${text}\nmachine: ${machine()}\nbench time: ${minutes} min\n`);

  if (!quick) writeResults(minutes, text);
}

// docs/benchmarks.md keeps hand-written notes; only the part between the markers is replaced.
function writeResults(minutes: string, text: string): void {
  const path = join(packageRoot, 'docs', 'benchmarks.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const results =
    `${start}\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, in ${minutes} minutes, on ${machine()}.\n\n${text}${end}`;

  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const updated = from === -1 || to === -1 ? `${current}\n${results}\n` : `${current.slice(0, from)}${results}${current.slice(to + end.length)}`;
  writeFileSync(path, updated);
}

await main();
