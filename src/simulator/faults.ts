/**
 * The fault schedule: failures injected into the next matching `/v1` requests, so a client's
 * retry, timeout and parsing paths can be tested. Each request takes at most one fault, the
 * first scheduled one whose `path` is a substring of the request path.
 */

export const FAULT_KINDS = [
  'http-429',
  'http-500',
  'http-502',
  'http-503',
  'result-false',
  'reset',
  'stall',
  'truncate',
  'latency',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Requests still to fail. */
  count: number;
  /** Substring of the request path that a request must contain; every path when absent. */
  path?: string;
  /** `Retry-After` of an http-429 fault, in seconds. */
  retryAfter: number;
  /** Seconds a stall keeps the connection silent before destroying it. */
  seconds: number;
  /** Delay a latency fault adds, in milliseconds. */
  ms: number;
}

export class FaultSchedule {
  private faults: Fault[] = [];

  /** Validates and appends faults; throws an Error naming the first invalid entry. */
  add(entries: unknown): void {
    if (!Array.isArray(entries)) throw new Error('faults must be an array');
    const parsed = entries.map((entry, index) => parseFault(entry, index));
    this.faults.push(...parsed);
  }

  /** Takes one fault for a request path, or returns undefined when none matches. */
  take(path: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.path === undefined || path.includes(fault.path));
    if (index === -1) return undefined;
    const fault = this.faults[index] as Fault;
    fault.count--;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}

function parseFault(entry: unknown, index: number): Fault {
  if (typeof entry !== 'object' || entry === null) throw new Error(`faults[${index}] must be an object`);
  const raw = entry as Record<string, unknown>;
  if (!FAULT_KINDS.includes(raw['kind'] as FaultKind)) {
    throw new Error(`faults[${index}].kind ${JSON.stringify(raw['kind'])} is invalid; use one of ${FAULT_KINDS.join(', ')}`);
  }
  const number = (name: string, fallback: number, integer: boolean): number => {
    const value = raw[name] ?? fallback;
    if (typeof value !== 'number' || value < 0 || (integer && !Number.isInteger(value))) {
      throw new Error(`faults[${index}].${name} must be a non-negative ${integer ? 'integer' : 'number'}`);
    }
    return value;
  };
  const count = number('count', 1, true);
  if (count === 0) throw new Error(`faults[${index}].count must be at least 1`);
  const path = raw['path'];
  if (path !== undefined && typeof path !== 'string') throw new Error(`faults[${index}].path must be a string`);
  return {
    kind: raw['kind'] as FaultKind,
    count,
    ...(path === undefined ? {} : { path }),
    retryAfter: number('retryAfter', 1, true),
    seconds: number('seconds', 10, false),
    ms: number('ms', 1000, false),
  };
}
