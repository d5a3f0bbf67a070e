import { configSchema, type JsonSchemaObject } from './config-schema.js';

/** Prefix of the environment variables read by `--config ENV`, as Meltano names them. */
export const environmentPrefix = 'TAP_GAINSIGHT_';

/**
 * Settings that hold the access key, canonical name first. The others are aliases accepted for
 * configs written for other Gainsight connectors.
 */
export const accessKeySettings = [
  'credentials.access_token',
  'credentials.api_token',
  'access_key',
] as const;

/** One setting as documentation and `--about` present it. */
export interface SettingInfo {
  /** Dotted path in the config file, such as `credentials.access_token`. */
  name: string;
  /** JSON Schema type: `string` or `integer`. */
  type: string;
  required: boolean;
  /** Value used when the setting is left out; `undefined` when there is none or it is computed. */
  default: unknown;
  /** True for the access key and its aliases, which are never printed. */
  secret: boolean;
  title: string;
  description: string;
  /** Variable read for this setting by `--config ENV`. */
  environmentVariable: string;
  /** Canonical setting this one is another name for, if any. */
  aliasOf?: string;
}

/**
 * Returns the schema of every setting that is a value rather than an object of settings, keyed
 * by dotted path, in schema order.
 */
export function leafSettingSchemas(): Map<string, JsonSchemaObject> {
  const leaves = new Map<string, JsonSchemaObject>();
  collectLeaves(configSchema as unknown as JsonSchemaObject, '', leaves);
  return leaves;
}

/** Returns the schema of the setting or settings object at `path`, or `undefined` if none. */
export function schemaAt(path: string): JsonSchemaObject | undefined {
  let node: JsonSchemaObject | undefined = configSchema as unknown as JsonSchemaObject;

  for (const key of path.split('.')) {
    const properties = node?.properties as Record<string, JsonSchemaObject> | undefined;
    node = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
  }

  return node;
}

/**
 * Tells whether the value at `path` is a secret or may contain one, so that messages never show
 * it. A settings object that contains a secret counts, because a user may write the key there
 * directly (`"credentials": "KEY"`).
 */
export function isSecretPath(path: string): boolean {
  const schema = schemaAt(path);
  return schema !== undefined && containsSecret(schema);
}

/** Returns the `TAP_GAINSIGHT_*` variable for a setting: `credentials.access_token` gives `TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN`. */
export function environmentVariableName(path: string): string {
  return environmentPrefix + path.replaceAll('.', '_').toUpperCase();
}

/**
 * Tells whether the schema requires a setting: the setting and every settings object above it
 * are listed in `required`.
 */
export function isRequiredSetting(path: string): boolean {
  const keys = path.split('.');

  return keys.every((key, index) => {
    const parentPath = keys.slice(0, index).join('.');
    const parent =
      parentPath === '' ? (configSchema as unknown as JsonSchemaObject) : schemaAt(parentPath);
    const required = (parent?.required ?? []) as readonly string[];
    return required.includes(key);
  });
}

/** Lists every setting with its type, default and documentation, in schema order. */
export function listSettings(): SettingInfo[] {
  const [canonicalKey, ...keyAliases] = accessKeySettings;
  const settings: SettingInfo[] = [];

  for (const [name, schema] of leafSettingSchemas()) {
    const info: SettingInfo = {
      name,
      type: String(schema.type),
      required: isRequiredSetting(name) || name === canonicalKey,
      default: schema.default,
      secret: schema.airbyte_secret === true,
      title: String(schema.title),
      description: String(schema.description),
      environmentVariable: environmentVariableName(name),
    };
    if ((keyAliases as readonly string[]).includes(name)) info.aliasOf = canonicalKey;
    settings.push(info);
  }

  return settings;
}

function collectLeaves(
  schema: JsonSchemaObject,
  prefix: string,
  leaves: Map<string, JsonSchemaObject>,
): void {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchemaObject>;

  for (const [key, child] of Object.entries(properties)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (child.type === 'object') collectLeaves(child, path, leaves);
    else leaves.set(path, child);
  }
}

function containsSecret(schema: JsonSchemaObject): boolean {
  if (schema.airbyte_secret === true) return true;

  const properties = (schema.properties ?? {}) as Record<string, JsonSchemaObject>;
  return Object.values(properties).some(containsSecret);
}
