/**
 * In-process API of the Gainsight NXT API simulator: start a simulated tenant on 127.0.0.1,
 * get its URL and access key, stop it.
 *
 * ```ts
 * const simulator = await startSimulator({ scale: 10_000 });
 * // POST `${simulator.url}/v1/data/objects/query/Company` with header accesskey: simulator.accessKey
 * await simulator.stop();
 * ```
 */

import { Dataset, MAX_SCALE } from './data.js';
import { FaultSchedule } from './faults.js';
import { Catalog } from './objects.js';
import { RateLimiter } from './rate-limit.js';
import { SimulatorServer } from './server.js';
import { Stats } from './stats.js';

export interface SimulatorOptions {
  /** TCP port; 0 (the default) picks a free one. The server always binds 127.0.0.1. */
  port?: number;
  /** Seed of all generated data; default 42. */
  seed?: number;
  /** Records per object, default 1000; activity_timeline gets 3 times as many. */
  scale?: number;
  /** Access key clients must send in the `accesskey` header; default `demo-access-key`. */
  accessKey?: string;
  /** Format of DATE and DATETIME values: ISO-8601 strings (default) or epoch milliseconds. */
  dateFormat?: 'iso' | 'epoch';
  /** Place of query records: `data.records` (default) or a bare list in `data`. */
  envelope?: 'records' | 'list';
  /** Response to an empty query, one of Gainsight's three documented forms; default `records`. */
  emptyResult?: 'records' | 'no-data' | 'gsobj-1011';
  /** Precision at which DATETIME filters compare; default `millisecond`. */
  filterGrain?: 'millisecond' | 'second';
  /** Calls per minute in a fixed window; 0 or undefined turns the limit off. */
  rateLimit?: number;
  /** Milliseconds added before every `/v1` response; default 0. */
  latencyMs?: number;
  /** Standard fields this tenant lacks, as `Object.Field` (`Company.Industry`). */
  omitFields?: string[];
  /** Receives one line per request (method, path, status, milliseconds); default: no logging. */
  log?: (line: string) => void;
}

export interface RunningSimulator {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string;
  accessKey: string;
  /** Closes the server and all open sockets. */
  stop(): Promise<void>;
}

/** Starts a simulator; rejects with an Error naming the option when an option is invalid. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const settings = validateOptions(options);
  const catalog = new Catalog(settings.omitFields);
  const dataset = new Dataset(settings.seed, settings.scale, catalog);

  const server = new SimulatorServer({
    dataset,
    seed: settings.seed,
    accessKey: settings.accessKey,
    stats: new Stats(),
    faults: new FaultSchedule(),
    rateLimiter: settings.rateLimit > 0 ? new RateLimiter(settings.rateLimit) : undefined,
    dateFormat: settings.dateFormat,
    envelope: settings.envelope,
    emptyResult: settings.emptyResult,
    filterGrain: settings.filterGrain,
    latencyMs: settings.latencyMs,
    log: options.log,
  });
  const port = await server.listen(settings.port);

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    accessKey: settings.accessKey,
    stop: () => (stopped ??= server.close()),
  };
}

type Settings = Required<Omit<SimulatorOptions, 'log'>>;

function validateOptions(options: SimulatorOptions): Settings {
  const integer = (name: string, value: number | undefined, fallback: number, min: number, max: number): number => {
    const chosen = value ?? fallback;
    if (!Number.isSafeInteger(chosen) || chosen < min || chosen > max) {
      throw new Error(`invalid ${name} ${chosen}: use an integer from ${min} to ${max}`);
    }
    return chosen;
  };
  const oneOf = <T extends string>(name: string, value: T | undefined, choices: readonly T[]): T => {
    const chosen = value ?? (choices[0] as T);
    if (!choices.includes(chosen)) throw new Error(`invalid ${name} '${chosen}': use one of ${choices.join(', ')}`);
    return chosen;
  };

  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`invalid latencyMs ${latencyMs}: use 0 or more milliseconds`);
  const accessKey = options.accessKey ?? 'demo-access-key';
  if (accessKey === '') throw new Error('invalid accessKey: it must not be empty');

  return {
    port: integer('port', options.port, 0, 0, 65_535),
    seed: integer('seed', options.seed, 42, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    scale: integer('scale', options.scale, 1000, 1, MAX_SCALE),
    accessKey,
    dateFormat: oneOf('dateFormat', options.dateFormat, ['iso', 'epoch'] as const),
    envelope: oneOf('envelope', options.envelope, ['records', 'list'] as const),
    emptyResult: oneOf('emptyResult', options.emptyResult, ['records', 'no-data', 'gsobj-1011'] as const),
    filterGrain: oneOf('filterGrain', options.filterGrain, ['millisecond', 'second'] as const),
    rateLimit: integer('rateLimit', options.rateLimit, 0, 0, 1_000_000),
    latencyMs,
    omitFields: options.omitFields ?? [],
  };
}
