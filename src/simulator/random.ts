/**
 * Seeded pseudo-random numbers. Every generated value is a pure function of the seed and the
 * names and numbers hashed into it, so two runs with the same seed serve identical data.
 */

/** Mixes 32-bit integers and strings into one 32-bit hash (MurmurHash3-style finaliser). */
export function hash32(...parts: Array<number | string>): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === 'number') {
      h = mix(h, part >>> 0);
      // Numbers above 2^32 (row numbers never are, seeds may be) keep their high bits too.
      h = mix(h, Math.floor(part / 0x100000000) >>> 0);
    } else {
      for (let i = 0; i < part.length; i++) h = mix(h, part.charCodeAt(i));
      h = mix(h, part.length);
    }
  }
  return finalise(h);
}

/** Hashes integers only; faster than hash32 for per-row hashes under a precomputed base. */
export function hashIntegers(a: number, b: number, c = 0): number {
  return finalise(mix(mix(mix(0x9e3779b9, a >>> 0), b >>> 0), c >>> 0));
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small fast generator (sfc32) seeded from a hash of its parts. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...parts: Array<number | string>) {
    this.a = hash32(...parts, 'a');
    this.b = hash32(...parts, 'b');
    this.c = hash32(...parts, 'c');
    this.d = 1;
    // The first outputs of sfc32 are poorly mixed, so a few are discarded.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.uint32() / 0x100000000;
  }

  /** Returns a float in [0, 1) with 53 bits of resolution, for spans wider than 2^32. */
  next53(): number {
    return (this.uint32() * 0x200000 + (this.uint32() >>> 11)) / 0x20000000000000;
  }

  /** Returns an integer in [0, max). */
  int(max: number): number {
    return Math.floor((max > 0x10000000 ? this.next53() : this.next()) * max);
  }

  /** Returns an integer in [min, max], both ends included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}
