import { Command, CommanderError } from 'commander';
import { checkConnection } from '../commands/airbyte-check.js';
import { discoverAirbyteCatalog } from '../commands/airbyte-discover.js';
import { logSyncSummary, syncStreams } from '../commands/sync-streams.js';
import { airbyteConnectionSpecification, loadConfig, type ResolvedConfig } from '../config/index.js';
import { ConfigError, ExitCode, TapError } from '../errors/index.js';
import { readJsonFile } from '../input/read-json-file.js';
import { AirbyteOutput } from '../protocol/airbyte/airbyte-output.js';
import { readConfiguredCatalog } from '../protocol/airbyte/configured-catalog.js';
import { connectionStatusMessage, describeFailure, errorTraceMessage, formatMessage, logMessage, type AirbyteMessage } from '../protocol/airbyte/messages.js';
import { readAirbyteState } from '../protocol/airbyte/state-input.js';
import { LineWriter } from '../protocol/line-writer.js';
import type { StateValue } from '../sync/sync-state.js';
import { resolveLogLevel, RunContext } from './run-context.js';
import { createClient, outputClosedExitCode, runSettings } from './singer-command.js';

/** The commands of the Airbyte protocol; a first argument among them selects Airbyte mode. */
export const airbyteCommands = ['spec', 'check', 'discover', 'read'] as const;
type AirbyteCommand = (typeof airbyteCommands)[number];

/** The Airbyte command line after parsing. */
interface AirbyteArguments {
  command: AirbyteCommand;
  config?: string;
  catalog?: string;
  state?: string;
}

export function isAirbyteCommand(argument: string | undefined): argument is AirbyteCommand {
  return (airbyteCommands as readonly string[]).includes(argument ?? '');
}

/**
 * Runs one Airbyte command and returns the exit status. stdout carries only Airbyte messages, and
 * logs become LOG messages. Every problem, even in the arguments, becomes a message too: for
 * `check` a CONNECTION_STATUS FAILED with exit status 0, for the other commands a TRACE ERROR and
 * a non-zero exit status.
 */
export async function runAirbyteCommand(argv: string[]): Promise<number> {
  const command = argv[2];
  const writer = new LineWriter(process.stdout);
  const emit = (message: AirbyteMessage) => writer.write(formatMessage(message));
  let context: RunContext | undefined;

  try {
    const args = parseArguments(argv);
    if (args === undefined) return ExitCode.success;

    // The platform stamps each LOG message with its own time, so lines carry none.
    const runContext = new RunContext(resolveLogLevel(undefined, process.env), (level, text) => writer.writeNow(formatMessage(logMessage(level, text))), false);
    context = runContext;
    runContext.handleSignals();
    writer.onClosed(() => runContext.requestStop('stdout was closed by its reader', outputClosedExitCode));

    const exitCode = await runCommand(args, writer, runContext);
    await writer.flush();
    return writer.closed ? outputClosedExitCode : exitCode;
  } catch (error) {
    const redact = (text: string) => (context === undefined ? text : context.redact(text));
    if (command === 'check') {
      await emit(connectionStatusMessage('FAILED', redact(describeFailure(error))));
      await writer.flush();
      return ExitCode.success;
    }
    await emit(errorTraceMessage(error, redact));
    await writer.flush();
    return exitCodeOf(error);
  }
}

/** Parses the arguments; returns undefined when help was printed. Problems are a `ConfigError`. */
function parseArguments(argv: string[]): AirbyteArguments | undefined {
  let parsed: AirbyteArguments | undefined;
  const configHelp = 'settings file (JSON), as the spec command describes it; ENV reads TAP_GAINSIGHT_* variables';

  // Help goes to stderr and errors are thrown, because stdout carries only Airbyte messages.
  const program = new Command('tap-gainsight')
    .description('Airbyte source commands (Airbyte protocol v0). Without one of them, tap-gainsight is a Singer tap.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stderr.write(text), writeErr: () => undefined });

  program
    .command('spec')
    .description('print the connection specification: the JSON Schema of the settings')
    .action(() => {
      parsed = { command: 'spec' };
    });
  program
    .command('check')
    .description('check that the settings reach the tenant and its access key works')
    .option('--config <file>', configHelp)
    .action((options: { config?: string }) => {
      parsed = { command: 'check', ...options };
    });
  program
    .command('discover')
    .description("print the catalog of this tenant's streams and fields")
    .option('--config <file>', configHelp)
    .action((options: { config?: string }) => {
      parsed = { command: 'discover', ...options };
    });
  program
    .command('read')
    .description('read the streams of a configured catalog, resuming from a state')
    .option('--config <file>', configHelp)
    .requiredOption('--catalog <file>', 'configured catalog: the streams to read and their sync modes')
    .option('--state <file>', 'state to resume from: a JSON list of per-stream states from an earlier read')
    .action((options: { config?: string; catalog: string; state?: string }) => {
      parsed = { command: 'read', ...options };
    });

  try {
    program.parse(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return undefined;
    throw new ConfigError(`${error.message.replace(/^error: /, '')}; run tap-gainsight ${argv[2]} --help for the options`);
  }
  return parsed;
}

async function runCommand(args: AirbyteArguments, writer: LineWriter, context: RunContext): Promise<number> {
  const emit = (message: AirbyteMessage) => writer.write(formatMessage(message));

  if (args.command === 'spec') {
    await emit({ type: 'SPEC', spec: { connectionSpecification: airbyteConnectionSpecification() } });
    return ExitCode.success;
  }

  const config = loadAirbyteConfig(args, context);
  if (args.command === 'read') return read(args, config, writer, context);

  const client = createClient(config, context);
  try {
    if (args.command === 'check') {
      await emit(connectionStatusMessage('SUCCEEDED', await checkConnection(client, context.logger)));
    } else {
      await emit({ type: 'CATALOG', catalog: await discoverAirbyteCatalog(client, context.logger) });
    }
    return ExitCode.success;
  } finally {
    client.close();
  }
}

async function read(args: AirbyteArguments, config: ResolvedConfig, writer: LineWriter, context: RunContext): Promise<number> {
  // Input files are read before any request, so a bad file fails fast.
  const catalogPath = args.catalog as string;
  const configured = readConfiguredCatalog(readJsonFile(catalogPath, '--catalog'), `--catalog ${catalogPath}`, context.logger);
  const state: StateValue =
    args.state === undefined ? { bookmarks: {}, currently_syncing: null } : readAirbyteState(readJsonFile(args.state, '--state'), `--state ${args.state}`);

  const client = createClient(config, context);
  const startedAt = new Date();
  try {
    const { summary } = await syncStreams({
      client,
      output: new AirbyteOutput(writer, (text) => context.redact(text)),
      select: () => configured.map(({ selection, syncMode }) => ({ selection, fullRefresh: syncMode === 'full_refresh' })),
      state,
      ...runSettings(config, context, startedAt),
    });
    logSyncSummary(context.logger, summary, client, startedAt);

    // A failed stream has written its TRACE ERROR already; only the exit status is left to set.
    if (summary.error === undefined) return ExitCode.success;
    return exitCodeOf(summary.error);
  } finally {
    client.close();
  }
}

function loadAirbyteConfig(args: AirbyteArguments, context: RunContext): ResolvedConfig {
  const config = loadConfig(args.config === undefined ? [] : [args.config], process.env);
  context.secrets.push(config.accessKey);
  return config;
}

function exitCodeOf(error: unknown): number {
  return error instanceof TapError ? error.exitCode : ExitCode.internal;
}
