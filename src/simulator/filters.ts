/**
 * Filter conditions of `where.conditions`: parsing their values by the field's data type, and
 * testing a record value against them.
 *
 * Gainsight documents the operators but not the following details, so they are modelling
 * choices. A null value, or an empty-string date, matches only IS_NULL. EQ, NE, IN and the
 * ordering operators compare strings case-sensitively by code unit. CONTAINS, STARTS_WITH and
 * ENDS_WITH ignore case. INCLUDES and EXCLUDES test the `;`-separated items of a multi-select
 * value. DATETIME comparisons cut both sides to the filter grain first.
 */

import { type FilterGrain, parseDate, parseDateTime, toGrain } from './dates.js';
import { invalidDate, invalidDateTime, invalidRequest } from './errors.js';
import type { FieldPath } from './field-paths.js';
import { NUMBER_TYPES } from './objects.js';
import type { Value } from './records.js';

export const OPERATORS = [
  'EQ', 'NE', 'LT', 'GT', 'LTE', 'GTE', 'BTW', 'IN', 'IS_NULL', 'IS_NOT_NULL',
  'CONTAINS', 'STARTS_WITH', 'ENDS_WITH', 'INCLUDES', 'EXCLUDES',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Filter value after parsing: dates as epoch milliseconds, numbers as number or bigint. */
export type FilterValue = string | number | bigint | boolean;

export interface Condition {
  alias: string;
  path: FieldPath;
  operator: Operator;
  values: FilterValue[];
}

/** Parses one raw condition; the path is already resolved. Throws ApiError on invalid input. */
export function parseCondition(raw: Record<string, unknown>, path: FieldPath): Condition {
  const alias = raw['alias'];
  if (typeof alias !== 'string' || alias === '') throw invalidRequest(`Condition on ${path.text} has no alias`);

  const operator = typeof raw['operator'] === 'string' ? raw['operator'].toUpperCase() : undefined;
  if (!OPERATORS.includes(operator as Operator)) {
    throw invalidRequest(`Invalid operator ${String(raw['operator'])} on ${path.text}; expected one of ${OPERATORS.join(', ')}`);
  }

  const rawValues = raw['value'] ?? [];
  if (!Array.isArray(rawValues)) throw invalidRequest(`value of condition ${alias} must be an array`);
  const takesNoValue = operator === 'IS_NULL' || operator === 'IS_NOT_NULL';
  const needed = operator === 'BTW' ? 2 : 1;
  if (operator === 'BTW' ? rawValues.length !== 2 : !takesNoValue && rawValues.length < needed) {
    throw invalidRequest(`Condition ${alias} (${operator}) needs ${operator === 'BTW' ? 'exactly 2 values' : 'a value'}`);
  }

  const values = takesNoValue ? [] : rawValues.map((value) => parseFilterValue(path, value));
  return { alias, path, operator: operator as Operator, values };
}

function parseFilterValue(path: FieldPath, value: unknown): FilterValue {
  const { dataType } = path.field;
  if (dataType === 'DATETIME') {
    const instant = parseDateTime(value);
    if (instant === undefined) throw invalidDateTime(path.text, value);
    return instant;
  }
  if (dataType === 'DATE') {
    const day = parseDate(value);
    if (day === undefined) throw invalidDate(path.text, value);
    return day;
  }
  if (NUMBER_TYPES.has(dataType)) {
    if (typeof value === 'number' || typeof value === 'bigint') return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
      const number = Number(value);
      return Number.isSafeInteger(number) || !/^-?\d+$/.test(value.trim()) ? number : BigInt(value.trim());
    }
    throw invalidRequest(`Invalid number value (${path.text}= ${String(value)})`);
  }
  if (dataType === 'BOOLEAN') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    throw invalidRequest(`Invalid Boolean Value: ${String(value)} (${path.text}= ${String(value)})`);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  throw invalidRequest(`Invalid value for ${path.text}: ${JSON.stringify(value)}`);
}

function isUnset(value: Value): boolean {
  return value === null || value === '';
}

/** Orders two non-null values of one field: numbers numerically, other values by code unit. */
export function compareValues(a: Value, b: Value): number {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (typeof a === typeof b) return compareOrdered(a, b);
    // A bigint compares exactly with an integer number, and approximately with a fraction.
    const integral = (x: number | bigint) => typeof x === 'bigint' || Number.isInteger(x);
    if (integral(a) && integral(b)) return compareOrdered(BigInt(a), BigInt(b));
    return Number(a) - Number(b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareOrdered(String(a), String(b));
}

/** Returns -1, 0 or 1 by the `<` order of two values of one type. */
export function compareOrdered<T extends string | number | bigint>(a: T, b: T): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Tests a record value against a condition. */
export function matchesCondition(condition: Condition, value: Value, grain: FilterGrain): boolean {
  const { operator } = condition;
  if (operator === 'IS_NULL') return isUnset(value);
  if (operator === 'IS_NOT_NULL') return !isUnset(value);
  if (isUnset(value)) return false;

  const dateTime = condition.path.field.dataType === 'DATETIME';
  const actual: Value = dateTime ? toGrain(value as number, grain) : value;
  const expected = dateTime ? condition.values.map((v) => toGrain(v as number, grain)) : condition.values;
  const first = expected[0] as FilterValue;

  switch (operator) {
    case 'EQ':
    case 'IN':
      return expected.some((v) => compareValues(actual, v) === 0);
    case 'NE':
      return expected.every((v) => compareValues(actual, v) !== 0);
    case 'LT':
      return compareValues(actual, first) < 0;
    case 'LTE':
      return compareValues(actual, first) <= 0;
    case 'GT':
      return compareValues(actual, first) > 0;
    case 'GTE':
      return compareValues(actual, first) >= 0;
    case 'BTW':
      return compareValues(actual, first) >= 0 && compareValues(actual, expected[1] as FilterValue) <= 0;
    case 'CONTAINS':
      return String(actual).toLowerCase().includes(String(first).toLowerCase());
    case 'STARTS_WITH':
      return String(actual).toLowerCase().startsWith(String(first).toLowerCase());
    case 'ENDS_WITH':
      return String(actual).toLowerCase().endsWith(String(first).toLowerCase());
    case 'INCLUDES':
    case 'EXCLUDES': {
      const items = new Set(String(actual).split(';'));
      const included = expected.some((v) => items.has(String(v)));
      return operator === 'INCLUDES' ? included : !included;
    }
  }
}

/**
 * Returns the half-open range [from, to) of stored DATETIME instants that satisfy a comparison
 * condition, or undefined for operators that are not one range. It agrees with
 * matchesCondition: at second grain, `x GT v` is true for every x from the next whole second on.
 */
export function instantRange(condition: Condition, grain: FilterGrain): [number, number] | undefined {
  const unit = grain === 'second' ? 1000 : 1;
  const values = condition.values.map((v) => toGrain(v as number, grain));
  const first = values[0] as number;
  switch (condition.operator) {
    case 'EQ':
    case 'IN':
      return values.length === 1 ? [first, first + unit] : undefined;
    case 'GT':
      return [first + unit, Infinity];
    case 'GTE':
      return [first, Infinity];
    case 'LT':
      return [-Infinity, first];
    case 'LTE':
      return [-Infinity, first + unit];
    case 'BTW':
      return [first, (values[1] as number) + unit];
    default:
      return undefined;
  }
}
