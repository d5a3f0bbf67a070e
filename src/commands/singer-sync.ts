import type { GainsightClient } from '../client/gainsight-client.js';
import { floorToSecond, formatInstant } from '../dates/instant.js';
import { ConfigError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { readCatalogSelection, selectEverything } from '../protocol/singer/selection.js';
import type { SingerOutput } from '../protocol/singer/singer-output.js';
import { streamDefinitions } from '../streams/definitions.js';
import type { TenantSchema } from '../streams/tenant-schema.js';
import { buildPlan } from '../sync/plan-builder.js';
import type { StreamPlan, StreamSelection } from '../sync/stream-plan.js';
import { runSync, type ProgressListener, type SyncSummary } from '../sync/sync-engine.js';
import { SyncState, type StateValue } from '../sync/sync-state.js';
import { describeTenant } from './tenant.js';

/** Inputs for choosing the streams to read. */
export interface StreamPlanningOptions {
  client: Pick<GainsightClient, 'describe'>;
  logger: Logger;
  /** The parsed catalog document and the option it came from, or undefined to read everything. */
  catalog?: { document: unknown; source: string };
  startDate: Date;
}

export interface SingerSyncOptions extends StreamPlanningOptions {
  client: Pick<GainsightClient, 'describe' | 'query' | 'serverDate'>;
  output: SingerOutput;
  state: StateValue;
  pageSize: number;
  stopSignal: AbortSignal;
  requestStop: () => void;
  /** When the run started; replication key values from this second on wait for the next run. */
  startedAt: Date;
  progressIntervalMs?: number;
  onProgress?: ProgressListener;
}

/** Runs a Singer sync: SCHEMA, RECORD and STATE messages for the selected streams. */
export async function runSingerSync(options: SingerSyncOptions): Promise<SyncSummary> {
  const { logger } = options;
  const state = new SyncState(options.state);
  const plans = orderForResume(await planSelectedStreams(options, state), state.resumeStream);

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

  state.finish();
  await options.output.writeState(state);
  return summary;
}

/**
 * Describes the tenant and plans a read of each stream the catalog selects, in catalog order.
 * Without a catalog, it plans every stream and field the tenant has, in the tap's stream order.
 */
export async function planSelectedStreams(options: StreamPlanningOptions, state: SyncState): Promise<StreamPlan[]> {
  const { logger } = options;
  const tenants = await describeTenant(options.client, logger);

  const selections = options.catalog
    ? readCatalogSelection(options.catalog.document, options.catalog.source, logger)
    : selectEverything(streamDefinitions, new Map([...tenants].map(([name, tenant]) => [name, tenant.schema])));

  return selections.map((selection) => buildPlan(selection, tenantOf(selection, tenants), { state, startDateMs: options.startDate.getTime(), logger }));
}

/**
 * The exclusive upper bound of the replication key values read: the start of the run, or the
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
