/**
 * The Gainsight API routes the simulator serves, and the handlers that build their data.
 */

import type { Dataset } from './data.js';
import type { DateFormat, FilterGrain } from './dates.js';
import { describeObject, listObjects } from './describe.js';
import { ApiError, invalidRequest, noEntityMatches, objectNotFound, unknownRoute, writeNotSupported } from './errors.js';
import { parseQuery, projectRecord } from './query.js';
import { executeQuery } from './scan.js';
import type { Stats } from './stats.js';

export type EnvelopeMode = 'records' | 'list';
export type EmptyResultMode = 'records' | 'no-data' | 'gsobj-1011';

export interface RouteContext {
  dataset: Dataset;
  stats: Stats;
  dateFormat: DateFormat;
  envelope: EnvelopeMode;
  emptyResult: EmptyResultMode;
  filterGrain: FilterGrain;
}

/** Result of a handler: the envelope's `data`, or the no-data response for an empty result. */
export type RouteResult = { kind: 'data'; data: unknown } | { kind: 'no-data' };

export interface Route {
  /** The endpoint name counted in the stats, such as `POST /v1/data/objects/query/{object}`. */
  endpoint: string;
  /** Builds the response data; throws ApiError for error responses. */
  handle(context: RouteContext, body: () => unknown): RouteResult;
  /** Counts the call in the query or describe stats; the server calls it once the key is checked. */
  count?(context: RouteContext): void;
}

const QUERY = /^\/v1\/data\/objects\/query\/([^/]+)$/;
const DESCRIBE_ONE = /^\/v1\/meta\/services\/objects\/([^/]+)\/describe$/;

/** Matches a request to a route; unmatched requests get a route that throws the routing error. */
export function matchRoute(method: string, pathname: string): Route {
  const query = QUERY.exec(pathname);
  if (query !== null && method === 'POST') {
    const objectName = decode(query[1]);
    return {
      endpoint: 'POST /v1/data/objects/query/{object}',
      handle: (context, body) => runQuery(context, objectName, body()),
      count: (context) => {
        const object = context.dataset.catalog.find(objectName);
        if (object !== undefined) context.stats.countQuery(object.name);
      },
    };
  }

  if (pathname === '/v1/meta/services/objects/list' && method === 'GET') {
    return { endpoint: 'GET /v1/meta/services/objects/list', handle: (context) => ({ kind: 'data', data: listObjects(context.dataset) }) };
  }

  const describe = DESCRIBE_ONE.exec(pathname);
  if (describe !== null && method === 'GET' && describe[1] !== 'describe') {
    return {
      endpoint: 'GET /v1/meta/services/objects/{object}/describe',
      handle: (context) => describeObjects(context, [decode(describe[1])], true),
      count: countDescribe,
    };
  }

  if (pathname === '/v1/meta/services/objects/describe' && method === 'POST') {
    return {
      endpoint: 'POST /v1/meta/services/objects/describe',
      handle: (context, body) => describeMany(context, body()),
      count: countDescribe,
    };
  }

  if (pathname.startsWith('/v1/data/') && (method === 'PUT' || method === 'PATCH' || method === 'DELETE' || method === 'POST')) {
    return failing(`${method} /v1/data (write)`, writeNotSupported(method, pathname));
  }
  return failing(`${method} (unknown route)`, unknownRoute(method, pathname));
}

function countDescribe(context: RouteContext): void {
  context.stats.describes++;
}

function failing(endpoint: string, error: ApiError): Route {
  return {
    endpoint,
    handle: () => {
      throw error;
    },
  };
}

function decode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}

function runQuery(context: RouteContext, objectName: string, body: unknown): RouteResult {
  const object = context.dataset.catalog.find(objectName);
  if (object === undefined) throw objectNotFound(objectName);

  const { plan, select } = parseQuery(context.dataset, object, body);
  const records = executeQuery(context.dataset, plan, context.filterGrain).map((record) =>
    projectRecord(context.dataset, record, select, context.dateFormat),
  );

  // Gainsight returns an empty result in one of three documented forms, and the mode picks one.
  if (records.length === 0 && context.emptyResult === 'no-data') return { kind: 'no-data' };
  if (records.length === 0 && context.emptyResult === 'gsobj-1011') throw noEntityMatches();
  return { kind: 'data', data: context.envelope === 'list' ? records : { records } };
}

function describeMany(context: RouteContext, body: unknown): RouteResult {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const names = request['objectNames'];
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string')) {
    throw invalidRequest('objectNames must be a non-empty array of object names');
  }
  // Gainsight documents these flags as strings ("true"); a boolean true is accepted as well.
  const options = request['populatePickListOptions'];
  return describeObjects(context, names, options === 'true' || options === true);
}

function describeObjects(context: RouteContext, names: string[], withOptions: boolean): RouteResult {
  const objects = names.map((name) => {
    const object = context.dataset.catalog.find(name);
    if (object === undefined) throw objectNotFound(name);
    return object;
  });
  return { kind: 'data', data: objects.map((object) => describeObject(context.dataset, object, withOptions)) };
}
