#!/usr/bin/env node
/**
 * `gainsight-simulator`: runs the Gainsight NXT API simulator until SIGTERM or SIGINT.
 * The first stdout line is `{"url":"http://127.0.0.1:PORT","accessKey":"..."}`; request logs go
 * to stderr.
 */

import { Command, InvalidArgumentError, Option } from 'commander';

import { packageInfo } from '../package-root.js';
import { MAX_SCALE } from './data.js';
import { startSimulator, type SimulatorOptions } from './index.js';

function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`Use an integer from ${min} to ${max}.`);
    }
    return number;
  };
}

function nonNegativeNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new InvalidArgumentError('Use a number of 0 or more.');
  return number;
}

function buildProgram(): Command {
  return new Command('gainsight-simulator')
    .description('Serve a simulated Gainsight NXT tenant on 127.0.0.1 for tests, demos and benchmarks.')
    .version(packageInfo.version)
    .addOption(new Option('--port <port>', 'TCP port on 127.0.0.1; 0 picks a free port').default(0).argParser(integerIn(0, 65_535)))
    .addOption(new Option('--seed <seed>', 'seed of the generated data; equal seeds serve equal data').default(42).argParser(integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)))
    .addOption(new Option('--scale <records>', `records per object, 1 to ${MAX_SCALE}; activity_timeline gets 3 times as many`).default(1000).argParser(integerIn(1, MAX_SCALE)))
    .addOption(new Option('--access-key <key>', 'access key that clients must send in the accesskey header').default('demo-access-key'))
    .addOption(new Option('--date-format <format>', 'DATE and DATETIME values as ISO-8601 strings or epoch milliseconds').choices(['iso', 'epoch']).default('iso'))
    .addOption(new Option('--envelope <form>', 'query records in data.records, or as a bare list in data').choices(['records', 'list']).default('records'))
    .addOption(new Option('--empty-result <form>', 'answer to an empty query: data.records [], HTTP 200 result:false "No data found", or HTTP 400 GSOBJ_1011').choices(['records', 'no-data', 'gsobj-1011']).default('records'))
    .addOption(new Option('--filter-grain <grain>', 'precision at which DATETIME filters compare').choices(['millisecond', 'second']).default('millisecond'))
    .addOption(new Option('--rate-limit <calls>', 'calls per minute in a fixed window, answered with HTTP 429 beyond it; 0 turns it off').default(0).argParser(integerIn(0, 1_000_000)))
    .addOption(new Option('--latency <ms>', 'milliseconds added before every /v1 answer').default(0).argParser(nonNegativeNumber))
    .addOption(new Option('--omit-fields <fields>', 'comma-separated standard fields the tenant lacks, such as Company.Industry,gsuser.Title'))
    .showHelpAfterError(false);
}

async function main(): Promise<void> {
  const program = buildProgram().parse();
  const opts = program.opts<{
    port: number;
    seed: number;
    scale: number;
    accessKey: string;
    dateFormat: SimulatorOptions['dateFormat'];
    envelope: SimulatorOptions['envelope'];
    emptyResult: SimulatorOptions['emptyResult'];
    filterGrain: SimulatorOptions['filterGrain'];
    rateLimit: number;
    latency: number;
    omitFields?: string;
  }>();
  const log = (line: string) => process.stderr.write(`${line}\n`);

  let simulator;
  try {
    simulator = await startSimulator({
      port: opts.port,
      seed: opts.seed,
      scale: opts.scale,
      accessKey: opts.accessKey,
      dateFormat: opts.dateFormat,
      envelope: opts.envelope,
      emptyResult: opts.emptyResult,
      filterGrain: opts.filterGrain,
      rateLimit: opts.rateLimit,
      latencyMs: opts.latency,
      omitFields: opts.omitFields?.split(',').map((field) => field.trim()).filter((field) => field !== '') ?? [],
      log,
    });
  } catch (error) {
    log(`gainsight-simulator: error: ${(error as Error).message}`);
    process.exit(1);
  }

  // Handlers go in before the URL line, so a client may signal as soon as it has read it.
  const stop = (signal: string) => {
    log(`gainsight-simulator stopping on ${signal}`);
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`gainsight-simulator: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  process.stdout.write(`${JSON.stringify({ url: simulator.url, accessKey: simulator.accessKey })}\n`);
  log(`gainsight-simulator ${packageInfo.version} listening on ${simulator.url} (seed ${opts.seed}, scale ${opts.scale})`);
}

await main();
