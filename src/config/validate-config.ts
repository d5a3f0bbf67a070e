import { Ajv, type ErrorObject } from 'ajv';
import { configSchema } from './config-schema.js';
import {
  describeFix,
  describeJsonType,
  describeSchemaType,
  describeSetting,
  joinList,
} from './describe-problem.js';
import { type MergedConfig } from './merge-layers.js';
import { environmentVariableName, leafSettingSchemas, schemaAt } from './settings.js';
import { suggestSettings } from './suggest-setting.js';

// `allErrors` reports every problem at once, and `useDefaults` fills in the defaults of settings
// that were left out. `verbose` puts the invalid value on each error, for the message.
const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: true });
ajv.addKeyword({ keyword: 'airbyte_secret', schemaType: 'boolean' });
const validateAgainstSchema = ajv.compile(configSchema);

/**
 * Validates the merged settings against the configuration schema and fills in defaults (it
 * modifies `merged.values`). Returns one problem line per setting, or an empty map when the
 * settings match the schema. The map is keyed by `problemKey`, which keeps a flat key
 * `"credentials.access_token"` apart from the nested setting.
 */
export function validateConfig(merged: MergedConfig): Map<string, string> {
  const problems = new Map<string, string>();
  if (validateAgainstSchema(merged.values)) return problems;

  for (const error of validateAgainstSchema.errors ?? []) {
    const keys = settingKeys(error);
    const key = JSON.stringify(keys);
    const path = keys.join('.');

    // One line per setting, because an empty string fails both `minLength` and `pattern`.
    if (!problems.has(key)) {
      problems.set(key, describeError(error, path, merged.origins.get(path)));
    }
  }

  return problems;
}

/** Returns the key under which `validateConfig` reports a problem with the setting at `path`. */
export function problemKey(path: string): string {
  return JSON.stringify(path.split('.'));
}

/** Returns every setting and settings object path, for suggestions. */
function knownPaths(): string[] {
  const paths = new Set<string>();

  for (const leaf of leafSettingSchemas().keys()) {
    const keys = leaf.split('.');
    keys.forEach((_, index) => paths.add(keys.slice(0, index + 1).join('.')));
  }

  return [...paths];
}

function describeError(error: ErrorObject, path: string, origin: string | undefined): string {
  const value: unknown = error.data;
  const setting = describeSetting(path, value, origin);
  const fix = describeFix(path);

  switch (error.keyword) {
    case 'additionalProperties':
      return describeUnknownSetting(path, String(error.params.additionalProperty), origin);
    case 'required':
      return `${path} is missing. Set it in a config file or in ${environmentVariableName(path)} with --config ENV. ${fix}`;
    case 'type':
      return describeTypeError(path, value, origin, error.params.type);
    case 'minLength':
      return `${describeSetting(path, value, origin, false)} is empty. ${fix}`;
    case 'minimum':
    case 'maximum':
      return `${setting} is out of range. ${fix}`;
    case 'enum':
      return `${setting} is not supported. ${fix}`;
    case 'pattern':
      return `${setting} is not a valid ${String(schemaAt(path)?.title).toLowerCase()}. ${fix}`;
    default:
      return `${setting} is invalid: it ${error.message ?? 'does not match the schema'}. ${fix}`;
  }
}

function describeTypeError(
  path: string,
  value: unknown,
  origin: string | undefined,
  expectedType: unknown,
): string {
  const setting = describeSetting(path, value, origin);
  const expected = describeSchemaType(expectedType);

  // A number written in quotes is a common mistake, so the fix names the exact value to write.
  const isQuotedNumber = typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value.trim());
  const fix =
    isQuotedNumber && expectedType === 'integer'
      ? `Write ${value.trim()} without quotes.`
      : describeFix(path);

  return `${setting} is ${describeJsonType(value)}, but it must be ${expected}. ${fix}`;
}

function describeUnknownSetting(path: string, key: string, origin: string | undefined): string {
  const setting = describeSetting(path, undefined, origin, false);

  // A flat key such as "credentials.access_token" names a nested setting.
  if (key.includes('.') && knownPaths().includes(path)) {
    const keys = path.split('.');
    const nested = keys.map((part) => `{"${part}": `).join('') + '...' + '}'.repeat(keys.length);
    return `${setting} is not a known setting. Write it as nested objects: ${nested}.`;
  }

  const suggestions = suggestSettings(key, knownPaths());

  if (suggestions.length > 0) {
    return `${setting} is not a known setting. Did you mean ${joinList(suggestions)}?`;
  }

  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  const siblings = Object.keys((parent === '' ? configSchema : schemaAt(parent))?.properties ?? {});
  const place = parent === '' ? 'at the top level' : `in ${parent}`;
  return `${setting} is not a known setting. Remove it. The settings ${place} are ${joinList(siblings, 'and')}.`;
}

// Keys of the setting an error is about. `required` and `additionalProperties` errors point at
// the parent object, so the property name is appended.
function settingKeys(error: ErrorObject): string[] {
  const keys = error.instancePath
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));

  if (error.keyword === 'required') keys.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') keys.push(String(error.params.additionalProperty));

  return keys;
}
