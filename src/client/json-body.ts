import { isSafeNumber, parse as parseLossless } from 'lossless-json';

/**
 * The places in a parsed body that contain exact-number markers: in these top-level fields of its records, or
 * anywhere (then the whole serialized output is searched).
 */
export type ExactNumbers = { fields: ReadonlySet<string> } | { anywhere: true };

/** A parsed response body. */
export interface ParsedBody {
  value: unknown;
  /**
   * Set when the body held numbers that `JSON.parse` could change (integers above 2^53, or more
   * significant digits than a double keeps). Each such number is in `value` as an exact-number
   * marker string, and output that contains them must pass through `restoreExactNumbers`.
   */
  exactNumbers?: ExactNumbers;
}

/**
 * Prefix of the string that stands for a number kept digit for digit. U+001F cannot appear raw in
 * JSON text, and JSON.stringify writes it as the escape `\u001f`, so output can find the markers
 * and write the digits back as a bare number.
 */
export const exactNumberMarker = '\u001fnumber:';

/** A long number token that is the value of a plain key, and where its text starts. */
interface LongNumber {
  field: string;
  digits: string;
  position: number;
}

// A number token of 16 or more characters is the only kind a double can fail to keep exactly
// (doubles keep 15 significant decimal digits). Outside strings a number token follows a colon, a
// comma or a bracket; anchoring on those keeps the scan fast. Matches inside strings only cost a
// closer look.
const longNumberCandidate = /[:,[]\s*(-?[0-9][0-9.eE+-]{15,})/g;
const jsonNumber = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const keyCharacter = /[\w$.]/;
const markedNumber = /"\\u001fnumber:(-?[0-9][0-9.eE+-]*)"/g;

/**
 * Parses a JSON body without losing digits. Bodies with no long number go straight to the
 * built-in `JSON.parse`; the rest through lossless-json, which is exact everywhere but about
 * fifteen times slower. Throws `SyntaxError` on invalid or truncated JSON.
 */
export function parseJsonBody(text: string): ParsedBody {
  const longNumbers = findLongNumbers(text);
  if (longNumbers !== undefined && longNumbers.length === 0) return { value: JSON.parse(text) };
  return parseExactly(text);
}

/**
 * Parses a query response without losing digits, at the speed of `JSON.parse` for Gainsight's flat
 * records. When every long number is the value of a record field, the body is parsed with
 * `JSON.parse` and those fields are then overwritten with exact-number markers holding the
 * digits as sent. Each record starts with `{"<firstField>":` (records carry the selected fields in
 * `select` order), which locates the record each number belongs to. Anything else (a long number
 * in an array, records that cannot be located) goes through lossless-json.
 */
export function parseQueryBody(text: string, firstField: string): ParsedBody {
  const longNumbers = findLongNumbers(text);
  if (longNumbers === undefined) return parseExactly(text);

  const value: unknown = JSON.parse(text);
  if (longNumbers.length === 0) return { value };

  const fields = markRecordFields(text, recordsIn(value), longNumbers, firstField);
  return fields === undefined ? parseExactly(text) : { value, exactNumbers: { fields } };
}

/** Writes exact-number markers in serialized JSON back as bare numbers, digit for digit. */
export function restoreExactNumbers(json: string): string {
  return json.replace(markedNumber, '$1');
}

/** Serializes a record, writing its exact-number markers back as digits. */
export function stringifyRecord(record: Record<string, unknown>, exactNumbers: ExactNumbers | undefined): string {
  const json = JSON.stringify(record);
  if (exactNumbers === undefined) return json;
  if ('anywhere' in exactNumbers) return restoreExactNumbers(json);
  let restored = json;
  for (const field of exactNumbers.fields) {
    const value = record[field];
    if (typeof value === 'string' && value.startsWith(exactNumberMarker)) restored = restoreField(restored, field, value);
  }
  return restored;
}

// Replaces `"Field":"<marker>digits"` with `"Field":digits`. A key is written once in a flat
// record, and a quote inside a string value is escaped, so the key's text is found exactly.
function restoreField(json: string, field: string, marker: string): string {
  const quoted = `${JSON.stringify(field)}:${JSON.stringify(marker)}`;
  const at = json.indexOf(quoted);
  if (at === -1) return restoreExactNumbers(json);
  return `${json.slice(0, at)}${JSON.stringify(field)}:${marker.slice(exactNumberMarker.length)}${json.slice(at + quoted.length)}`;
}

/**
 * Finds every long number token and the key it is the value of. Returns undefined when one is
 * not the value of a plain key (inside an array, or digits inside a string that only look like a
 * value), so the caller falls back to the exact parser.
 */
function findLongNumbers(text: string): LongNumber[] | undefined {
  const found: LongNumber[] = [];
  longNumberCandidate.lastIndex = 0;

  for (let match = longNumberCandidate.exec(text); match !== null; match = longNumberCandidate.exec(text)) {
    const digits = match[1] as string;
    if (text[match.index] !== ':' || !jsonNumber.test(digits)) return undefined;
    const field = keyBefore(text, match.index);
    if (field === undefined) return undefined;
    found.push({ field, digits, position: match.index });
  }
  return found;
}

// Reads the key before the colon at `colon`: `{"Key":` or `,"Key":`. A raw quote inside a JSON
// string is always escaped, so a quote preceded by `{` or `,` opens a key outside any string.
function keyBefore(text: string, colon: number): string | undefined {
  let end = colon - 1;
  while (end >= 0 && isSpace(text.charCodeAt(end))) end -= 1;
  if (text[end] !== '"') return undefined;

  let start = end - 1;
  while (start >= 0 && keyCharacter.test(text[start] as string)) start -= 1;
  if (text[start] !== '"' || start === end - 1) return undefined;

  let before = start - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before -= 1;
  return text[before] === '{' || text[before] === ',' ? text.slice(start + 1, end) : undefined;
}

// Overwrites each long number's field in its record with a marker and returns the fields marked.
// Returns undefined when the records cannot be located in the text.
function markRecordFields(
  text: string,
  records: Array<Record<string, unknown>> | undefined,
  longNumbers: LongNumber[],
  firstField: string,
): Set<string> | undefined {
  if (records === undefined) return undefined;
  const opening = `{${JSON.stringify(firstField)}:`;
  const starts: number[] = [];
  for (let at = text.indexOf(opening); at !== -1; at = text.indexOf(opening, at + opening.length)) starts.push(at);
  if (starts.length !== records.length) return undefined;

  const fields = new Set<string>();
  let index = -1;
  for (const { field, digits, position } of longNumbers) {
    while (index + 1 < starts.length && (starts[index + 1] as number) < position) index += 1;
    const record = records[index];
    if (record === undefined || !(field in record)) return undefined;
    record[field] = `${exactNumberMarker}${digits}`;
    fields.add(field);
  }
  return fields;
}

// Query responses put records in `data.records`, or, in some of Gainsight's samples, in `data`.
function recordsIn(value: unknown): Array<Record<string, unknown>> | undefined {
  const data = (value as { data?: unknown } | null)?.data;
  if (Array.isArray(data)) return data as Array<Record<string, unknown>>;
  const records = (data as { records?: unknown } | null | undefined)?.records;
  return Array.isArray(records) ? (records as Array<Record<string, unknown>>) : undefined;
}

function parseExactly(text: string): ParsedBody {
  let unsafe = false;
  const value = parseLossless(text, null, (digits: string) => {
    if (isSafeNumber(digits)) return Number(digits);
    unsafe = true;
    return `${exactNumberMarker}${digits}`;
  });
  return unsafe ? { value, exactNumbers: { anywhere: true } } : { value };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
