export { isAbortError } from './abort.js';
export {
  ApiError,
  AuthenticationError,
  InvalidFieldError,
  RetriesExhaustedError,
  UnsafeRequestError,
  type ApiErrorContext,
} from './api-error.js';
export { ConfigError } from './config-error.js';
export { ExitCode, TapError, type FailureType } from './tap-error.js';
