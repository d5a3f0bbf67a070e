/**
 * The kind of failure, named by what the user should do about it. Airbyte's `failure_type` values are
 * used as the names because they already draw that line: fix the configuration, try again later,
 * or report a bug.
 */
export type FailureType = 'config_error' | 'transient_error' | 'system_error';

/** Process exit statuses, documented in the README. */
export const ExitCode = {
  success: 0,
  internal: 1,
  configuration: 2,
  api: 3,
  transient: 4,
} as const;

/** Base class of every error the tap reports to the user as one line, without a stack trace. */
export abstract class TapError extends Error {
  abstract readonly failureType: FailureType;
  abstract readonly exitCode: number;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
