import { expect } from 'chai';
import { findStream } from '../../src/streams/definitions.js';
import type { IncrementalPosition } from '../../src/sync/bookmark.js';
import { readIncremental, type IncrementalPage } from '../../src/sync/incremental-pager.js';
import { InMemoryObject } from '../helpers/in-memory-object.js';

const companies = findStream('companies')!;
const end = Date.parse('2030-01-01T00:00:00Z');

function row(gsid: string, modified: string): Record<string, unknown> {
  return { Gsid: gsid, ModifiedDate: modified };
}

async function readAll(object: InMemoryObject, pageSize: number, start: IncrementalPosition = { fromMs: 0 }, endMs = end) {
  const pages: IncrementalPage[] = [];
  const context = { client: object, stream: companies, select: ['Gsid', 'ModifiedDate'], pageSize };
  for await (const page of readIncremental(context, start, endMs)) pages.push(page);
  return { pages, gsids: pages.flatMap((page) => page.records.map((record) => record.Gsid as string)) };
}

// A deterministic generator, so a failing case can be reproduced from its number.
function* random(seed: number): Generator<number> {
  let state = seed >>> 0;
  for (;;) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    yield ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

describe('sync: incremental pager requests', () => {
  it('scans with two AND terms ordered by key then Gsid', async () => {
    const object = new InMemoryObject([row('A', '2024-01-01T00:00:00.000Z')], ['ModifiedDate']);
    await readAll(object, 10, { fromMs: Date.parse('2024-01-01T00:00:00Z') }, Date.parse('2024-02-01T00:00:00Z'));

    expect(object.requests[0]).to.deep.equal({
      select: ['Gsid', 'ModifiedDate'],
      where: {
        conditions: [
          { name: 'ModifiedDate', alias: 'A', operator: 'GTE', value: ['2024-01-01T00:00:00Z'] },
          { name: 'ModifiedDate', alias: 'B', operator: 'LT', value: ['2024-02-01T00:00:00Z'] },
        ],
        expression: 'A AND B',
      },
      orderBy: { ModifiedDate: 'asc', Gsid: 'asc' },
      limit: 10,
      offset: 0,
    });
  });

  it('drains a full one-second page by Gsid', async () => {
    const rows = ['E', 'D', 'C', 'B', 'A'].map((gsid) => row(gsid, '2024-01-01T00:00:07.000Z'));
    const object = new InMemoryObject(rows, ['ModifiedDate']);
    await readAll(object, 2, { fromMs: Date.parse('2024-01-01T00:00:07Z') });

    const drain = object.requests[1];
    expect(drain?.orderBy).to.deep.equal({ Gsid: 'asc' });
    expect(drain?.where?.conditions.map((condition) => [condition.operator, condition.value[0]])).to.deep.equal([
      ['GTE', '2024-01-01T00:00:07Z'],
      ['LT', '2024-01-01T00:00:08Z'],
    ]);
    expect(object.requests[2]?.where?.expression).to.equal('A AND B AND C');
    expect(object.requests[2]?.where?.conditions[2]).to.deep.equal({ name: 'Gsid', alias: 'C', operator: 'GT', value: ['B'] });
  });

  it('makes no request when the bookmark is at the end', async () => {
    const object = new InMemoryObject([], ['ModifiedDate']);
    const { pages } = await readAll(object, 5, { fromMs: end }, end);
    expect(pages).to.have.length(0);
    expect(object.requests).to.have.length(0);
  });

  it('ends a short first page at the window end', async () => {
    const object = new InMemoryObject([row('A', '2024-01-01T00:00:00.000Z')], ['ModifiedDate']);
    const { pages } = await readAll(object, 5);
    expect(pages.map((page) => page.position)).to.deep.equal([{ fromMs: end }]);
  });
});

describe('sync: incremental pager rows', () => {
  it('emits a tie group larger than a page once', async () => {
    const rows = Array.from({ length: 23 }, (_, index) => row(`T${String(100 - index)}`, '2024-05-05T05:05:05.505Z'));
    rows.push(row('B1', '2024-05-05T05:05:04.000Z'), row('A9', '2024-05-05T05:05:06.000Z'));
    const { gsids } = await readAll(new InMemoryObject(rows, ['ModifiedDate']), 5);

    expect(gsids).to.have.length(25);
    expect(new Set(gsids).size).to.equal(25);
  });

  it('keeps rows that differ only in milliseconds', async () => {
    // Gsid order is the reverse of millisecond order within the second.
    const rows = Array.from({ length: 9 }, (_, index) => row(`G${9 - index}`, `2024-05-05T05:05:05.${String(100 + index)}Z`));
    const { gsids } = await readAll(new InMemoryObject(rows, ['ModifiedDate']), 4);
    expect([...gsids].sort()).to.deep.equal(rows.map((entry) => entry.Gsid).sort());
  });

  it('leaves rows at or after the end for the next run', async () => {
    const rows = [row('A', '2024-01-01T00:00:00.000Z'), row('B', '2024-01-01T00:00:09.999Z'), row('C', '2024-01-01T00:00:10.000Z')];
    const { gsids } = await readAll(new InMemoryObject(rows, ['ModifiedDate']), 5, { fromMs: 0 }, Date.parse('2024-01-01T00:00:10Z'));
    expect(gsids).to.deep.equal(['A', 'B']);
  });

  it('resumes a drained tie group after its last Gsid', async () => {
    const rows = ['A', 'B', 'C', 'D'].map((gsid) => row(gsid, '2024-01-01T00:00:01.000Z'));
    rows.push(row('E', '2024-01-01T00:00:02.000Z'));
    const start = { fromMs: Date.parse('2024-01-01T00:00:01Z'), lastGsid: 'B' };
    const { gsids } = await readAll(new InMemoryObject(rows, ['ModifiedDate']), 5, start);
    expect(gsids).to.deep.equal(['C', 'D', 'E']);
  });

  it('keeps unchanged rows when another row moves mid-sync', async () => {
    const rows = Array.from({ length: 20 }, (_, index) => row(`R${String(index).padStart(2, '0')}`, `2024-01-01T00:00:${String(index).padStart(2, '0')}.000Z`));
    const object = new InMemoryObject(rows, ['ModifiedDate']);
    // After the first page, a row already read and a row not yet read both change.
    object.beforeQuery = (index) => {
      if (index !== 1) return;
      (object.rows[2] as Record<string, unknown>).ModifiedDate = '2031-01-01T00:00:00.000Z';
      (object.rows[15] as Record<string, unknown>).ModifiedDate = '2031-01-01T00:00:00.000Z';
    };
    const { gsids } = await readAll(object, 5);

    const unchanged = rows.map((entry) => entry.Gsid as string).filter((gsid) => gsid !== 'R15');
    expect(gsids.filter((gsid) => gsid !== 'R15')).to.deep.equal(unchanged);
  });

  for (const grain of ['millisecond', 'second'] as const) {
    it(`emits every row once on random data (${grain} filters)`, async () => {
      for (let seed = 1; seed <= 40; seed += 1) {
        const next = random(seed);
        const rows: Array<Record<string, unknown>> = [];
        let time = Date.parse('2024-01-01T00:00:00Z');
        const count = 20 + Math.floor((next.next().value as number) * 200);
        for (let index = 0; index < count; index += 1) {
          const roll = next.next().value as number;
          // Exact ties, millisecond steps within a second, and jumps of seconds, mixed.
          if (roll > 0.6) time += roll > 0.9 ? 1000 * Math.ceil(roll * 5) : Math.ceil(roll * 7);
          rows.push(row(`G${Math.floor((next.next().value as number) * 1e9).toString(36).padStart(6, '0')}${index}`, new Date(time).toISOString()));
        }
        const pageSize = 1 + Math.floor((next.next().value as number) * 12);
        const { gsids } = await readAll(new InMemoryObject(rows, ['ModifiedDate'], grain), pageSize);

        expect(gsids.length, `seed ${seed}: rows emitted`).to.equal(rows.length);
        expect(new Set(gsids).size, `seed ${seed}: distinct rows`).to.equal(rows.length);
      }
    });
  }

  it('resumes from any page position without losing rows', async () => {
    for (let seed = 100; seed <= 130; seed += 1) {
      const next = random(seed);
      const rows: Array<Record<string, unknown>> = [];
      let time = Date.parse('2024-01-01T00:00:00Z');
      for (let index = 0; index < 60; index += 1) {
        const roll = next.next().value as number;
        if (roll > 0.5) time += roll > 0.85 ? 1000 : Math.ceil(roll * 3);
        rows.push(row(`G${Math.floor((next.next().value as number) * 1e9).toString(36)}${index}`, new Date(time).toISOString()));
      }
      const object = new InMemoryObject(rows, ['ModifiedDate']);
      const full = await readAll(object, 4);

      for (let stop = 1; stop < full.pages.length; stop += 1) {
        const before = full.pages.slice(0, stop).flatMap((page) => page.records.map((record) => record.Gsid));
        const resumed = await readAll(object, 4, (full.pages[stop - 1] as IncrementalPage).position);
        const union = new Set([...before, ...resumed.gsids]);
        expect(union.size, `seed ${seed}, stopped after page ${stop}`).to.equal(rows.length);
      }
    }
  });
});
