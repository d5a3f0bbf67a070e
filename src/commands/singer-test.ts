import type { GainsightClient } from '../client/gainsight-client.js';
import type { QueryPage } from '../client/types.js';
import type { Logger } from '../logging/logger.js';
import type { SingerOutput } from '../protocol/singer/singer-output.js';
import { RecordNormalizer } from '../sync/record-normalizer.js';
import type { StreamPlan } from '../sync/stream-plan.js';
import { SyncState } from '../sync/sync-state.js';
import { singerSelection, type CatalogInput } from './singer-sync.js';
import { planStreams } from './sync-streams.js';

/** `all` reads one record per selected stream; `schema` only announces the streams. */
export type ConnectionCheck = 'all' | 'schema';

export interface ConnectionTestOptions {
  client: Pick<GainsightClient, 'describe' | 'query'>;
  logger: Logger;
  /** The catalog, or undefined to test every stream. */
  catalog?: CatalogInput;
  startDate: Date;
  output: SingerOutput;
  check: ConnectionCheck;
}

/** Counts of what a connection test read. */
export interface ConnectionTestResult {
  streams: number;
  records: number;
  /** Selected streams whose object has no row to read. */
  emptyStreams: string[];
}

/**
 * Checks the connection the way `--test` does in Meltano SDK taps: it describes the tenant,
 * applies the catalog's selection, and writes each selected stream's SCHEMA followed by one
 * RECORD read with `limit: 1`. With `check: 'schema'` it writes only the SCHEMA messages and reads
 * no rows.
 *
 * No STATE is written: a bookmark taken from one record would claim rows that were never sent.
 * Throws the first failure in stream order, so a rejected key or a field the tenant lacks ends
 * the test with the client's error.
 */
export async function runSingerConnectionTest(options: ConnectionTestOptions): Promise<ConnectionTestResult> {
  const { logger } = options;
  // Bookmarks do not matter here: the one record read is any row, not the next one to sync.
  const plans = await planStreams({ ...options, select: singerSelection(options.catalog, logger) }, new SyncState());
  if (plans.length === 0) logger.warn('the catalog selects no stream, so only the access key and the describe call were checked');

  const pages: Array<QueryPage | undefined> = [];
  if (options.check === 'all') {
    const results = await Promise.allSettled(plans.map((plan) => readOneRecord(options.client, plan, logger)));
    for (const result of results) {
      if (result.status === 'rejected') throw result.reason;
      pages.push(result.value);
    }
  }

  const result: ConnectionTestResult = { streams: plans.length, records: 0, emptyStreams: [] };
  for (const [index, plan] of plans.entries()) {
    await options.output.streamStarted(plan);
    const page = pages[index];
    if (page === undefined) continue;

    if (page.records.length === 0) result.emptyStreams.push(plan.stream.name);
    result.records += page.records.length;
    await options.output.pageRead(plan, page);
  }

  for (const stream of result.emptyStreams) logger.forStream(stream).warn('the object has no rows, so no record was read');
  logger.info('connection test passed', { check: options.check, streams: result.streams, records: result.records });
  return result;
}

// The query has no filter and no order, the cheapest request that reads a row with every selected
// field, so a field the tenant rejects fails here as it would in a sync.
async function readOneRecord(client: Pick<GainsightClient, 'query'>, plan: StreamPlan, logger: Logger): Promise<QueryPage> {
  const page = await client.query(plan.stream.objectName, { select: plan.select, limit: 1, offset: 0 }, { stream: plan.stream.name });
  const first: QueryPage = { ...page, records: page.records.slice(0, 1) };
  if (page.recordSources !== undefined) first.recordSources = page.recordSources.slice(0, 1);

  new RecordNormalizer(plan.select, plan.tenant.kinds, logger.forStream(plan.stream.name)).normalizePage(first);
  return first;
}
