import type { GainsightClient } from '../client/gainsight-client.js';
import type { QueryCondition, QueryPage, QueryRequest } from '../client/types.js';
import { floorToSecond, formatFilterInstant, parseInstant, secondMs } from '../dates/instant.js';
import { ApiError } from '../errors/index.js';
import type { StreamDefinition } from '../streams/definitions.js';
import type { IncrementalPosition } from './bookmark.js';

/** The inputs a pager needs to read one stream. */
export interface PagerContext {
  client: Pick<GainsightClient, 'query'>;
  stream: StreamDefinition;
  /** Fields to request; includes the key and, for incremental streams, the replication key. */
  select: string[];
  /** Rows per call, at most 5000. */
  pageSize: number;
}

/** One page of new rows and the position to save once they are written. */
export interface IncrementalPage extends QueryPage {
  position: IncrementalPosition;
}

/**
 * Reads every row whose replication key lies in [start, endMs), each exactly once, as pages.
 *
 * Offset paging skips rows when a row moves while pages are read, and a `>` or `>=` bookmark
 * either loses or resends rows that share an instant. So this pages by (replication key, Gsid)
 * using only AND filters at whole-second grain, which Gainsight documents and which behave the
 * same whether the server compares DateTimes to the millisecond or to the second:
 *
 * 1. Scan: `key >= L AND key < end`, ordered by key then Gsid. Every row in a second before the
 *    page's last second `s` is complete. The rows of second `s` on the page are emitted too, and
 *    their Gsids remembered, so the next scan from `s` skips them.
 * 2. When a whole page lies within one second (a tie group larger than a page, as a bulk update
 *    makes), drain that second by Gsid: `key >= s AND key < s+1 AND Gsid > g`, ordered by Gsid,
 *    skipping remembered Gsids; then continue the scan at s+1.
 *
 * `endMs` (a whole second, at or before the sync's start) keeps rows changed during the sync for
 * the next sync: a changed row leaves the window instead of shifting the pages under the reader.
 */
export async function* readIncremental(
  context: PagerContext,
  start: IncrementalPosition,
  endMs: number,
): AsyncGenerator<IncrementalPage> {
  const replicationKey = context.stream.replicationKey as string;
  let from = start.fromMs;
  // Gsids already emitted whose replication key lies in the second starting at `from`.
  let seen = new Set<string>();

  if (start.lastGsid !== undefined && from < endMs) {
    yield* drainSecond(context, from, start.lastGsid, seen);
    from += secondMs;
  }

  while (from < endMs) {
    const page = await context.client.query(context.stream.objectName, scanRequest(context, replicationKey, from, endMs), {
      stream: context.stream.name,
    });
    const rows = page.records;
    const fresh = withoutSeen(page, seen, context);

    if (rows.length < context.pageSize) {
      yield { ...fresh, position: { fromMs: endMs } };
      return;
    }

    const lastSecond = Math.max(from, secondOf(rows[rows.length - 1] as Record<string, unknown>, replicationKey, context));
    if (lastSecond > from) {
      seen = new Set(tailGsids(rows, lastSecond, replicationKey, context));
      from = lastSecond;
      yield { ...fresh, position: { fromMs: from } };

      // When most of the page shares its last second, a scan from that second would mostly re-read
      // rows already emitted, so the second is drained by Gsid at once.
      if (seen.size > context.pageSize / 2) {
        yield* drainSecond(context, from, undefined, seen);
        from += secondMs;
        seen = new Set();
      }
      continue;
    }

    // The whole page lies in one second: drain that second by Gsid.
    for (const row of rows) seen.add(gsidOf(row, context));
    yield { ...fresh, position: { fromMs: from } };
    yield* drainSecond(context, from, undefined, seen);
    from += secondMs;
    seen = new Set();
  }
}

