import { Command, CommanderError, Option } from 'commander';
import { ConfigError, ExitCode } from '../errors/index.js';
import { packageInfo } from '../package-root.js';
import { aboutFormats, formatAbout, type AboutFormat } from './about.js';
import { isAirbyteCommand, runAirbyteCommand } from './airbyte-command.js';
import { LiveProgressDisplay } from './live-progress.js';
import { resolveLogLevel, RunContext } from './run-context.js';
import { runSingerCommand, type SingerArguments } from './singer-command.js';

/** Parses the Singer command line and runs it; returns the exit status. */
async function main(argv: string[]): Promise<number> {
  const program = new Command('tap-gainsight')
    .description(packageInfo.description)
    .version(packageInfo.version, '--version', 'print the version and exit')
    .option('--config <file>', 'settings file (JSON); repeat to merge several, later files win', collect, [])
    .option('--discover', 'print the catalog of streams and fields this tenant has, then exit')
    .option('--catalog <file>', 'Singer catalog choosing the streams and fields to sync')
    .addOption(new Option('--properties <file>', 'older name of --catalog, for tools that still pass it'))
    .option('--state <file>', 'state from an earlier run (its last STATE message value) to resume from')
    .option('--log-level <level>', 'debug, info, warn or error (default: LOG_LEVEL, else info)')
    .option('--about', 'print the name, version, capabilities and settings, then exit; needs no config')
    .addOption(new Option('--format <format>', 'format of --about (default: text)').choices(aboutFormats))
    .addOption(
      new Option('--test [check]', 'check the connection: SCHEMA and one RECORD per selected stream (all, the default), or only the SCHEMA messages (schema)')
        .choices(['all', 'schema'])
        .conflicts('discover'),
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.success : ExitCode.configuration;
    throw error;
  }

  const options = program.opts<SingerArguments & { logLevel?: string; about?: boolean; format?: AboutFormat }>();
  if (options.about) {
    process.stdout.write(formatAbout(options.format ?? 'text'));
    return ExitCode.success;
  }

  // On a terminal, per-stream progress is redrawn in place below the log lines. Elsewhere (a
  // pipe, a file, Meltano) the sync engine writes progress as periodic log lines instead.
  const display = process.stderr.isTTY ? new LiveProgressDisplay(process.stderr) : undefined;
  const writeLine = (line: string) => (display ? display.log(line) : process.stderr.write(`${line}\n`));
  let context: RunContext | undefined;

  try {
    if (options.format !== undefined) throw new ConfigError('--format applies only to --about; add --about or leave --format out');
    context = new RunContext(resolveLogLevel(options.logLevel, process.env), (_level, text) => writeLine(text));
    context.handleSignals();
    return await runSingerCommand(options, context, { onProgress: display?.update.bind(display) });
  } catch (error) {
    return (context ?? new RunContext('info', () => undefined)).reportError(error, (line) => writeLine(`tap-gainsight: ${line}`));
  } finally {
    display?.stop();
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Runs the command line and sets the exit status. A first argument that names an Airbyte command
 * (spec, check, discover, read) selects Airbyte mode; anything else is the Singer command line.
 */
export async function runCommandLine(argv: string[]): Promise<void> {
  const exitCode = isAirbyteCommand(argv[2]) ? await runAirbyteCommand(argv) : await main(argv);
  process.exitCode = exitCode;
  // Connections and timers are closed by now; this only guards against a handle left open.
  setTimeout(() => process.exit(exitCode), 5000).unref();
}
