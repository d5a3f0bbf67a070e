/** Shared helpers for the simulator tests: an in-process simulator and small HTTP clients. */

import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';

export interface JsonResponse {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** Starts a simulator for one test file; small scale unless the test needs more. */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ scale: 200, ...options });
}

export async function request(
  simulator: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { accesskey: simulator.accessKey },
): Promise<JsonResponse> {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** POSTs a query body to `/v1/data/objects/query/{object}`. */
export function query(simulator: RunningSimulator, objectName: string, body: unknown): Promise<JsonResponse> {
  return request(simulator, 'POST', `/v1/data/objects/query/${objectName}`, body);
}

/** Runs a query and returns its records; throws when the response is not a success. */
export async function queryRecords(simulator: RunningSimulator, objectName: string, body: unknown): Promise<any[]> {
  const response = await query(simulator, objectName, body);
  if (response.status !== 200 || response.body?.result !== true) {
    throw new Error(`query ${objectName} failed with HTTP ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return response.body.data.records;
}

/** Reads every row of a query by offset paging. */
export async function queryAll(simulator: RunningSimulator, objectName: string, body: Record<string, unknown>): Promise<any[]> {
  const rows: any[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await queryRecords(simulator, objectName, { ...body, limit: 5000, offset });
    rows.push(...page);
    if (page.length < 5000) return rows;
  }
}

export function condition(name: string, operator: string, value: unknown[], alias = 'A') {
  return { name, alias, operator, value };
}
