import type { GainsightClient } from '../client/gainsight-client.js';
import { floorToSecond, formatInstant } from '../dates/instant.js';
import { ConfigError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import type { TenantSchema } from '../streams/tenant-schema.js';
import { buildPlan } from '../sync/plan-builder.js';
import type { StreamPlan, StreamSelection } from '../sync/stream-plan.js';
import { runSync, type ProgressListener, type SyncOutput, type SyncSummary } from '../sync/sync-engine.js';
import { SyncState, type StateValue } from '../sync/sync-state.js';
import { describeTenant } from './tenant.js';

/** A stream to read and whether to read it from the beginning, ignoring its bookmark. */
export interface PlannedSelection {
  selection: StreamSelection;
  /** Airbyte's full refresh of an incremental stream: read every row, whatever the state holds. */
  fullRefresh?: boolean;
}

/** Inputs for choosing the streams to read and where each starts. */
export interface StreamPlanningOptions {
  client: Pick<GainsightClient, 'describe'>;
  logger: Logger;
  /** Chooses the streams to read, given the schemas of the streams this tenant has. */
  select: (tenants: Map<string, TenantSchema>) => PlannedSelection[];
  startDate: Date;
}

export interface SyncStreamsOptions extends StreamPlanningOptions {
  client: Pick<GainsightClient, 'describe' | 'query' | 'serverDate'>;
  output: SyncOutput;
  state: StateValue;
  pageSize: number;
  stopSignal: AbortSignal;
  requestStop: () => void;
  /** When the run started; replication key values from this second on wait for the next run. */
  startedAt: Date;
  progressIntervalMs?: number;
  onProgress?: ProgressListener;
}

/**
 * Describes the tenant, plans the selected streams and reads them, whichever protocol asked.
 * Returns how each stream ended and the state the run reached.
 */
export async function syncStreams(options: SyncStreamsOptions): Promise<{ summary: SyncSummary; state: SyncState }> {
  const { logger } = options;
  const state = new SyncState(options.state);
  const plans = orderForResume(await planStreams(options, state), state.resumeStream);

  const endMs = syncEnd(options.startedAt, options.client.serverDate);
  logger.info('sync plan', { streams: plans.map((plan) => plan.stream.name).join(',') || 'none', until: formatInstant(endMs) });

  const summary = await runSync({
    client: options.client,
    plans,
    state,
    output: options.output,
    logger,
    pageSize: options.pageSize,
    endMs,
    stopSignal: options.stopSignal,
    requestStop: options.requestStop,
    progressIntervalMs: options.progressIntervalMs,
    onProgress: options.onProgress,
  });
  return { summary, state };
}

/** Describes the tenant and plans a read of each selected stream, in selection order. */
export async function planStreams(options: StreamPlanningOptions, state: SyncState): Promise<StreamPlan[]> {
  const { logger } = options;
  const tenants = await describeTenant(options.client, logger);
  return options.select(tenants).map(({ selection, fullRefresh }) =>
    buildPlan(selection, tenantOf(selection, tenants), { state, startDateMs: options.startDate.getTime(), fullRefresh, logger }),
  );
}

/** Logs one line with the run's records, API calls and duration. */
export function logSyncSummary(
  logger: Logger,
  summary: SyncSummary,
  client: Pick<GainsightClient, 'counts'>,
  startedAt: Date,
): void {
  const records = [...summary.outcomes.values()].reduce((total, outcome) => total + outcome.records, 0);
  logger.info('sync summary', {
    records,
    query_calls: client.counts.query,
    describe_calls: client.counts.describe,
    retries: client.counts.retries,
    seconds: ((Date.now() - startedAt.getTime()) / 1000).toFixed(2),
  });
}

/**
 * Returns the exclusive upper bound of the replication key values read: the start of the run, or the
 * server's clock if it is behind ours, rounded down to a whole second. A row changed during the
 * run, or in the run's first second, is read by the next run, which starts from this bound.
 */
export function syncEnd(startedAt: Date, serverDate: Date | undefined): number {
  const local = startedAt.getTime();
  return floorToSecond(serverDate === undefined ? local : Math.min(local, serverDate.getTime()));
}

function tenantOf(selection: StreamSelection, tenants: Map<string, TenantSchema>): TenantSchema {
  const tenant = tenants.get(selection.stream.name);
  if (tenant === undefined) {
    throw new ConfigError(`stream ${selection.stream.name} is selected, but this tenant has no ${selection.stream.objectName} object; deselect it`);
  }
  return tenant;
}

// The stream an interrupted run was syncing goes first, if it is still selected; the others follow
// in their usual order and none is skipped.
function orderForResume(plans: StreamPlan[], resumeStream: string | null): StreamPlan[] {
  const index = plans.findIndex((plan) => plan.stream.name === resumeStream);
  if (index <= 0) return plans;
  return [plans[index] as StreamPlan, ...plans.slice(0, index), ...plans.slice(index + 1)];
}
