import type { StreamProgress } from '../sync/sync-engine.js';

/** Terminal stream the display draws on, such as `process.stderr`. */
export interface ProgressTerminal {
  write(text: string): unknown;
  /** Width in characters; lines are cut to fit, because a wrapped line would break the redraw. */
  columns?: number;
}

export interface LiveProgressOptions {
  /** Clock in epoch milliseconds; tests pass a fake one. */
  now?: () => number;
  /** Milliseconds between redraws while a stream runs; 0 turns the timer off. */
  redrawIntervalMs?: number;
}

interface ShownStream {
  progress: StreamProgress;
  /** When the progress arrived, so the elapsed time of a running stream keeps counting. */
  receivedAt: number;
}

const statusWords: Record<StreamProgress['status'], string> = {
  running: 'running',
  complete: 'done',
  stopped: 'stopped',
  failed: 'failed',
};

// ANSI control sequences (ECMA-48): cursor up n lines, then erase from the cursor to the end of
// the screen.
const cursorUp = (lines: number) => `\u001b[${lines}A`;
const eraseDown = '\u001b[J';

/**
 * A block of one line per stream (records, rows per second, elapsed time, status) at the bottom
 * of a terminal, redrawn in place. Log lines are written above the block through `log`, so the
 * two never overwrite each other. Progress is drawn on a timer rather than on every page, so fast
 * streams cost at most a few redraws a second.
 */
export class LiveProgressDisplay {
  private readonly streams = new Map<string, ShownStream>();
  private readonly now: () => number;
  private readonly redrawIntervalMs: number;
  private drawnLines = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly terminal: ProgressTerminal,
    options: LiveProgressOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.redrawIntervalMs = options.redrawIntervalMs ?? 250;
  }

  /** Records a stream's progress; a start or an end is drawn at once, pages at the next tick. */
  update(progress: StreamProgress): void {
    const previous = this.streams.get(progress.stream);
    this.streams.set(progress.stream, { progress, receivedAt: this.now() });

    if (previous === undefined || previous.progress.status !== progress.status) this.redraw();
    else this.dirty = true;
    this.startTimer();
  }

  /** Writes a log line above the block, then draws the block again below it. */
  log(line: string): void {
    this.terminal.write(`${this.erase()}${line}\n${this.render()}`);
  }

  /** Redraws the block with each stream's latest progress. */
  redraw(): void {
    this.dirty = false;
    this.terminal.write(`${this.erase()}${this.render()}`);
  }

  /** Stops the timer and leaves the final block on screen. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.dirty) this.redraw();
  }

  /** Returns the block's lines as they would be drawn now. */
  lines(): string[] {
    const entries = [...this.streams.values()];
    const nameWidth = Math.max(0, ...entries.map((entry) => entry.progress.stream.length));
    // Some terminals report no width (0), and then lines are left whole.
    const columns = this.terminal.columns ?? 0;
    const width = columns > 1 ? columns - 1 : Infinity;

    return entries.map((entry) => formatLine(entry, nameWidth, this.now()).slice(0, width));
  }

  private render(): string {
    const lines = this.lines();
    this.drawnLines = lines.length;
    return lines.map((line) => `${line}\n`).join('');
  }

  private erase(): string {
    return this.drawnLines === 0 ? '' : `${cursorUp(this.drawnLines)}${eraseDown}`;
  }

  private startTimer(): void {
    if (this.timer !== undefined || this.redrawIntervalMs <= 0) return;

    this.timer = setInterval(() => {
      const running = [...this.streams.values()].some((entry) => entry.progress.status === 'running');
      if (running || this.dirty) this.redraw();
    }, this.redrawIntervalMs);
    // The display must never keep the process alive on its own.
    this.timer.unref();
  }
}

function formatLine(entry: ShownStream, nameWidth: number, now: number): string {
  const { progress } = entry;
  const elapsedMs = progress.status === 'running' ? progress.elapsedMs + (now - entry.receivedAt) : progress.elapsedMs;
  const rate = elapsedMs > 0 ? Math.round((progress.records * 1000) / elapsedMs) : 0;

  return [
    progress.stream.padEnd(nameWidth),
    `${formatCount(progress.records).padStart(11)} records`,
    `${formatCount(rate).padStart(9)} rows/s`,
    `${(elapsedMs / 1000).toFixed(1).padStart(7)} s`,
    statusWords[progress.status],
  ].join('  ');
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
