/**
 * The JSON Schema (draft-07) of the tap's configuration: the one place where each setting, its
 * type, range, default and documentation are defined. Validation, the settings list, the
 * environment variables of `--config ENV` and Airbyte's `connectionSpecification` are all derived
 * from it.
 *
 * It stays within what Airbyte's connector acceptance tests allow in a spec: no `anyOf`, `allOf`,
 * `oneOf`, `not`, `if` or `$ref`, and at most one type besides `"null"` per property. Rules that
 * would need those keywords (the access key aliases, the forms of `domain`, calendar checks of
 * `start_date`) are checked in code after the schema.
 */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Gainsight NXT',
  description: 'Settings of tap-gainsight, the Singer tap and Airbyte source for Gainsight NXT.',
  type: 'object',
  required: ['domain'],
  additionalProperties: false,
  properties: {
    credentials: {
      type: 'object',
      title: 'Credentials',
      description:
        'How the tap authenticates to the Gainsight REST API. A Gainsight admin generates the ' +
        'access key under Administration > Connectors 2.0: Create Connection, connector ' +
        'Gainsight API, Generate Access Key. No default.',
      additionalProperties: false,
      properties: {
        access_token: {
          type: 'string',
          title: 'Access key',
          description:
            'Gainsight REST API access key, sent in the Accesskey header of every request. ' +
            'Required unless credentials.api_token or access_key holds it. No default.',
          minLength: 1,
          airbyte_secret: true,
          writeOnly: true,
        },
        api_token: {
          type: 'string',
          title: 'Access key (alias)',
          description:
            'Another name for credentials.access_token. If both are set, they must be equal. ' +
            'No default.',
          minLength: 1,
          airbyte_secret: true,
          writeOnly: true,
        },
        credentials_title: {
          type: 'string',
          title: 'Authentication method',
          description:
            'Name of the authentication method. Only access key authentication is supported. ' +
            'Default: Private App Credentials.',
          enum: ['Private App Credentials'],
          default: 'Private App Credentials',
        },
      },
    },
    access_key: {
      type: 'string',
      title: 'Access key (top-level alias)',
      description:
        'Another name for credentials.access_token, for configs that keep the key at the top ' +
        'level. If both are set, they must be equal. No default.',
      minLength: 1,
      airbyte_secret: true,
      writeOnly: true,
    },
    domain: {
      type: 'string',
      title: 'Domain',
      description:
        'Gainsight host of the tenant. A tenant name such as acme means ' +
        'https://acme.gainsightcloud.com. A host name (acme.eu.gainsightcloud.com, a custom ' +
        'domain) or an https:// URL without a path is used as given. http:// is accepted only ' +
        'for loopback hosts (127.0.0.0/8, localhost, [::1]), such as a local simulator. ' +
        'Required, no default.',
      minLength: 1,
      pattern: '^\\S+$',
      examples: ['acme', 'acme.eu.gainsightcloud.com', 'https://acme.gainsightcloud.com'],
    },
    start_date: {
      type: 'string',
      title: 'Start date',
      description:
        'Earliest modification time to read, for a stream that has no bookmark yet. An RFC 3339 ' +
        'date-time with Z or an offset (2024-01-31T00:00:00Z), a date-time without an offset ' +
        '(read as UTC), or a date (2024-01-31, read as midnight UTC). ' +
        'Default: 30 days before the run starts.',
      pattern:
        '^[0-9]{4}-[0-9]{2}-[0-9]{2}' +
        '([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$',
      examples: ['2024-01-31T00:00:00Z', '2024-01-31'],
    },
    page_size: {
      type: 'integer',
      title: 'Page size',
      description:
        'Records requested per call to the query API. From 1 to 5000. ' +
        'Default: 5000, the maximum Gainsight returns in one call.',
      minimum: 1,
      maximum: 5000,
      default: 5000,
    },
    request_timeout_seconds: {
      type: 'integer',
      title: 'Request timeout (seconds)',
      description:
        'Seconds to wait for a response. A request whose response stalls longer is aborted ' +
        'and retried. From 1 to 3600. Default: 120.',
      minimum: 1,
      maximum: 3600,
      default: 120,
    },
    max_retries: {
      type: 'integer',
      title: 'Maximum retries',
      description:
        'Times a failed request is retried after a transient fault (throttling, server ' +
        'errors, timeouts, dropped connections) before the run fails. From 0 to 20. Default: 6.',
      minimum: 0,
      maximum: 20,
      default: 6,
    },
    requests_per_minute: {
      type: 'integer',
      title: 'Requests per minute',
      description:
        'Maximum requests per minute, shared by all streams of a run. From 1 to 10000. ' +
        'Default: 95, below the 100 per minute that Gainsight documents for its ' +
        'synchronous APIs. Lower it when other clients use the same access key.',
      minimum: 1,
      maximum: 10000,
      default: 95,
    },
    max_concurrent_requests: {
      type: 'integer',
      title: 'Maximum concurrent requests',
      description:
        'Maximum requests in flight at once, across all streams. From 1 to 32. Default: 8, ' +
        'so each of the seven streams can have a request in flight while the rate limit ' +
        'bounds the calls per minute.',
      minimum: 1,
      maximum: 32,
      default: 8,
    },
  },
} as const;

/** A JSON Schema object as plain, mutable JSON. */
export type JsonSchemaObject = { [keyword: string]: unknown };

/**
 * Returns a copy of the configuration schema for Airbyte's `spec` command. Airbyte requires
 * `additionalProperties` to be `true` wherever it is set, so every `false` becomes `true` here.
 * The tap itself still rejects unknown settings, because validation uses `configSchema`.
 */
export function airbyteConnectionSpecification(): JsonSchemaObject {
  const copy = structuredClone(configSchema) as unknown as JsonSchemaObject;
  allowAdditionalProperties(copy);
  return copy;
}

function allowAdditionalProperties(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;

  const record = node as Record<string, unknown>;
  if (record.additionalProperties === false) record.additionalProperties = true;

  for (const value of Object.values(record)) allowAdditionalProperties(value);
}
