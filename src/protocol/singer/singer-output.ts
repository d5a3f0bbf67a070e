import type { QueryPage } from '../../client/types.js';
import type { StreamPlan } from '../../sync/stream-plan.js';
import type { StreamOutcome, SyncOutput } from '../../sync/sync-engine.js';
import type { SyncState } from '../../sync/sync-state.js';
import type { LineWriter } from '../line-writer.js';
import { writeRecordLines } from '../record-json.js';

/**
 * Writes a sync as Singer messages: SCHEMA once per stream before its records, one RECORD per
 * row with `time_extracted`, and a STATE after every page, carrying every stream's bookmark.
 */
export class SingerOutput implements SyncOutput {
  private readonly recordPrefixes = new Map<string, string>();

  constructor(private readonly writer: LineWriter) {}

  async streamStarted(plan: StreamPlan): Promise<void> {
    const message = {
      type: 'SCHEMA',
      stream: plan.stream.name,
      schema: plan.schema,
      // Parsers built on singer-python reject a SCHEMA without key_properties.
      key_properties: [plan.stream.keyProperty],
      bookmark_properties: plan.stream.replicationKey === undefined ? [] : [plan.stream.replicationKey],
    };
    await this.writer.write(`${JSON.stringify(message)}\n`);
  }

  async pageRead(plan: StreamPlan, page: QueryPage): Promise<void> {
    if (page.records.length === 0) return;
    const prefix = this.recordPrefix(plan.stream.name);
    const suffix = `,"time_extracted":"${page.receivedAt.toISOString()}"}\n`;
    await writeRecordLines(this.writer, page, prefix, suffix);
  }

  async checkpoint(_plan: StreamPlan, state: SyncState): Promise<void> {
    await this.writeState(state);
  }

  async streamFinished(_plan: StreamPlan, _outcome: StreamOutcome): Promise<void> {}

  /** Writes a STATE message; the last message of a successful run is one. */
  async writeState(state: SyncState): Promise<void> {
    await this.writer.write(`${JSON.stringify({ type: 'STATE', value: state.snapshot() })}\n`);
  }

  private recordPrefix(stream: string): string {
    let prefix = this.recordPrefixes.get(stream);
    if (prefix === undefined) {
      prefix = `{"type":"RECORD","stream":${JSON.stringify(stream)},"record":`;
      this.recordPrefixes.set(stream, prefix);
    }
    return prefix;
  }
}

/** Writes a Singer catalog as discover prints it: one JSON document, indented for diffs. */
export function formatCatalog(catalog: unknown): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
