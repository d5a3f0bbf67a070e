import type { GainsightClient } from '../client/gainsight-client.js';
import type { Logger } from '../logging/logger.js';
import { catalogStream, type Catalog } from '../protocol/singer/catalog.js';
import { describeTenant } from './tenant.js';

/** Builds the Singer catalog of the streams this tenant can serve, in the tap's stream order. */
export async function discoverCatalog(client: Pick<GainsightClient, 'describe'>, logger: Logger): Promise<Catalog> {
  const tenants = await describeTenant(client, logger);
  return { streams: [...tenants.values()].map((tenant) => catalogStream(tenant)) };
}
