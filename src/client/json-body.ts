import { isSafeNumber, LosslessNumber, parse as parseLossless } from 'lossless-json';

/** A parsed response body. */
export interface ParsedBody {
  value: unknown;
  /**
   * True when the body held a number that `JSON.parse` would have changed (an integer above
   * 2^53, or more significant digits than a double keeps). Such numbers are `LosslessNumber`
   * objects in `value`, and output that contains them must be written with lossless-json.
   */
  lossless: boolean;
}

// A number token with 16 or more characters of digits and dots is the only kind that a double can
// fail to keep exactly (doubles hold 15 significant decimal digits safely). Strings that happen to
// contain such a run only send the body down the slower exact path, which is still correct.
const possiblyUnsafeNumber = /[0-9][0-9.]{15}/;

/**
 * Parses a JSON body without losing digits: bodies with no long number go through the fast
 * built-in `JSON.parse`; the rest through lossless-json, keeping unsafe numbers as text.
 * Throws `SyntaxError` on invalid or truncated JSON.
 */
export function parseJsonBody(text: string): ParsedBody {
  if (!possiblyUnsafeNumber.test(text)) return { value: JSON.parse(text), lossless: false };

  let lossless = false;
  const value = parseLossless(text, null, (digits: string) => {
    if (isSafeNumber(digits)) return Number(digits);
    lossless = true;
    return new LosslessNumber(digits);
  });
  return { value, lossless };
}
