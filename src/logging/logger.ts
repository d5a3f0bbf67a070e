/** Log levels, least to most severe. */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Key-value details appended to a log line, such as `records=5000 seconds=1.2`. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/**
 * The logger every module receives instead of writing to the console, so the CLI decides where
 * lines go (stderr for Singer, LOG messages for Airbyte) and how secrets are removed.
 */
export interface Logger {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Returns a logger whose lines name `stream`. */
  forStream(stream: string): Logger;
  isEnabled(level: LogLevel): boolean;
}

/** Receives each formatted event; `text` has no trailing newline and has passed redaction. */
export type LogSink = (level: LogLevel, text: string) => void;

export interface LoggerOptions {
  level: LogLevel;
  sink: LogSink;
  /** Removes secrets from a finished line; every line passes through it. */
  redact?: (text: string) => string;
  /** Adds an ISO timestamp in front of each line (the Airbyte platform stamps LOG messages itself). */
  timestamps?: boolean;
}

export function isLogLevel(value: string): value is LogLevel {
  return (logLevels as readonly string[]).includes(value);
}

/** Creates a logger that writes one event per line: time, level, stream, message, fields. */
export function createLogger(options: LoggerOptions, stream?: string): Logger {
  const threshold = logLevels.indexOf(options.level);
  const redact = options.redact ?? ((text: string) => text);
  const isEnabled = (level: LogLevel) => logLevels.indexOf(level) >= threshold;

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (!isEnabled(level)) return;
    const parts: string[] = [];
    if (options.timestamps !== false) parts.push(new Date().toISOString());
    parts.push(level.toUpperCase().padEnd(5));
    parts.push(stream === undefined ? message : `${stream}: ${message}`);
    const details = formatFields(fields);
    if (details !== '') parts.push(details);
    options.sink(level, redact(parts.join(' ')));
  };

  return {
    level: options.level,
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    forStream: (name) => createLogger(options, name),
    isEnabled,
  };
}

/** A logger that drops everything, for library calls whose caller does not care. */
export const silentLogger: Logger = createLogger({ level: 'error', sink: () => undefined });

// Values with spaces or quotes are JSON-quoted so each line stays machine-splittable.
function formatFields(fields: LogFields | undefined): string {
  if (fields === undefined) return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = String(value);
    pairs.push(`${key}=${/[\s"=]/.test(text) || text === '' ? JSON.stringify(text) : text}`);
  }
  return pairs.join(' ');
}
