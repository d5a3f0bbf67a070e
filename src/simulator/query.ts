/**
 * The body of `POST /v1/data/objects/query/{object}`: validation into a query plan, and
 * projection of result records onto the `select` list.
 */

import type { Dataset } from './data.js';
import { type DateFormat, formatDate } from './dates.js';
import { invalidField, invalidRequest } from './errors.js';
import { aliasesOf, parseExpression, type Expression } from './expression.js';
import { type FieldPath, readFieldPath, resolveFieldPath } from './field-paths.js';
import { type Condition, parseCondition } from './filters.js';
import type { FieldDefinition, ObjectDefinition } from './objects.js';
import type { InternalRecord, Value } from './records.js';
import type { QueryPlan } from './scan.js';

/** Records per call when the request gives no `limit`; Gainsight does not document its default. */
export const DEFAULT_LIMIT = 100;
/** Most records one call may request, as Gainsight documents. */
export const MAX_LIMIT = 5000;

export interface ParsedQuery {
  plan: QueryPlan;
  select: FieldPath[];
}

/** Validates a query body against the object; throws ApiError naming the first problem. */
export function parseQuery(dataset: Dataset, object: ObjectDefinition, body: unknown): ParsedQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object with a select list');
  }
  const request = body as Record<string, unknown>;
  const resolve = (text: string) => resolveFieldPath(dataset.catalog, object, text);

  const selectList = request['select'];
  if (!Array.isArray(selectList) || selectList.length === 0 || !selectList.every((item) => typeof item === 'string')) {
    throw invalidRequest('select must be a non-empty array of field names');
  }
  const unknownFields = selectList.filter((text) => resolve(text) === undefined);
  if (unknownFields.length > 0) throw invalidField(unknownFields);
  const select = [...new Set(selectList)].map((text) => resolve(text) as FieldPath);

  const { conditions, expression } = parseWhere(request['where'], resolve);
  const orderBy = parseOrderBy(request['orderBy'], resolve);
  const limit = parseCount(request['limit'], 'limit', DEFAULT_LIMIT);
  if (limit < 1 || limit > MAX_LIMIT) throw invalidRequest(`limit ${limit} is out of range; use 1 to ${MAX_LIMIT}`);
  const offset = parseCount(request['offset'], 'offset', 0);

  return { plan: { store: dataset.store(object.name), conditions, expression, orderBy, limit, offset }, select };
}

function parseWhere(
  where: unknown,
  resolve: (text: string) => FieldPath | undefined,
): { conditions: Condition[]; expression: Expression | undefined } {
  if (where === undefined || where === null) return { conditions: [], expression: undefined };
  if (typeof where !== 'object' || Array.isArray(where)) throw invalidRequest('where must be an object with conditions');
  const { conditions: rawConditions = [], expression: rawExpression } = where as Record<string, unknown>;
  if (!Array.isArray(rawConditions)) throw invalidRequest('where.conditions must be an array');

  const conditions = rawConditions.map((raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) throw invalidRequest('Each where condition must be an object');
    const name = (raw as Record<string, unknown>)['name'];
    if (typeof name !== 'string') throw invalidRequest('Each where condition needs a field name');
    const path = resolve(name);
    if (path === undefined) throw invalidField([name]);
    return parseCondition(raw as Record<string, unknown>, path);
  });

  const aliases = conditions.map((condition) => condition.alias);
  const duplicate = aliases.find((alias, index) => aliases.indexOf(alias) !== index);
  if (duplicate !== undefined) throw invalidRequest(`Condition alias ${duplicate} is used twice`);

  if (rawExpression === undefined || rawExpression === null || rawExpression === '') {
    return { conditions, expression: undefined };
  }
  if (typeof rawExpression !== 'string') throw invalidRequest('where.expression must be a string');
  const expression = parseExpression(rawExpression);
  const referenced = new Set(aliasesOf(expression));
  const unknown = [...referenced].find((alias) => !aliases.includes(alias));
  if (unknown !== undefined) throw invalidRequest(`where.expression names alias ${unknown}, which no condition has`);
  const unused = aliases.find((alias) => !referenced.has(alias));
  if (unused !== undefined) throw invalidRequest(`Condition alias ${unused} is missing from where.expression`);
  return { conditions, expression };
}

function parseOrderBy(
  orderBy: unknown,
  resolve: (text: string) => FieldPath | undefined,
): Array<{ path: FieldPath; descending: boolean }> {
  if (orderBy === undefined || orderBy === null) return [];
  if (typeof orderBy !== 'object' || Array.isArray(orderBy)) throw invalidRequest('orderBy must be an object of field: asc|desc');
  return Object.entries(orderBy).map(([text, direction]) => {
    const path = resolve(text);
    if (path === undefined) throw invalidField([text]);
    const normalised = typeof direction === 'string' ? direction.toLowerCase() : '';
    if (normalised !== 'asc' && normalised !== 'desc') {
      throw invalidRequest(`orderBy direction of ${text} must be asc or desc, not ${String(direction)}`);
    }
    return { path, descending: normalised === 'desc' };
  });
}

function parseCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const count = typeof value === 'bigint' ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw invalidRequest(`${name} must be a non-negative integer, not ${String(value)}`);
  }
  return count;
}

/** Builds a response record with exactly the selected keys, in select order. */
export function projectRecord(
  dataset: Dataset,
  record: InternalRecord,
  select: readonly FieldPath[],
  dateFormat: DateFormat,
): Record<string, unknown> {
  const projected: Record<string, unknown> = {};
  for (const path of select) projected[path.text] = formatValue(path.field, readFieldPath(dataset, record, path), dateFormat);
  return projected;
}

/** Formats a stored value for a response; dates follow the date-format mode, '' stays ''. */
export function formatValue(field: FieldDefinition, value: Value, dateFormat: DateFormat): Value {
  if (typeof value === 'number' && (field.dataType === 'DATE' || field.dataType === 'DATETIME')) {
    return formatDate(value, field.dataType, dateFormat);
  }
  return value;
}
