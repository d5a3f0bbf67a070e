import type { Secret } from '../config/secret.js';
import { ConfigError, ExitCode, isAbortError, TapError } from '../errors/index.js';
import { createLogger, isLogLevel, type LogLevel, type Logger, type LogSink } from '../logging/logger.js';
import { redact } from '../logging/redact.js';

/**
 * The context every command of a run shares: the logger, the secrets it must never print, and the stop
 * signal raised by SIGTERM, SIGINT or a closed stdout.
 */
export class RunContext {
  readonly logger: Logger;
  readonly secrets: Secret[] = [];
  private readonly stopController = new AbortController();
  private stopReason: { message: string; exitCode: number } | undefined;

  constructor(level: LogLevel, sink: LogSink, timestamps = true) {
    this.logger = createLogger({ level, sink, timestamps, redact: (text) => this.redact(text) });
  }

  get stopSignal(): AbortSignal {
    return this.stopController.signal;
  }

  /**
   * Asks the run to stop: no new requests; pages already requested are finished and written.
   * `exitCode` is the status to exit with when the stop cuts a command short.
   */
  requestStop(reason: string, exitCode: number = ExitCode.internal): void {
    if (this.stopController.signal.aborted) return;
    this.stopReason = { message: reason, exitCode };
    this.logger.warn(`stopping: ${reason}`);
    this.stopController.abort();
  }

  redact(text: string): string {
    return this.secrets.length === 0 ? text : redact(text, this.secrets);
  }

  /**
   * Stops the run gracefully on the first SIGTERM or SIGINT (Meltano's connection test sends
   * SIGTERM as soon as it reads a record) and exits at once on the second.
   */
  handleSignals(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        // 128 + the signal number, as shells report a process ended by the signal.
        const exitCode = signal === 'SIGINT' ? 130 : 143;
        if (this.stopController.signal.aborted) process.exit(exitCode);
        this.requestStop(`received ${signal}`, exitCode);
      });
    }
  }

  /**
   * Reports an error as one line without the access key, with the stack only at debug level,
   * and returns the exit status it calls for.
   */
  reportError(error: unknown, write: (line: string) => void): number {
    // A stop can abort a request of a command other than sync, such as discover waiting to retry.
    // That command then ends without its output, which is not a bug.
    if (this.stopReason !== undefined && isAbortError(error)) {
      write(`stopped before the command finished: ${this.stopReason.message}`);
      return this.stopReason.exitCode;
    }
    if (error instanceof ConfigError) {
      for (const problem of error.problems) write(this.redact(`error: ${problem}`));
    } else if (error instanceof TapError) {
      write(this.redact(`error: ${error.message}`));
    } else {
      const message = error instanceof Error ? error.message : String(error);
      write(this.redact(`internal error: ${message}; please report it with the log at --log-level debug`));
    }
    if (this.logger.isEnabled('debug') && error instanceof Error && error.stack) write(this.redact(error.stack));
    return error instanceof TapError ? error.exitCode : ExitCode.internal;
  }
}

/** Picks the log level from the option, else `LOG_LEVEL`, else `info`. */
export function resolveLogLevel(option: string | undefined, env: NodeJS.ProcessEnv): LogLevel {
  const value = (option ?? env.LOG_LEVEL ?? 'info').toLowerCase();
  if (value === 'warning') return 'warn';
  if (!isLogLevel(value)) {
    throw new ConfigError(`--log-level ${JSON.stringify(value)} is not a log level; use debug, info, warn or error`);
  }
  return value;
}

