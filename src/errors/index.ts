export { ConfigError } from './config-error.js';
export { ExitCode, TapError, type FailureType } from './tap-error.js';
