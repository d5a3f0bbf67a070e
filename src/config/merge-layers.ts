/** A parsed JSON object. */
export type JsonObject = { [key: string]: unknown };

/** Settings from one source: a config file or the environment. */
export interface ConfigLayer {
  values: JsonObject;
  /** Names where a setting came from, for messages: the file path or the variable name. */
  originOf(path: string): string;
}

/** All layers merged, with the origin of every setting that was given. */
export interface MergedConfig {
  values: JsonObject;
  /** Origin of each given setting and settings object, by dotted path. */
  origins: Map<string, string>;
}

/**
 * Merges layers in order, later layers winning. Objects are merged key by key, any other value
 * (arrays included) replaces what was there. The layers themselves are not modified.
 */
export function mergeLayers(layers: Iterable<ConfigLayer>): MergedConfig {
  const merged: MergedConfig = { values: {}, origins: new Map() };

  for (const layer of layers) mergeObject(merged, merged.values, layer.values, layer, '');

  return merged;
}

/** Returns the value at a dotted path, or `undefined` when it or an object above it is missing. */
export function valueAt(values: JsonObject, path: string): unknown {
  let node: unknown = values;

  for (const key of path.split('.')) {
    if (!isJsonObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }

  return node;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeObject(
  merged: MergedConfig,
  target: JsonObject,
  source: JsonObject,
  layer: ConfigLayer,
  prefix: string,
): void {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const current = Object.hasOwn(target, key) ? target[key] : undefined;

    if (!(isJsonObject(value) && isJsonObject(current))) {
      forgetOrigins(merged.origins, path);
      setOwn(target, key, isJsonObject(value) ? {} : value);
    }

    merged.origins.set(path, layer.originOf(path));
    if (isJsonObject(value)) mergeObject(merged, target[key] as JsonObject, value, layer, path);
  }
}

// Drops the origins of a replaced value and of everything below it.
function forgetOrigins(origins: Map<string, string>, path: string): void {
  for (const known of origins.keys()) {
    if (known === path || known.startsWith(`${path}.`)) origins.delete(known);
  }
}

// Defines the key as an own property, because plain assignment of a key named `__proto__`
// (which JSON may contain) would replace the object's prototype instead.
function setOwn(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
