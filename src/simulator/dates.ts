/**
 * Date and DateTime values: parsing filter values and formatting response values.
 *
 * Accepted DateTime filter values: ISO-8601 with `Z` or a `+hh:mm` offset (`2024-01-15T10:00:00Z`),
 * `yyyy-MM-dd HH:mm:ss[.SSS]`, `yyyy-MM-dd`, `MM-dd-yyyy`, and epoch milliseconds as a number or
 * a string of digits. A value without a zone is read as UTC: Gainsight does not document the
 * zone of such values, so this is a modelling choice.
 */

export type DateFormat = 'iso' | 'epoch';
export type FilterGrain = 'millisecond' | 'second';

const DAY_MS = 86_400_000;

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/** Parses a DateTime filter or input value to epoch milliseconds, or undefined when invalid. */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);

  const us = US_DATE.exec(trimmed);
  if (us !== null) return utc(Number(us[3]), Number(us[1]), Number(us[2]), 0, 0, 0, 0);

  const iso = ISO_LIKE.exec(trimmed);
  if (iso === null) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = iso;
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const instant = utc(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second), milliseconds);
  if (instant === undefined) return undefined;
  return zone === undefined || zone.toUpperCase() === 'Z' ? instant : applyOffset(instant, zone);
}

/** Parses a Date filter or input value to the epoch milliseconds of its UTC midnight. */
export function parseDate(value: unknown): number | undefined {
  const instant = parseDateTime(value);
  return instant === undefined ? undefined : Math.floor(instant / DAY_MS) * DAY_MS;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number) {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const instant = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2024-02-30 over into March; such a day is invalid.
  return new Date(instant).getUTCDate() === day ? instant : undefined;
}

function applyOffset(instant: number, zone: string): number | undefined {
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return undefined;
  const sign = digits.startsWith('-') ? -1 : 1;
  return instant - sign * (hours * 60 + minutes) * 60_000;
}

/** Cuts an instant down to the filter grain: whole seconds in `second` mode. */
export function toGrain(instant: number, grain: FilterGrain): number {
  return grain === 'second' ? Math.floor(instant / 1000) * 1000 : instant;
}

/**
 * Formats a stored date for a response. ISO DateTimes carry milliseconds only when they are not
 * zero (`2024-02-05T08:34:35.253Z`, `2024-02-05T07:17:16Z`), as Gainsight's samples show.
 */
export function formatDate(instant: number, dataType: 'DATE' | 'DATETIME', format: DateFormat): string | number {
  if (format === 'epoch') return instant;
  const iso = new Date(instant).toISOString();
  if (dataType === 'DATE') return iso.slice(0, 10);
  return instant % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}
