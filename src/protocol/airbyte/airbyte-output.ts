import type { QueryPage } from '../../client/types.js';
import type { StreamPlan } from '../../sync/stream-plan.js';
import type { StreamOutcome, SyncOutput } from '../../sync/sync-engine.js';
import type { SyncState } from '../../sync/sync-state.js';
import type { LineWriter } from '../line-writer.js';
import { writeRecordLines } from '../record-json.js';
import { errorTraceMessage, formatMessage, streamStateMessage, streamStatusMessage, type AirbyteMessage } from './messages.js';

/**
 * Writes a sync as Airbyte messages. Each stream reports STARTED, then RUNNING before its first
 * page or STATE, then COMPLETE, or INCOMPLETE after a stop or failure. Its RECORD messages come
 * with a STATE of type STREAM after every page, and a failure adds a TRACE ERROR naming the stream.
 */
export class AirbyteOutput implements SyncOutput {
  private readonly running = new Set<string>();

  constructor(
    private readonly writer: LineWriter,
    private readonly redact: (text: string) => string,
  ) {}

  async streamStarted(plan: StreamPlan): Promise<void> {
    await this.write(streamStatusMessage(plan.stream.name, 'STARTED'));
  }

  async pageRead(plan: StreamPlan, page: QueryPage): Promise<void> {
    await this.markRunning(plan);
    if (page.records.length === 0) return;

    const prefix = `{"type":"RECORD","record":{"stream":${JSON.stringify(plan.stream.name)},"data":`;
    // The protocol requires epoch milliseconds as an integer, and a Date's time value always is one.
    const suffix = `,"emitted_at":${page.receivedAt.getTime()}}}\n`;
    await writeRecordLines(this.writer, page, prefix, suffix);
  }

  async checkpoint(plan: StreamPlan, state: SyncState, recordsSincePrevious: number): Promise<void> {
    // A stream whose bookmark is already at the run's end reads no page, yet its statuses must
    // still go STARTED, RUNNING, COMPLETE.
    await this.markRunning(plan);
    const bookmark = state.bookmark(plan.stream.name);
    // A FULL_TABLE stream read to its end has no bookmark: its state is empty, and the next run
    // reads the table again from the start.
    const streamState = typeof bookmark === 'object' && bookmark !== null ? bookmark : {};
    await this.write(streamStateMessage(plan.stream.name, streamState, recordsSincePrevious));
  }

  async streamFinished(plan: StreamPlan, outcome: StreamOutcome): Promise<void> {
    if (outcome.status === 'failed') await this.write(errorTraceMessage(outcome.error, this.redact, plan.stream.name));
    await this.write(streamStatusMessage(plan.stream.name, outcome.status === 'complete' ? 'COMPLETE' : 'INCOMPLETE'));
  }

  private async markRunning(plan: StreamPlan): Promise<void> {
    if (this.running.has(plan.stream.name)) return;
    this.running.add(plan.stream.name);
    await this.write(streamStatusMessage(plan.stream.name, 'RUNNING'));
  }

  private async write(message: AirbyteMessage): Promise<void> {
    await this.writer.write(formatMessage(message));
  }
}
