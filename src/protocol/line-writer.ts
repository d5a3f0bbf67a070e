import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes protocol lines to stdout with backpressure: `write` resolves only once the stream can
 * take more, so a slow reader slows the sync instead of filling memory. A closed pipe (EPIPE)
 * sets `closed` and calls `onClosed` once, so the run can stop quietly.
 */
export class LineWriter {
  closed = false;
  private readonly closedListeners: Array<() => void> = [];

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
  async write(text: string): Promise<void> {
    if (this.closed) return;
    if (this.stream.write(text)) return;
    await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]).catch(() => undefined);
  }

  /** Resolves once everything written so far has been handed to the operating system. */
  async flush(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.stream.write('', () => resolve());
    });
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closedListeners) listener();
  }
}
