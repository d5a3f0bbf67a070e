/**
 * Request counts served by `GET /__simulator/stats`. `total` and `endpoints` count every `/v1`
 * request. `queries` and `describes` count those that passed the access-key check, including
 * ones then rate-limited or failed by a fault. Control-API calls are not counted.
 */
export class Stats {
  total = 0;
  endpoints: Record<string, number> = {};
  /** Query calls per canonical object name. */
  queries: Record<string, number> = {};
  describes = 0;
  /** Calls rejected by the rate limit (not those failed by an injected http-429 fault). */
  rateLimited = 0;

  countRequest(endpoint: string): void {
    this.total++;
    this.endpoints[endpoint] = (this.endpoints[endpoint] ?? 0) + 1;
  }

  countQuery(objectName: string): void {
    this.queries[objectName] = (this.queries[objectName] ?? 0) + 1;
  }

  toJSON() {
    return {
      total: this.total,
      endpoints: this.endpoints,
      queries: this.queries,
      describes: this.describes,
      rateLimited: this.rateLimited,
    };
  }

  reset(): void {
    this.total = 0;
    this.endpoints = {};
    this.queries = {};
    this.describes = 0;
    this.rateLimited = 0;
  }
}
