import { isUtf8 } from 'node:buffer';
import { isSafeNumber, parse as parseLossless } from 'lossless-json';

/**
 * The way a parsed body keeps numbers exact: `records` when some records carry exact digits beside
 * their values (see `exactDigits`), `anywhere` when values anywhere may be exact-number markers.
 */
export type ExactNumbers = 'records' | 'anywhere';

/**
 * Key of the exact digits a record carries beside its rounded values, as `[field, digits]` pairs.
 * JSON.stringify skips symbol keys, so the record serializes as usual until the digits are put back.
 */
export const exactDigits = Symbol('exactDigits');

/** A parsed response body. */
export interface ParsedBody {
  value: unknown;
  /**
   * Set when the body held numbers that `JSON.parse` could change (integers above 2^53, or more
   * significant digits than a double keeps). Output must be written with `stringifyRecord`.
   */
  exactNumbers?: ExactNumbers;
  /**
   * For query responses: each record's JSON as the UTF-8 bytes Gainsight sent, in record order,
   * when every record could be cut out of the body. They keep every digit, so output writes an
   * unchanged record's bytes as they are and takes exact numbers from them for a changed one.
   */
  recordSources?: Buffer[];
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
 * Parses a query response without losing digits, at the speed of `JSON.parse` for Gainsight's
 * flat records. Each record starts with `{"<firstField>":` (records carry the selected fields in
 * `select` order), so each record's bytes can be cut out of the body and kept beside it: they hold
 * every digit as sent. When the records cannot be cut out that way, the body is scanned for long
 * numbers: those that are record fields are kept as digits beside the record, and anything else
 * (a long number in an array) sends the body through lossless-json.
 */
export function parseQueryBody(text: string, body: Buffer, firstField: string): ParsedBody {
  const value: unknown = JSON.parse(text);
  const records = recordsIn(value);
  if (records === undefined) return parseJsonBody(text);
  if (records.length === 0) return { value };

  const recordSources = cutRecordSources(body, records, firstField);
  if (recordSources !== undefined) return { value, recordSources };

  const longNumbers = findLongNumbers(text);
  if (longNumbers === undefined) return parseExactly(text);
  if (longNumbers.length === 0) return { value };
  const starts = recordStarts(text, records, firstField);
  if (starts === undefined || !attachDigits(records, starts, longNumbers)) return parseExactly(text);
  return { value, exactNumbers: 'records' };
}

/**
 * Serializes a record that changed after parsing, taking its numbers digit for digit from the
 * record's text as Gainsight sent it.
 */
export function stringifyChangedRecord(record: Record<string, unknown>, source: Buffer): string {
  const sourceText = source.toString('utf8');
  const json = JSON.stringify(record);
  const longNumbers = findLongNumbers(sourceText);
  if (longNumbers === undefined) return overlayOnExactParse(record, sourceText);

  let restored = json;
  for (const { field, digits } of longNumbers) {
    // A long number in a nested object cannot be placed by key, so the exact parse takes over.
    if (typeof record[field] !== 'number') return overlayOnExactParse(record, sourceText);
    restored = replaceNumber(restored, field, record[field], digits);
  }
  return restored;
}

/** Writes exact-number markers in serialized JSON back as bare numbers, digit for digit. */
export function restoreExactNumbers(json: string): string {
  return json.replace(markedNumber, '$1');
}

/** Serializes a record as JSON with every number exactly as Gainsight sent it. */
export function stringifyRecord(record: Record<string, unknown>, exactNumbers: ExactNumbers | undefined): string {
  const json = JSON.stringify(record);
  if (exactNumbers === undefined) return json;
  if (exactNumbers === 'anywhere') return restoreExactNumbers(json);

  const digits = (record as { [exactDigits]?: Array<[string, string]> })[exactDigits];
  if (digits === undefined) return json;
  let restored = json;
  for (const [field, text] of digits) restored = replaceNumber(restored, field, record[field], text);
  return restored;
}

// Replaces the rounded number written for `"Field":` with the digits as sent. A key is written
// once in a flat record, and a quote inside a string value is escaped, so the key is found exactly.
function replaceNumber(json: string, field: string, rounded: unknown, digits: string): string {
  const written = `${JSON.stringify(field)}:${JSON.stringify(rounded)}`;
  const at = json.indexOf(written);
  if (at === -1) return json;
  return `${json.slice(0, at)}${JSON.stringify(field)}:${digits}${json.slice(at + written.length)}`;
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

// Returns where each record's text starts, `{"<firstField>":`, or undefined when the records
// cannot be located that way (the count differs, or a record starts with another field).
function recordStarts(text: string, records: Array<Record<string, unknown>>, firstField: string): number[] | undefined {
  const opening = `{${JSON.stringify(firstField)}:`;
  const starts: number[] = [];
  for (let at = text.indexOf(opening); at !== -1; at = text.indexOf(opening, at + opening.length)) starts.push(at);
  return starts.length === records.length ? starts : undefined;
}

// Cuts every record's bytes out of the body, or returns undefined when any cannot be cut. A record
// ends at the comma before the next record's start. The last one ends at a `}` followed by the
// `]` of the list. Such a pair can also occur inside a string, so each candidate is parsed and
// checked against the record. A body with a line break is not cut, because each record must fit
// one output line, nor one that is not valid UTF-8, because its bytes would be passed on as they are.
function cutRecordSources(body: Buffer, records: Array<Record<string, unknown>>, firstField: string): Buffer[] | undefined {
  if (body.includes(0x0a) || body.includes(0x0d) || !isUtf8(body)) return undefined;

  const opening = Buffer.from(`{${JSON.stringify(firstField)}:`);
  const starts: number[] = [];
  for (let at = body.indexOf(opening); at !== -1; at = body.indexOf(opening, at + opening.length)) starts.push(at);
  if (starts.length !== records.length) return undefined;

  const sources: Buffer[] = [];
  for (let index = 0; index + 1 < starts.length; index += 1) {
    let end = (starts[index + 1] as number) - 1;
    while (end > 0 && isSpace(body[end] as number)) end -= 1;
    if (body[end] !== 0x2c /* , */) return undefined;
    end -= 1;
    while (end > 0 && isSpace(body[end] as number)) end -= 1;
    if (body[end] !== 0x7d /* } */) return undefined;
    sources.push(body.subarray(starts[index], end + 1));
  }

  const last = lastRecordSource(body, starts[starts.length - 1] as number, records[records.length - 1] as Record<string, unknown>, firstField);
  if (last === undefined) return undefined;
  sources.push(last);
  return sources;
}

function lastRecordSource(body: Buffer, start: number, record: Record<string, unknown>, firstField: string): Buffer | undefined {
  for (let close = body.indexOf(0x7d, start); close !== -1; close = body.indexOf(0x7d, close + 1)) {
    let next = close + 1;
    while (next < body.length && isSpace(body[next] as number)) next += 1;
    if (body[next] !== 0x5d /* ] */) continue;

    const candidate = body.subarray(start, close + 1);
    try {
      const parsed = JSON.parse(candidate.toString('utf8')) as Record<string, unknown>;
      if (parsed[firstField] === record[firstField] && Object.keys(parsed).length === Object.keys(record).length) return candidate;
    } catch {
      // The pair was inside a string value: the record goes on.
    }
  }
  return undefined;
}

// Serializes a changed record with every digit: it starts from a lossless parse of the record's
// text and takes the record's values that are not numbers or structures, the ones a
// normalisation may have changed.
function overlayOnExactParse(record: Record<string, unknown>, sourceText: string): string {
  const exact = parseExactly(sourceText).value as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'number' && (typeof value !== 'object' || value === null)) exact[key] = value;
  }
  return restoreExactNumbers(JSON.stringify(exact));
}

// Gives each record the digits of its long numbers, as `[field, digits]` pairs under
// `exactDigits`, for records that are serialized again after a change. Returns false when a long
// number is not a top-level field of a record (it sits in a nested object or in the envelope).
function attachDigits(records: Array<Record<string, unknown>>, starts: number[], longNumbers: LongNumber[]): boolean {
  let index = -1;
  for (const { field, digits, position } of longNumbers) {
    while (index + 1 < starts.length && (starts[index + 1] as number) < position) index += 1;
    const record = records[index] as ({ [exactDigits]?: Array<[string, string]> } & Record<string, unknown>) | undefined;
    if (record === undefined || typeof record[field] !== 'number') return false;
    (record[exactDigits] ??= []).push([field, digits]);
  }
  return true;
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
  return unsafe ? { value, exactNumbers: 'anywhere' } : { value };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
