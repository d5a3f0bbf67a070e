import { stringifyChangedRecord, stringifyRecord } from '../client/json-body.js';
import type { QueryPage } from '../client/types.js';
import type { LineWriter } from './line-writer.js';

// Records per write. A 5000-row page written at once would need one buffer of tens of megabytes
// for wide records, so pages are written in chunks to keep the peak small.
const recordsPerChunk = 500;

/**
 * Writes a page's records as protocol lines, each `prefix + record + suffix`, in chunks that
 * each wait for the writer. Numbers beyond a double's precision are written digit for digit.
 */
export async function writeRecordLines(writer: LineWriter, page: QueryPage, prefix: string, suffix: string): Promise<void> {
  const { records } = page;
  const before = Buffer.from(prefix);
  const after = Buffer.from(suffix);

  for (let start = 0; start < records.length; start += recordsPerChunk) {
    const end = Math.min(records.length, start + recordsPerChunk);
    const parts: Buffer[] = [];
    for (let index = start; index < end; index += 1) parts.push(before, recordBytes(page, index), after);
    await writer.write(Buffer.concat(parts));
  }
}

// An unchanged record's bytes as Gainsight sent them are valid JSON with every digit, so they are
// written as they are instead of serializing the record again. A changed record is serialized and
// takes its long numbers from them.
function recordBytes(page: QueryPage, index: number): Buffer {
  const record = page.records[index] as Record<string, unknown>;
  const source = page.recordSources?.[index];
  if (source === undefined) return Buffer.from(stringifyRecord(record, page.exactNumbers));
  return page.changedRecords?.[index] ? Buffer.from(stringifyChangedRecord(record, source)) : source;
}
