import { readCatalogSelection, selectEverything } from '../protocol/singer/selection.js';
import type { SingerOutput } from '../protocol/singer/singer-output.js';
import { streamDefinitions } from '../streams/definitions.js';
import type { SyncSummary } from '../sync/sync-engine.js';
import { syncStreams, type SyncStreamsOptions } from './sync-streams.js';

export interface SingerSyncOptions extends Omit<SyncStreamsOptions, 'output' | 'select'> {
  output: SingerOutput;
  /** The parsed catalog document and the option it came from, or undefined to sync everything. */
  catalog?: { document: unknown; source: string };
}

/** Runs a Singer sync: SCHEMA, RECORD and STATE messages for the selected streams. */
export async function runSingerSync(options: SingerSyncOptions): Promise<SyncSummary> {
  const { catalog, logger } = options;
  const { summary, state } = await syncStreams({
    ...options,
    select: (tenants) => {
      const selections = catalog
        ? readCatalogSelection(catalog.document, catalog.source, logger)
        : selectEverything(streamDefinitions, new Map([...tenants].map(([name, tenant]) => [name, tenant.schema])));
      return selections.map((selection) => ({ selection }));
    },
  });

  state.finish();
  await options.output.writeState(state);
  return summary;
}
