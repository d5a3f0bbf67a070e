import type { GainsightClient } from '../client/gainsight-client.js';
import type { Logger } from '../logging/logger.js';
import { airbyteStream } from '../protocol/airbyte/catalog.js';
import type { AirbyteStream } from '../protocol/airbyte/messages.js';
import { describeTenant } from './tenant.js';

/** Builds the Airbyte catalog of the streams this tenant can serve, in the tap's stream order. */
export async function discoverAirbyteCatalog(client: Pick<GainsightClient, 'describe'>, logger: Logger): Promise<{ streams: AirbyteStream[] }> {
  const tenants = await describeTenant(client, logger);
  return { streams: [...tenants.values()].map((tenant) => airbyteStream(tenant)) };
}
