import { restoreExactNumbers, stringifyRecord } from '../client/json-body.js';
import type { QueryPage } from '../client/types.js';

/**
 * Writes a page's records as protocol lines, each `prefix + record + suffix`. Numbers beyond a
 * double's precision travel as marker strings and are written back as digits: per record when
 * the page says which fields hold them, else over the whole text.
 */
export function formatRecordLines(page: QueryPage, prefix: string, suffix: string): string {
  let text = '';
  for (const record of page.records) text += prefix + stringifyRecord(record, page.exactNumbers) + suffix;
  return page.exactNumbers !== undefined && 'anywhere' in page.exactNumbers ? restoreExactNumbers(text) : text;
}
