import { ExitCode, TapError } from './tap-error.js';

/**
 * A problem with the settings or an input file (config, catalog, state). `problems` contains one line
 * per problem, each naming the setting or file and the fix; `message` joins them.
 */
export class ConfigError extends TapError {
  readonly failureType = 'config_error';
  readonly exitCode = ExitCode.configuration;
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[], options?: { cause?: unknown }) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'), options);
    this.problems = list;
  }
}
