import type { TapRun } from '../../scripts/lib/tap-process.js';

export * from '../../scripts/lib/tap-process.js';

/** Returns the lines the CLI prints when it reports a run's error (log lines start with a time). */
export function errorLines(run: TapRun): string[] {
  return run.stderr.split('\n').filter((line) => line.startsWith('tap-gainsight: '));
}
