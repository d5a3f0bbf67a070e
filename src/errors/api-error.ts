import { ExitCode, TapError, type FailureType } from './tap-error.js';

/** The place in the Gainsight API where an error happened, for the message and the logs. */
export interface ApiErrorContext {
  /** The stream being synced, when the request served one. */
  stream?: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Gainsight's `errorCode` from the response envelope, when the body had one. */
  errorCode?: string;
  /** Gainsight's `requestId` from the response envelope, for a support ticket. */
  requestId?: string;
}

function describeContext(context: ApiErrorContext): string {
  const parts = [
    context.stream === undefined ? undefined : `stream ${context.stream}`,
    context.status === undefined ? undefined : `HTTP ${context.status}`,
    context.errorCode ? `errorCode ${context.errorCode}` : undefined,
    context.requestId ? `requestId ${context.requestId}` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/**
 * A permanent error from the Gainsight API that retrying will not fix: a 4xx other than
 * throttling, or a 200 response with `result: false` that is not one of the documented empty results.
 */
export class ApiError extends TapError {
  readonly failureType: FailureType = 'system_error';
  readonly exitCode: number = ExitCode.api;
  readonly context: ApiErrorContext;

  constructor(message: string, context: ApiErrorContext = {}, options?: { cause?: unknown }) {
    super(`${message}${describeContext(context)}`, options);
    this.context = context;
  }
}

/**
 * Gainsight refused the credentials or the caller's address: HTTP 401, `GS_APIG_2401`,
 * `GSOBJ_1024` or `GS_APIG_2402`. The user fixes it in the configuration or in Gainsight's admin
 * pages, so it counts as a configuration error.
 */
export class AuthenticationError extends ApiError {
  override readonly failureType = 'config_error';
  override readonly exitCode = ExitCode.configuration;
}

/**
 * The tenant rejected a field in `select` (`GSOBJ_1002`): the catalog names a field this tenant
 * does not have. `fields` lists the fields the error text names, and is empty when it names none.
 */
export class InvalidFieldError extends ApiError {
  override readonly failureType = 'config_error';
  override readonly exitCode = ExitCode.configuration;
  readonly fields: readonly string[];

  constructor(message: string, fields: readonly string[], context: ApiErrorContext = {}) {
    super(message, context);
    this.fields = fields;
  }
}

/**
 * A transient fault (throttling, a 5xx, a reset, a timeout, an unreadable body) that outlasted
 * every retry. Running the tap again later with the last STATE resumes the sync.
 */
export class RetriesExhaustedError extends ApiError {
  override readonly failureType = 'transient_error';
  override readonly exitCode = ExitCode.transient;
}

/**
 * A request the tap refused to send or to follow: a path outside the read-only allow-list, or a
 * redirect, which is never followed so the access key cannot reach another host.
 */
export class UnsafeRequestError extends ApiError {
  override readonly failureType = 'system_error';
  override readonly exitCode = ExitCode.api;
}
