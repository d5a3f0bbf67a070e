import type { QueryPage, QueryRequest } from '../../src/client/types.js';
import { parseInstant } from '../../src/dates/instant.js';

/**
 * A small stand-in for the query API over rows held in memory, for unit tests of the pagers:
 * AND-only conditions with GTE, LT and GT on DateTime or string fields, several `orderBy` keys,
 * `limit` and `offset`. `grain` sets whether DateTime filters compare to the millisecond or the
 * second. Every request is recorded in `requests`.
 */
export class InMemoryObject {
  readonly requests: QueryRequest[] = [];
  /** Called before each query runs, with the number of queries run so far. */
  beforeQuery: (index: number) => void = () => undefined;

  constructor(
    public rows: Array<Record<string, unknown>>,
    private readonly dateFields: string[],
    private readonly grain: 'millisecond' | 'second' = 'millisecond',
  ) {}

  async query(_objectName: string, request: QueryRequest): Promise<QueryPage> {
    this.beforeQuery(this.requests.length);
    this.requests.push(structuredClone(request));

    let rows = this.rows.filter((row) => (request.where?.conditions ?? []).every((condition) => this.matches(row, condition)));
    const order = Object.entries(request.orderBy ?? {});
    rows = [...rows].sort((a, b) => {
      for (const [field, direction] of order) {
        const difference = this.compare(field, a[field], b[field], false);
        if (difference !== 0) return direction === 'asc' ? difference : -difference;
      }
      return 0;
    });

    const offset = request.offset ?? 0;
    const records = rows.slice(offset, offset + request.limit).map((row) => Object.fromEntries(request.select.map((field) => [field, row[field]])));
    return { records, receivedAt: new Date() };
  }

  private matches(row: Record<string, unknown>, condition: NonNullable<QueryRequest['where']>['conditions'][number]): boolean {
    const difference = this.compare(condition.name, row[condition.name], condition.value[0], true);
    switch (condition.operator) {
      case 'GTE':
        return difference >= 0;
      case 'GT':
        return difference > 0;
      case 'LT':
        return difference < 0;
      default:
        throw new Error(`operator ${condition.operator} is not modelled here`);
    }
  }

  private compare(field: string, a: unknown, b: unknown, filtering: boolean): number {
    if (this.dateFields.includes(field)) {
      let left = parseInstant(a) as number;
      let right = parseInstant(b) as number;
      if (filtering && this.grain === 'second') {
        left = Math.floor(left / 1000);
        right = Math.floor(right / 1000);
      }
      return left - right;
    }
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }
}