/** Reads every row of the second starting at `secondStart` with a Gsid after `afterGsid`. */
async function* drainSecond(
  context: PagerContext,
  secondStart: number,
  afterGsid: string | undefined,
  seen: Set<string>,
): AsyncGenerator<IncrementalPage> {
  const replicationKey = context.stream.replicationKey as string;
  let cursor = afterGsid;

  for (;;) {
    const page = await context.client.query(context.stream.objectName, drainRequest(context, replicationKey, secondStart, cursor), {
      stream: context.stream.name,
    });
    const rows = page.records;
    const fresh = withoutSeen(page, seen, context);

    if (rows.length < context.pageSize) {
      yield { ...fresh, position: { fromMs: secondStart + secondMs } };
      return;
    }

    const lastGsid = gsidOf(rows[rows.length - 1] as Record<string, unknown>, context);
    if (cursor !== undefined && lastGsid <= cursor) {
      throw new ApiError(`the server ignored the Gsid filter while reading a tie group (Gsid ${lastGsid} is not after ${cursor})`, {
        stream: context.stream.name,
      });
    }
    cursor = lastGsid;
    yield { ...fresh, position: { fromMs: secondStart, lastGsid } };
  }
}

function scanRequest(context: PagerContext, replicationKey: string, from: number, end: number): QueryRequest {
  return {
    select: context.select,
    where: {
      conditions: [
        condition(replicationKey, 'A', 'GTE', formatFilterInstant(from)),
        condition(replicationKey, 'B', 'LT', formatFilterInstant(end)),
      ],
      expression: 'A AND B',
    },
    orderBy: { [replicationKey]: 'asc', [context.stream.keyProperty]: 'asc' },
    limit: context.pageSize,
    offset: 0,
  };
}

function drainRequest(context: PagerContext, replicationKey: string, secondStart: number, afterGsid: string | undefined): QueryRequest {
  const conditions = [
    condition(replicationKey, 'A', 'GTE', formatFilterInstant(secondStart)),
    condition(replicationKey, 'B', 'LT', formatFilterInstant(secondStart + secondMs)),
  ];
  if (afterGsid !== undefined) conditions.push(condition(context.stream.keyProperty, 'C', 'GT', afterGsid));

  return {
    select: context.select,
    where: { conditions, expression: conditions.map((entry) => entry.alias).join(' AND ') },
    orderBy: { [context.stream.keyProperty]: 'asc' },
    limit: context.pageSize,
    offset: 0,
  };
}

function condition(name: string, alias: string, operator: QueryCondition['operator'], value: string): QueryCondition {
  return { name, alias, operator, value: [value] };
}

/** Returns the page without the rows already emitted, keeping record sources aligned with records. */
function withoutSeen(page: QueryPage, seen: Set<string>, context: PagerContext): QueryPage {
  if (seen.size === 0) return page;
  const keep: boolean[] = page.records.map((row) => !seen.has(gsidOf(row, context)));
  if (!keep.includes(false)) return page;

  const filtered: QueryPage = { ...page, records: page.records.filter((_, index) => keep[index]) };
  if (page.recordSources !== undefined) filtered.recordSources = page.recordSources.filter((_, index) => keep[index]);
  return filtered;
}

/** Returns the Gsids of the rows at the end of a page whose key lies in `second`. */
function tailGsids(rows: Array<Record<string, unknown>>, second: number, replicationKey: string, context: PagerContext): string[] {
  const gsids: string[] = [];
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index] as Record<string, unknown>;
    if (secondOf(row, replicationKey, context) !== second) break;
    gsids.push(gsidOf(row, context));
  }
  return gsids;
}

function secondOf(row: Record<string, unknown>, replicationKey: string, context: PagerContext): number {
  const instant = parseInstant(row[replicationKey]);
  if (instant === undefined) {
    throw new ApiError(`row ${String(row[context.stream.keyProperty])} has no readable ${replicationKey} (${JSON.stringify(row[replicationKey])})`, {
      stream: context.stream.name,
    });
  }
  return floorToSecond(instant);
}

function gsidOf(row: Record<string, unknown>, context: PagerContext): string {
  const gsid = row[context.stream.keyProperty];
  if (typeof gsid !== 'string') {
    throw new ApiError(`a row has no ${context.stream.keyProperty} string`, { stream: context.stream.name });
  }
  return gsid;
}
