import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { makeWorkFolder } from './tap-process.js';

/** A running simulator with its control API and a config file that points the tap at it. */
export interface TestTenant {
  simulator: RunningSimulator;
  configPath: string;
  control: SimulatorControl;
  stop(): Promise<void>;
}

/** Data of every simulated object lies after this date, so a sync from it reads everything. */
export const allDataStart = '2000-01-01T00:00:00Z';

/** Starts a simulator and writes a tap config for it; `settings` are added to the config. */
export async function startTestTenant(options: SimulatorOptions = {}, settings: Record<string, unknown> = {}): Promise<TestTenant> {
  const simulator = await startSimulator({ seed: 42, scale: 200, ...options });
  const work = makeWorkFolder();
  const configPath = work.write('config.json', {
    domain: simulator.url,
    credentials: { access_token: simulator.accessKey },
    start_date: allDataStart,
    ...settings,
  });
  return { simulator, configPath, control: new SimulatorControl(simulator), stop: () => simulator.stop() };
}

/**
 * Returns the digits of the integers above 2^53 that the simulator serves in companies'
 * `ErpAccountNumber__gc`, read from the raw query response because `JSON.parse` would round them.
 */
export async function companyNumbersBeyondDoubles(simulator: RunningSimulator): Promise<string[]> {
  const raw = await fetch(`${simulator.url}/v1/data/objects/query/Company`, {
    method: 'POST',
    headers: { accesskey: simulator.accessKey, 'content-type': 'application/json' },
    body: JSON.stringify({ select: ['Gsid', 'ErpAccountNumber__gc'], limit: 1000 }),
  }).then((response) => response.text());
  return [...raw.matchAll(/:(\d{16,})[,}]/g)].map((match) => match[1] as string);
}

/** Calls the simulator's control API over HTTP. */
export class SimulatorControl {
  constructor(private readonly simulator: RunningSimulator) {}

  /** Live rows of an object, optionally only those whose replication field lies in [from, to). */
  async count(objectName: string, range: { from?: string; to?: string } = {}): Promise<number> {
    const query = new URLSearchParams(Object.entries(range).filter(([, value]) => value !== undefined) as Array<[string, string]>);
    const body = (await this.call('GET', `/objects/${objectName}/count${query.size > 0 ? `?${query}` : ''}`)) as { count: number };
    return body.count;
  }

  async update(objectName: string, gsid: string, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.call('PATCH', `/objects/${objectName}/records/${gsid}`, fields)) as Record<string, unknown>;
  }

  async insert(objectName: string, records: Array<Record<string, unknown>>): Promise<string[]> {
    return ((await this.call('POST', `/objects/${objectName}/records`, { records })) as { gsids: string[] }).gsids;
  }

  async remove(objectName: string, gsid: string): Promise<void> {
    await this.call('DELETE', `/objects/${objectName}/records/${gsid}`);
  }

  async stats(): Promise<{ total: number; queries: Record<string, number>; describes: number; rateLimited: number; endpoints: Record<string, number> }> {
    return (await this.call('GET', '/stats')) as never;
  }

  async scheduleFaults(faults: Array<Record<string, unknown>>): Promise<void> {
    await this.call('POST', '/faults', { faults });
  }

  async reset(parts: { data?: boolean; stats?: boolean; faults?: boolean } = {}): Promise<void> {
    await this.call('POST', '/reset', parts);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.simulator.url}/__simulator${path}`, {
      method,
      headers: { accesskey: this.simulator.accessKey, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`simulator control ${method} ${path} failed: HTTP ${response.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }
}
