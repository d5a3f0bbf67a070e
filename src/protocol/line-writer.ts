import type { Writable } from 'node:stream';

/**
 * Writes protocol lines to stdout with backpressure: `write` resolves only once the stream can
 * take more, so a slow reader slows the sync instead of filling memory. A closed pipe (EPIPE)
 * sets `closed` and calls `onClosed` once, so the run can stop quietly.
 */
export class LineWriter {
  closed = false;
  private readonly closedListeners: Array<() => void> = [];
  private drained: Promise<void> | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      this.markClosed();
    });
  }

  /** Registers a callback for the reader closing the pipe. */
  onClosed(listener: () => void): void {
    this.closedListeners.push(listener);
  }

  /** Writes text that ends in a newline; resolves when the stream can take more. */
  async write(text: string | Buffer): Promise<void> {
    if (this.closed) return;
    if (this.stream.write(text)) return;
    await this.waitForDrain();
  }

  /**
   * Writes text without waiting for the reader to take it, for a caller that cannot wait, such as
   * a logger. Keep such text small: it is held in memory until the reader takes it.
   */
  writeNow(text: string): void {
    if (!this.closed) this.stream.write(text);
  }

  /** Resolves once everything written so far has been handed to the operating system. */
  async flush(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.stream.write('', () => resolve());
    });
  }

  // Every writer waiting at once shares one pair of listeners, so streams read side by side do not
  // pile listeners on stdout.
  private waitForDrain(): Promise<void> {
    this.drained ??= new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.drained = undefined;
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
    return this.drained;
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closedListeners) listener();
  }
}
