import type { GainsightClient } from '../client/gainsight-client.js';
import type { Logger } from '../logging/logger.js';
import { streamDefinitions } from '../streams/definitions.js';
import { resolveTenantSchema, type TenantSchema } from '../streams/tenant-schema.js';

/**
 * Describes the seven streams' objects in one call and merges each with its hand-written schema.
 * Streams whose object the tenant lacks are absent from the result, with a warning.
 */
export async function describeTenant(client: Pick<GainsightClient, 'describe'>, logger: Logger): Promise<Map<string, TenantSchema>> {
  const descriptions = await client.describe(streamDefinitions.map((stream) => stream.objectName));
  // Object names in paths match case-insensitively, so describe responses are matched the same way.
  const byName = new Map(descriptions.map((description) => [description.objectName.toLowerCase(), description]));

  const tenants = new Map<string, TenantSchema>();
  for (const stream of streamDefinitions) {
    const description = byName.get(stream.objectName.toLowerCase());
    if (description === undefined) {
      logger.warn('the tenant has no such object; the stream is not available', { stream: stream.name, object: stream.objectName });
      continue;
    }
    tenants.set(stream.name, resolveTenantSchema(stream, description, logger.forStream(stream.name)));
  }
  return tenants;
}
