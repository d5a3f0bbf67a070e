import { expect } from 'chai';
import { createLogger } from '../../src/logging/logger.js';
import { findStream } from '../../src/streams/definitions.js';
import { runSync, type StreamProgress, type SyncOptions, type SyncOutput } from '../../src/sync/sync-engine.js';
import type { StreamPlan } from '../../src/sync/stream-plan.js';
import { SyncState } from '../../src/sync/sync-state.js';
import { InMemoryObject } from '../helpers/in-memory-object.js';

const picklist = findStream('da_picklist')!;
const schema = { type: 'object', properties: { Gsid: { type: 'string' }, Name: { type: ['null', 'string'] } } };

// A FULL_TABLE plan, so the run ends without waiting for the next second.
const plan: StreamPlan = {
  stream: picklist,
  tenant: { stream: picklist, schema, kinds: new Map([['Gsid', 'string'], ['Name', 'string']]) },
  select: ['Gsid', 'Name'],
  schema,
  mode: 'full_table',
  start: {},
};

const output: SyncOutput = {
  streamStarted: async () => undefined,
  pageRead: async () => undefined,
  checkpoint: async () => undefined,
  streamFinished: async () => undefined,
};

/** Syncs five rows at two a page (three pages) and returns the log lines. */
async function syncFiveRows(options: Partial<SyncOptions>): Promise<string[]> {
  const rows = ['A', 'B', 'C', 'D', 'E'].map((gsid) => ({ Gsid: gsid, Name: `item ${gsid}` }));
  const lines: string[] = [];
  await runSync({
    client: new InMemoryObject(rows, []),
    plans: [plan],
    state: new SyncState(),
    output,
    logger: createLogger({ level: 'info', sink: (_level, text) => lines.push(text), timestamps: false }),
    pageSize: 2,
    endMs: Date.now(),
    stopSignal: new AbortController().signal,
    requestStop: () => undefined,
    ...options,
  });
  return lines;
}

describe('sync: progress', () => {
  it('logs progress lines without a listener', async () => {
    const lines = await syncFiveRows({ progressIntervalMs: 0 });
    expect(lines.filter((line) => line.includes(': progress ')).map((line) => line.replace(/ seconds=\S+$/, ''))).to.deep.equal([
      'INFO  da_picklist: progress records=2 pages=1',
      'INFO  da_picklist: progress records=4 pages=2',
      'INFO  da_picklist: progress records=5 pages=3',
    ]);
  });

  it('logs no progress lines before the interval', async () => {
    const lines = await syncFiveRows({ progressIntervalMs: 60_000 });
    expect(lines.filter((line) => line.includes(': progress '))).to.deep.equal([]);
  });

  it('reports start, each page and the end to a listener', async () => {
    const events: StreamProgress[] = [];
    await syncFiveRows({ onProgress: (progress) => events.push(progress) });
    expect(events.map((event) => `${event.stream} ${event.status} ${event.records}/${event.pages}`)).to.deep.equal([
      'da_picklist running 0/0',
      'da_picklist running 2/1',
      'da_picklist running 4/2',
      'da_picklist running 5/3',
      'da_picklist complete 5/3',
    ]);
  });

  it('leaves progress lines to the listener', async () => {
    const lines = await syncFiveRows({ progressIntervalMs: 0, onProgress: () => undefined });
    expect(lines.filter((line) => line.includes(': progress '))).to.deep.equal([]);
    expect(lines.some((line) => line.includes('da_picklist: sync finished records=5 pages=3'))).to.equal(true);
  });

  it('reports a failed stream', async () => {
    const events: StreamProgress[] = [];
    const failing = new InMemoryObject([], []);
    failing.beforeQuery = () => {
      throw new Error('connection reset');
    };
    await syncFiveRows({ client: failing, onProgress: (progress) => events.push(progress) });
    expect(events.map((event) => event.status)).to.deep.equal(['running', 'failed']);
  });
});
