import { GainsightClient } from '../client/gainsight-client.js';
import { discoverCatalog } from '../commands/singer-discover.js';
import { runSingerSync } from '../commands/singer-sync.js';
import { runSingerConnectionTest } from '../commands/singer-test.js';
import { logSyncSummary } from '../commands/sync-streams.js';
import { loadConfig, type ResolvedConfig } from '../config/index.js';
import { ConfigError, ExitCode } from '../errors/index.js';
import { readJsonFile } from '../input/read-json-file.js';
import { LineWriter } from '../protocol/line-writer.js';
import { formatCatalog, SingerOutput } from '../protocol/singer/singer-output.js';
import type { ProgressListener } from '../sync/sync-engine.js';
import { readStateValue, type StateValue } from '../sync/sync-state.js';
import type { RunContext } from './run-context.js';

/** The Singer command line's options after parsing. */
export interface SingerArguments {
  config: string[];
  discover: boolean;
  catalog?: string;
  properties?: string;
  state?: string;
  /** `--test` alone is `true`, the same check as `all`. */
  test?: true | 'all' | 'schema';
}

/** Hooks the command line passes to a run besides its options. */
export interface SingerRunOptions {
  /** Receives each stream's progress during a sync, for a live display. */
  onProgress?: ProgressListener;
}

/** Exit status when the reader of stdout closed the pipe (128 + SIGPIPE, as shells report it). */
export const outputClosedExitCode = 141;

/** Runs discover, the connection test or sync in Singer mode and returns the exit status. */
export async function runSingerCommand(args: SingerArguments, context: RunContext, run: SingerRunOptions = {}): Promise<number> {
  const config = loadConfig(args.config, process.env);
  context.secrets.push(config.accessKey);

  // Input files are read before any request, so a bad file fails fast.
  const catalog = readCatalogOption(args);
  const state = args.state === undefined ? { bookmarks: {}, currently_syncing: null } : readStateValue(readJsonFile(args.state, '--state'), `--state ${args.state}`);

  const writer = new LineWriter(process.stdout);
  writer.onClosed(() => context.requestStop('stdout was closed by its reader', outputClosedExitCode));
  const client = createClient(config, context);

  try {
    if (args.discover) {
      const discovered = await discoverCatalog(client, context.logger);
      await writer.write(formatCatalog(discovered));
      context.logger.info('discover finished', { streams: discovered.streams.length });
    } else if (args.test !== undefined) {
      await runSingerConnectionTest({
        client,
        output: new SingerOutput(writer),
        logger: context.logger,
        ...(catalog ? { catalog } : {}),
        startDate: config.startDate,
        check: args.test === 'schema' ? 'schema' : 'all',
      });
    } else {
      const exitCode = await sync(config, client, writer, context, catalog, state, run.onProgress);
      if (exitCode !== ExitCode.success) return exitCode;
    }
    await writer.flush();
    return writer.closed ? outputClosedExitCode : ExitCode.success;
  } finally {
    client.close();
  }
}

async function sync(
  config: ResolvedConfig,
  client: GainsightClient,
  writer: LineWriter,
  context: RunContext,
  catalog: { document: unknown; source: string } | undefined,
  state: StateValue,
  onProgress: ProgressListener | undefined,
): Promise<number> {
  const startedAt = new Date();
  const summary = await runSingerSync({
    client,
    output: new SingerOutput(writer),
    ...(catalog ? { catalog } : {}),
    state,
    ...runSettings(config, context, startedAt),
    onProgress,
  });

  logSyncSummary(context.logger, summary, client, startedAt);

  if (summary.error !== undefined) throw summary.error;
  if (writer.closed) return outputClosedExitCode;
  return ExitCode.success;
}

function readCatalogOption(args: SingerArguments): { document: unknown; source: string } | undefined {
  if (args.catalog !== undefined && args.properties !== undefined) {
    throw new ConfigError('--catalog and --properties both name a catalog; pass only one');
  }
  const option = args.catalog !== undefined ? '--catalog' : '--properties';
  const path = args.catalog ?? args.properties;
  if (path === undefined) return undefined;
  return { document: readJsonFile(path, option), source: `${option} ${path}` };
}

export function createClient(config: ResolvedConfig, context: RunContext): GainsightClient {
  return new GainsightClient(config, { logger: context.logger, stopSignal: context.stopSignal });
}

/** Returns the settings of a sync that come from the configuration and the run, for either protocol. */
export function runSettings(config: ResolvedConfig, context: RunContext, startedAt: Date) {
  return {
    logger: context.logger,
    startDate: config.startDate,
    pageSize: config.pageSize,
    stopSignal: context.stopSignal,
    requestStop: () => context.requestStop('a stream failed'),
    startedAt,
  };
}
