// Each function is imported from its own module: the package index loads every date-fns module.
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { subHours } from 'date-fns/subHours';

/** How far back a stream with no bookmark starts when `start_date` is not set. */
export const defaultStartDateDays = 30;

// A zone designator at the end of a date-time: `Z` or an offset such as `+05:30`.
const zonePattern = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a `start_date` value that already matches the schema's pattern: an RFC 3339 date-time
 * with `Z` or an offset, a date-time without an offset (read as UTC), or a plain date (midnight
 * UTC). Returns `undefined` for a value that is not a real instant, such as `2024-02-30`.
 *
 * `parseISO` reads a value without a zone as local time, so the UTC designator is added first.
 */
export function parseStartDate(value: string): Date | undefined {
  let iso = value.toUpperCase().replace(' ', 'T');

  if (!iso.includes('T')) iso += 'T00:00:00Z';
  else if (!zonePattern.test(iso)) iso += 'Z';

  const date = parseISO(iso);
  return isValid(date) ? date : undefined;
}

/** Returns the start date used when `start_date` is not set: 30 days (of 24 hours) before `now`. */
export function defaultStartDate(now: Date): Date {
  // Whole hours, not calendar days, so that a daylight-saving change in the local time zone
  // does not move the result.
  return subHours(now, defaultStartDateDays * 24);
}
