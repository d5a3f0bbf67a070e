import { restoreExactNumbers } from '../client/json-body.js';
import type { QueryPage } from '../client/types.js';

/**
 * Writes a page's records as protocol lines, each `prefix + record + suffix`. Numbers beyond a
 * double's precision travel as marker strings and are written back as digits.
 */
export function formatRecordLines(page: QueryPage, prefix: string, suffix: string): string {
  let text = '';
  for (const record of page.records) text += prefix + JSON.stringify(record) + suffix;
  return page.lossless ? restoreExactNumbers(text) : text;
}
