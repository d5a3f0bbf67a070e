/**
 * The control API under `/__simulator`, for tests: request counts, reset, record changes and
 * the fault schedule. It takes and returns plain JSON, not Gainsight's envelope; errors come
 * back as `{"error": "..."}`.
 */

import type { Dataset } from './data.js';
import { type DateFormat, parseDateTime } from './dates.js';
import type { FaultSchedule } from './faults.js';
import { ControlError, countRows, deleteRecord, findLive, insertRecords, updateRecord } from './mutations.js';
import type { ObjectDefinition } from './objects.js';
import { formatValue } from './query.js';
import type { RateLimiter } from './rate-limit.js';
import type { InternalRecord } from './records.js';
import type { Stats } from './stats.js';

export const CONTROL_PREFIX = '/__simulator';

export interface ControlContext {
  dataset: Dataset;
  stats: Stats;
  faults: FaultSchedule;
  rateLimiter: RateLimiter | undefined;
  dateFormat: DateFormat;
}

export interface ControlResponse {
  status: number;
  body: unknown;
}

/** Handles one control request; `path` is the part after the prefix. */
export function handleControl(
  context: ControlContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): ControlResponse {
  try {
    return route(context, method, path, query, body);
  } catch (error) {
    if (error instanceof ControlError) return { status: error.status, body: { error: error.message } };
    if (error instanceof Error && error.message.startsWith('faults')) return { status: 400, body: { error: error.message } };
    throw error;
  }
}

function route(context: ControlContext, method: string, path: string, query: URLSearchParams, body: unknown): ControlResponse {
  const { dataset } = context;
  const ok = (result: unknown, status = 200): ControlResponse => ({ status, body: result });

  if (path === '/stats') {
    allow(method, ['GET']);
    return ok(context.stats.toJSON());
  }

  if (path === '/reset') {
    allow(method, ['POST']);
    const parts = resetParts(body);
    if (parts.data) dataset.reset();
    if (parts.stats) {
      context.stats.reset();
      context.rateLimiter?.reset();
    }
    if (parts.faults) context.faults.clear();
    return ok({ reset: parts });
  }

  if (path === '/faults') {
    allow(method, ['GET', 'POST', 'DELETE']);
    if (method === 'POST') context.faults.add(objectBody(body)['faults']);
    if (method === 'DELETE') context.faults.clear();
    return ok({ faults: context.faults.list() });
  }

  const match = /^\/objects\/([^/]+)\/(count|records)(?:\/([^/]+))?$/.exec(path);
  if (match === null) throw new ControlError(404, `no control route ${method} ${CONTROL_PREFIX}${path}`);
  const [, objectName = '', resource, gsid] = match;
  const object = dataset.catalog.find(decodeURIComponent(objectName));
  if (object === undefined) throw new ControlError(404, `no object named ${decodeURIComponent(objectName)}`);

  if (resource === 'count' && gsid === undefined) {
    allow(method, ['GET']);
    const from = instantParameter(query, 'from', -Infinity);
    const to = instantParameter(query, 'to', Infinity);
    return ok({ count: countRows(dataset, object, from, to) });
  }

  if (gsid === undefined) {
    allow(method, ['POST']);
    return ok({ gsids: insertRecords(dataset, object, objectBody(body)['records']) }, 201);
  }

  allow(method, ['GET', 'PATCH', 'DELETE']);
  const id = decodeURIComponent(gsid);
  if (method === 'GET') return ok(presentRecord(context, object, findLive(dataset, object, id).record));
  if (method === 'PATCH') return ok(presentRecord(context, object, updateRecord(dataset, object, id, body)));
  deleteRecord(dataset, object, id);
  return ok({ deleted: id });
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) throw new ControlError(405, `method ${method} is not allowed here; use ${methods.join(' or ')}`);
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ControlError(400, 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

function resetParts(body: unknown): { data: boolean; stats: boolean; faults: boolean } {
  if (body === undefined) return { data: true, stats: true, faults: true };
  const parts = objectBody(body);
  const part = (name: string) => {
    const value = parts[name] ?? true;
    if (typeof value !== 'boolean') throw new ControlError(400, `reset.${name} must be true or false`);
    return value;
  };
  return { data: part('data'), stats: part('stats'), faults: part('faults') };
}

function instantParameter(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  if (value === null) return fallback;
  const instant = parseDateTime(value);
  if (instant === undefined) throw new ControlError(400, `${name}=${value} is not a valid date-time; use ISO-8601 such as 2024-01-01T00:00:00Z`);
  return instant;
}

/** Formats a record with every field the tenant has, as the query API would. */
function presentRecord(context: ControlContext, object: ObjectDefinition, record: InternalRecord): Record<string, unknown> {
  const presented: Record<string, unknown> = {};
  for (const field of object.fields) presented[field.name] = formatValue(field, record[field.name] ?? null, context.dateFormat);
  return presented;
}
