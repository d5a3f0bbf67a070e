import { isSafeNumber, parse as parseLossless } from 'lossless-json';

/**
 * Where a parsed body holds exact-number markers: in these top-level fields of its records, or
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

// A number token of 16 or more characters is the only kind a double can fail to keep exactly
// (doubles keep 15 significant decimal digits). Outside strings a number token follows a colon, a
// comma or a bracket; anchoring on those keeps the scan fast. Matches inside strings only cost a
// closer look.
const longNumberCandidate = /[:,[]\s*-?[0-9][0-9.eE+-]{15}/g;

// A long number as the value of a plain key: `{"Field":123...` or `,"Field":123...`. A raw quote
// inside a JSON string is always escaped, so `{"` and `,"` followed by a key and a colon only
// occur outside strings, and the number after them is a real number token.
const longNumberAfterKey = /([{,]\s*"([A-Za-z_$][\w$.]*)"\s*:\s*)(-?[0-9][0-9.eE+-]{15,})(?=\s*[,}])/g;
const jsonNumber = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const markedNumber = /"\\u001fnumber:(-?[0-9][0-9.eE+-]*)"/g;

/**
 * Parses a JSON body without losing digits. Bodies with no long number go straight to the
 * built-in `JSON.parse`. When every long number is the value of a record field (Gainsight records
 * are flat), those numbers are wrapped in marker strings in the text, which `JSON.parse` then
 * reads at full speed. Anything else (a long number in an array, or digits inside a string) goes
 * through lossless-json, which is exact everywhere but about fifteen times slower.
 * Throws `SyntaxError` on invalid or truncated JSON.
 */
export function parseJsonBody(text: string): ParsedBody {
  longNumberCandidate.lastIndex = 0;
  if (!longNumberCandidate.test(text)) return { value: JSON.parse(text) };

  const candidates = text.match(longNumberCandidate)?.length ?? 0;
  const fields = new Set<string>();
  let wrapped = 0;
  const marked = text.replace(longNumberAfterKey, (match, prefix: string, field: string, digits: string) => {
    if (!jsonNumber.test(digits)) return match;
    wrapped += 1;
    fields.add(field);
    return `${prefix}"\\u001fnumber:${digits}"`;
  });
  if (wrapped === candidates) return { value: JSON.parse(marked), exactNumbers: { fields } };

  let unsafe = false;
  const value = parseLossless(text, null, (digits: string) => {
    if (isSafeNumber(digits)) return Number(digits);
    unsafe = true;
    return `${exactNumberMarker}${digits}`;
  });
  return unsafe ? { value, exactNumbers: { anywhere: true } } : { value };
}

/** Writes exact-number markers in serialized JSON back as bare numbers, digit for digit. */
export function restoreExactNumbers(json: string): string {
  return json.replace(markedNumber, '$1');
}

/** Serializes a record, writing its exact-number markers in the given fields back as digits. */
export function stringifyRecord(record: Record<string, unknown>, exactNumbers: ExactNumbers | undefined): string {
  const json = JSON.stringify(record);
  if (exactNumbers === undefined || 'anywhere' in exactNumbers) return json;
  for (const field of exactNumbers.fields) {
    const value = record[field];
    if (typeof value === 'string' && value.startsWith(exactNumberMarker)) return restoreExactNumbers(json);
  }
  return json;
}
