import { isRequiredSetting, isSecretPath, schemaAt } from './settings.js';

// Longer string values are cut in messages, so that every problem stays one readable line.
const maxShownLength = 80;

/**
 * Returns the start of a problem line: the setting, its value unless it is secret, and where it
 * was set. For example `page_size 0 (set in config.json)`.
 */
export function describeSetting(
  path: string,
  value: unknown,
  origin: string | undefined,
  showValue = true,
): string {
  const parts = [path];
  if (showValue && !isSecretPath(path)) parts.push(formatValue(value));
  if (origin !== undefined) parts.push(`(set in ${origin})`);
  return parts.join(' ');
}

/**
 * Returns the sentence that explains what to write for a setting, derived from its schema:
 * the range and default of a number, the examples of a string, the keys of an object.
 */
export function describeFix(path: string): string {
  const schema = schemaAt(path);
  if (schema === undefined) return '';

  const optional = optionalClause(path, schema.default);

  if (Array.isArray(schema.enum)) {
    return `Write ${joinList(schema.enum.map(formatValue))} or leave it out.`;
  }

  switch (schema.type) {
    case 'integer':
      return `Write a whole number from ${schema.minimum} to ${schema.maximum}${optional}.`;
    case 'object': {
      const keys = Object.keys((schema.properties ?? {}) as object);
      return `Write an object with the keys ${keys.join(', ')}.`;
    }
    default: {
      const examples = Array.isArray(schema.examples) && !isSecretPath(path) ? schema.examples : [];
      if (examples.length === 0) return 'Write it as a non-empty string.';
      return `Write a value such as ${joinList(examples.map(formatValue))}${optional}.`;
    }
  }
}

/** Describes a JSON value's type with its article: `a string`, `an object`, `null`. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Describes a JSON Schema type as the value the user should write. */
export function describeSchemaType(type: unknown): string {
  switch (type) {
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return `a ${String(type)}`;
  }
}

/** Formats a value for a message: strings quoted and cut to a readable length, objects by type. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > maxShownLength ? `${quoted.slice(0, maxShownLength - 4)}…"` : quoted;
  }
  if (typeof value === 'object' && value !== null) return describeJsonType(value);
  return String(value);
}

/** Joins items as prose: `a`, `a or b`, `a, b or c` (or with `and`). */
export function joinList(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function optionalClause(path: string, defaultValue: unknown): string {
  if (isRequiredSetting(path) || isSecretPath(path)) return '';
  if (defaultValue === undefined) return ', or leave it out for the default';
  return `, or leave it out to use ${formatValue(defaultValue)}`;
}
