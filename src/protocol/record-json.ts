import { stringify as stringifyLossless } from 'lossless-json';
import type { QueryPage } from '../client/types.js';

/**
 * Returns the serializer for a page's records. A page with numbers beyond a double's precision is
 * written by lossless-json, which writes those numbers digit for digit. Every other page takes the
 * faster built-in serializer.
 */
export function recordSerializer(page: QueryPage): (record: unknown) => string {
  return page.lossless ? (record: unknown) => stringifyLossless(record) as string : JSON.stringify;
}
