import type { GainsightClient } from '../client/gainsight-client.js';
import { ConfigError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { streamDefinitions } from '../streams/definitions.js';
import { describeTenant } from './tenant.js';

/**
 * Checks that the access key works and the tenant has the tap's objects, with one describe call,
 * which Gainsight authenticates like every other call. Returns the message for a SUCCEEDED status.
 * Throws an `AuthenticationError` when Gainsight rejects the key, and a `ConfigError` when the
 * tenant has none of the objects.
 */
export async function checkConnection(client: Pick<GainsightClient, 'describe'>, logger: Logger): Promise<string> {
  const tenants = await describeTenant(client, logger);
  if (tenants.size === 0) {
    const objects = streamDefinitions.map((stream) => stream.objectName).join(', ');
    throw new ConfigError(`the tenant has none of the objects this source reads (${objects}); check that domain names the right tenant`);
  }
  return `connected; ${tenants.size} of ${streamDefinitions.length} streams available: ${[...tenants.keys()].join(', ')}`;
}
