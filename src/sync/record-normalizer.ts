import { formatInstant, isCalendarDate, parseCalendarDate, parseInstant, wholeSecondToInstant } from '../dates/instant.js';
import type { QueryPage } from '../client/types.js';
import type { Logger } from '../logging/logger.js';
import type { ValueKind } from '../streams/field-types.js';

// RFC 3339 UTC with milliseconds, the form `Date.toISOString` writes: values already in this form
// are kept without parsing, which is most values when Gainsight returns ISO strings.
function isCanonicalInstant(text: string): boolean {
  return text.length === 24 && text.charCodeAt(23) === 90 /* Z */ && text.charCodeAt(19) === 46 /* . */ && text.charCodeAt(10) === 84; /* T */
}

/**
 * Rewrites a stream's Date and DateTime values in place: DateTimes as RFC 3339 UTC with
 * milliseconds, Dates as `YYYY-MM-DD`, and the empty strings Gainsight sends for unset dates as
 * null. Epoch-millisecond and ISO responses thus give identical records. Other fields are left as
 * they came; numbers are never touched, so no digit is lost.
 */
export class RecordNormalizer {
  private readonly dateTimeFields: string[] = [];
  private readonly dateFields: string[] = [];
  private readonly reported = new Set<string>();

  constructor(
    fields: readonly string[],
    kinds: ReadonlyMap<string, ValueKind>,
    private readonly logger: Logger,
  ) {
    for (const field of fields) {
      const kind = kinds.get(field);
      if (kind === 'date-time') this.dateTimeFields.push(field);
      else if (kind === 'date') this.dateFields.push(field);
    }
  }

  /** Normalises a record in place and returns whether any value changed. */
  normalize(record: Record<string, unknown>): boolean {
    let changed = false;

    for (const field of this.dateTimeFields) {
      const value = record[field];
      if (value === null || value === undefined || (typeof value === 'string' && isCanonicalInstant(value))) continue;
      const normalized = this.normalizeInstant(field, value);
      if (normalized !== value) {
        record[field] = normalized;
        changed = true;
      }
    }

    for (const field of this.dateFields) {
      const value = record[field];
      if (value === null || value === undefined || (typeof value === 'string' && isCalendarDate(value))) continue;
      const normalized = this.normalizeDate(field, value);
      if (normalized !== value) {
        record[field] = normalized;
        changed = true;
      }
    }
    return changed;
  }

  /** Normalises every record of a page and marks the records it changes in `changedRecords`. */
  normalizePage(page: QueryPage): void {
    const { records } = page;
    const changed: boolean[] = new Array(records.length).fill(false);
    for (let index = 0; index < records.length; index += 1) changed[index] = this.normalize(records[index] as Record<string, unknown>);
    page.changedRecords = changed;
  }

  private normalizeInstant(field: string, value: unknown): unknown {
    if (value === '') return null;
    const wholeSecond = typeof value === 'string' ? wholeSecondToInstant(value) : undefined;
    if (wholeSecond !== undefined) return wholeSecond;

    const instant = parseInstant(value);
    if (instant !== undefined) return formatInstant(instant);
    this.reportUnreadable(field, value);
    return value;
  }

  private normalizeDate(field: string, value: unknown): unknown {
    if (value === '') return null;
    const date = parseCalendarDate(value);
    if (date !== undefined) return date;
    this.reportUnreadable(field, value);
    return value;
  }

  // An unreadable date is passed on as it came rather than dropped, and reported once per field.
  private reportUnreadable(field: string, value: unknown): void {
    if (this.reported.has(field)) return;
    this.reported.add(field);
    this.logger.warn('unreadable date value passed on unchanged', { field, value: JSON.stringify(value) });
  }
}
