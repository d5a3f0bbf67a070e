/**
 * Gsid encoding. A Gsid is 36 uppercase alphanumeric characters, like Gainsight's
 * (`1P02IQ4YNP71BQ6SYC2NSOV2HNSR1SHA1GG0`):
 *
 * - 4 characters of object prefix, unique per object, so Gsids are unique across objects;
 * - 10 characters of a sort key in fixed-width base 36, so string order equals key order;
 * - 22 filler characters derived from the same hash.
 *
 * The sort key is `hash * 2^24 + row` with a 27-bit hash, so it stays below 36^10. Its high
 * bits are a hash of (seed, object, row), so the Gsid order of rows is unrelated to their
 * modified-date order. Its low bits are the row number, so keys are unique and a Gsid decodes
 * back to its row without a lookup table.
 */

import { hash32, hashIntegers } from './random.js';

/** Rows per object that a Gsid can address (2^24). */
export const MAX_ROWS = 0x1000000;

/** Characters of the object prefix, then of the sort key. */
export const PREFIX_WIDTH = 4;
export const KEY_WIDTH = 10;
const FILLER_WIDTH = 22;

/** Encodes the Gsids of one object's rows. */
export class GsidCodec {
  private readonly base: number;

  constructor(
    readonly prefix: string,
    seed: number,
    objectName: string,
  ) {
    this.base = hash32(seed, objectName, 'gsid');
  }

  /** Returns the sort key of a row, a number that orders like the row's Gsid. */
  key(row: number): number {
    return (hashIntegers(this.base, row) >>> 5) * MAX_ROWS + row;
  }

  encode(row: number): string {
    let gsid = this.prefix + toBase36(this.key(row), KEY_WIDTH);
    for (let part = 1; gsid.length < PREFIX_WIDTH + KEY_WIDTH + FILLER_WIDTH; part++) {
      gsid += toBase36(hashIntegers(this.base, row, part), 6);
    }
    return gsid.slice(0, PREFIX_WIDTH + KEY_WIDTH + FILLER_WIDTH);
  }
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Writes a non-negative integer in uppercase base 36, zero-padded or cut to its last `width`
 * digits. Number.prototype.toString(36) is several times slower on large values.
 */
function toBase36(value: number, width: number): string {
  let text = '';
  for (let i = 0; i < width; i++) {
    text = DIGITS[value % 36] + text;
    value = Math.floor(value / 36);
  }
  return text;
}

/** Row number stored in the low bits of a sort key. */
export function rowOfKey(key: number): number {
  return key % MAX_ROWS;
}

/** Splits a Gsid into its prefix and sort key, or returns undefined when it has another form. */
export function decodeGsid(gsid: string): { prefix: string; key: number } | undefined {
  if (!/^[0-9A-Z]{36}$/.test(gsid)) return undefined;
  const key = parseInt(gsid.slice(PREFIX_WIDTH, PREFIX_WIDTH + KEY_WIDTH), 36);
  if (!Number.isSafeInteger(key)) return undefined;
  return { prefix: gsid.slice(0, PREFIX_WIDTH), key };
}
