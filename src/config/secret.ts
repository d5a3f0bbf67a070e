import { inspect } from 'node:util';

/** Text that replaces a secret wherever it would be printed. */
export const redactionMark = '[redacted]';

/**
 * A secret string, such as the access key, that prints as `[redacted]` through `String()`,
 * template literals, `JSON.stringify` and `util.inspect` (so `console.log` too). Only `reveal()`
 * returns the value, which the HTTP client calls to build the request header.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** Returns the secret value. Call it only where the value leaves the process on purpose. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return redactionMark;
  }

  toJSON(): string {
    return redactionMark;
  }

  [inspect.custom](): string {
    return redactionMark;
  }
}
