/**
 * Date and time parsing shared by configuration, state and record normalisation. Gainsight
 * returns DateTime values as epoch milliseconds or as ISO-8601 strings, with or without
 * milliseconds, and its own filter samples use `2024-02-05 00:00:00`. All of these are read here.
 * A value without a zone is read as UTC, never as the machine's local time.
 */

const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const usDate = /^(\d{2})-(\d{2})-(\d{4})$/;
// Epoch milliseconds sent as text: 12 to 14 digits covers 1973 to 5138.
const epochMillisText = /^\d{12,14}$/;

/** One second, in milliseconds. */
export const secondMs = 1000;

/**
 * Parses an instant as epoch milliseconds: a finite number (epoch ms), an ISO-8601 date-time
 * with `Z`, an offset or no zone (UTC), or a plain `YYYY-MM-DD` date (midnight UTC). Returns
 * undefined for anything else, including the empty string Gainsight sends for unset dates.
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();

  const dateTime = isoDateTime.exec(text);
  if (dateTime !== null) {
    const [, date, time, zone] = dateTime;
    if (validDate(date as string) === undefined) return undefined;
    let normalizedZone = zone ?? 'Z';
    if (normalizedZone === 'z') normalizedZone = 'Z';
    if (normalizedZone.length === 3) normalizedZone = `${normalizedZone}:00`;
    return finite(Date.parse(`${date}T${time}${normalizedZone}`));
  }
  if (isoDate.test(text)) return validDate(text) === undefined ? undefined : Date.parse(`${text}T00:00:00Z`);
  if (epochMillisText.test(text)) return Number(text);
  return undefined;
}

/** Formats epoch milliseconds as RFC 3339 UTC with milliseconds, such as `2024-02-05T08:34:35.253Z`. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Formats epoch milliseconds as a whole-second RFC 3339 UTC value for Gainsight filters. */
export function formatFilterInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Rounds epoch milliseconds down to the start of their second. */
export function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / secondMs) * secondMs;
}

/**
 * Parses a calendar date as `YYYY-MM-DD`: from epoch milliseconds (the UTC date), from a string
 * that starts with an ISO date (its date part as written), or from `MM-DD-YYYY`, a form that
 * appears in Gainsight's samples. Returns undefined for anything else.
 */
export function parseCalendarDate(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? new Date(value).toISOString().slice(0, 10) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();

  if (isoDate.test(text)) return validDate(text);
  if (isoDateTime.test(text)) return validDate(text.slice(0, 10));
  const us = usDate.exec(text);
  if (us !== null) return validDate(`${us[3]}-${us[1]}-${us[2]}`);
  if (epochMillisText.test(text)) return new Date(Number(text)).toISOString().slice(0, 10);
  return undefined;
}

function finite(epochMs: number): number | undefined {
  return Number.isNaN(epochMs) ? undefined : epochMs;
}

/**
 * Returns `YYYY-MM-DDTHH:MM:SS.000Z` for a whole-second UTC value `YYYY-MM-DDTHH:MM:SSZ`, the form
 * Gainsight uses when the milliseconds are zero, or undefined for any other text. It reads the
 * digits without parsing a Date, because it runs for many values of every page.
 */
export function wholeSecondToInstant(text: string): string | undefined {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || !isCalendarDate(text.slice(0, 10))) return undefined;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  return `${text.slice(0, 19)}.000Z`;
}

/**
 * True for a `YYYY-MM-DD` string naming a real day, such as `2024-02-29` but not `2023-02-29`.
 * It runs for every DATE value of every record, so it reads the digits without allocating.
 */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

// Reads `count` decimal digits at `start`, or returns -1 when one is not a digit.
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function validDate(text: string): string | undefined {
  return isCalendarDate(text) ? text : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
