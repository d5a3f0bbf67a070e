import { stringifyChangedRecord, stringifyRecord } from '../client/json-body.js';
import type { QueryPage } from '../client/types.js';
import type { LineWriter } from './line-writer.js';

// Records per write. A 5000-row page written as one string would be flattened and encoded at
// once, tens of megabytes for wide records, so pages are written in chunks to keep the peak small.
const recordsPerChunk = 500;

/**
 * Writes a page's records as protocol lines, each `prefix + record + suffix`, in chunks that
 * each wait for the writer. Numbers beyond a double's precision are written digit for digit.
 */
export async function writeRecordLines(writer: LineWriter, page: QueryPage, prefix: string, suffix: string): Promise<void> {
  const { records } = page;
  for (let start = 0; start < records.length; start += recordsPerChunk) {
    let text = '';
    const end = Math.min(records.length, start + recordsPerChunk);
    for (let index = start; index < end; index += 1) {
      text += prefix + recordJson(page, index) + suffix;
    }
    await writer.write(text);
  }
}

// An unchanged record's text as Gainsight sent it is valid JSON with every digit, so it is reused
// instead of serializing the record again; a changed record takes its digits from that text.
function recordJson(page: QueryPage, index: number): string {
  const record = page.records[index] as Record<string, unknown>;
  const sourceText = page.recordTexts?.[index];
  if (sourceText === undefined) return stringifyRecord(record, page.exactNumbers);
  return page.changedRecords?.[index] ? stringifyChangedRecord(record, sourceText) : sourceText;
}
