import type { Logger } from '../logging/logger.js';
import { readCatalogSelection, selectEverything } from '../protocol/singer/selection.js';
import type { SingerOutput } from '../protocol/singer/singer-output.js';
import { streamDefinitions } from '../streams/definitions.js';
import type { TenantSchema } from '../streams/tenant-schema.js';
import type { SyncSummary } from '../sync/sync-engine.js';
import { syncStreams, type PlannedSelection, type SyncStreamsOptions } from './sync-streams.js';

/** A parsed Singer catalog and the option it came from (`--catalog FILE`, `--properties FILE`). */
export interface CatalogInput {
  document: unknown;
  source: string;
}

export interface SingerSyncOptions extends Omit<SyncStreamsOptions, 'output' | 'select'> {
  output: SingerOutput;
  /** The catalog, or undefined to sync every stream and field. */
  catalog?: CatalogInput;
}

/** Runs a Singer sync: SCHEMA, RECORD and STATE messages for the selected streams. */
export async function runSingerSync(options: SingerSyncOptions): Promise<SyncSummary> {
  const { summary, state } = await syncStreams({ ...options, select: singerSelection(options.catalog, options.logger) });

  state.finish();
  await options.output.writeState(state);
  return summary;
}

/**
 * Chooses streams by the Singer catalog's selection rules; without a catalog, every stream and
 * field the tenant has.
 */
export function singerSelection(catalog: CatalogInput | undefined, logger: Logger): (tenants: Map<string, TenantSchema>) => PlannedSelection[] {
  return (tenants) => {
    const selections = catalog
      ? readCatalogSelection(catalog.document, catalog.source, logger)
      : selectEverything(streamDefinitions, new Map([...tenants].map(([name, tenant]) => [name, tenant.schema])));
    return selections.map((selection) => ({ selection }));
  };
}
