import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { condition, query, queryAll, queryRecords, request, startTestSimulator } from './helpers.js';

const DETERMINISM_QUERIES: Array<[string, unknown]> = [
  ['Company', { select: ['Gsid', 'Name', 'Arr', 'ModifiedDate', 'Tags', 'ErpAccountNumber__gc', 'Csm__gr.Name'], limit: 200 }],
  ['activity_timeline', { select: ['Gsid', 'Subject', 'Notes', 'LastModifiedDate'], orderBy: { LastModifiedDate: 'desc', Gsid: 'asc' }, limit: 300 }],
  ['gsuser', { select: ['Gsid', 'Name', 'Email'], orderBy: { Gsid: 'asc' }, limit: 100, offset: 50 }],
];

async function answers(simulator: RunningSimulator): Promise<string[]> {
  const texts = [];
  for (const [objectName, body] of DETERMINISM_QUERIES) texts.push((await query(simulator, objectName, body)).text);
  return texts;
}

describe('simulator data determinism', () => {
  it('serves identical bytes for the same seed', async () => {
    const first = await startTestSimulator({ seed: 7 });
    const second = await startTestSimulator({ seed: 7 });
    try {
      expect(await answers(first)).to.deep.equal(await answers(second));
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('serves different data for another seed', async () => {
    const first = await startTestSimulator({ seed: 7 });
    const second = await startTestSimulator({ seed: 8 });
    try {
      const [a, b] = [await answers(first), await answers(second)];
      for (let i = 0; i < a.length; i++) expect(a[i]).to.not.equal(b[i]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});

describe('simulator data', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startTestSimulator({ scale: 1000 });
  });
  after(() => simulator.stop());

  it('makes Gsids of 36 uppercase alphanumerics', async () => {
    const rows = await queryAll(simulator, 'call_to_action', { select: ['Gsid'] });
    for (const row of rows) expect(row.Gsid).to.match(/^[0-9A-Z]{36}$/);
  });

  it('keeps Gsids unique across objects', async () => {
    const gsids = new Set<string>();
    let total = 0;
    for (const objectName of ['Company', 'gsuser', 'call_to_action', 'cs_task', 'cta_group', 'activity_timeline', 'da_picklist']) {
      const rows = await queryAll(simulator, objectName, { select: ['Gsid'] });
      total += rows.length;
      for (const row of rows) gsids.add(row.Gsid);
    }
    expect(gsids.size).to.equal(total);
  });

  it('keeps Gsid order apart from modified-date order', async () => {
    // The tie burst is left out: inside it, date order is Gsid order by definition.
    const rows = (await queryAll(simulator, 'Company', { select: ['Gsid', 'ModifiedDate'], orderBy: { ModifiedDate: 'asc', Gsid: 'asc' } }))
      .filter((row) => row.ModifiedDate !== '2024-09-12T14:30:00Z');
    const dateRank = new Map(rows.map((row, index) => [row.Gsid, index]));
    const byGsid = rows.map((row) => row.Gsid).sort();
    // Count pairs of neighbours in Gsid order that are also in date order: about half if unrelated.
    let ascending = 0;
    for (let i = 1; i < byGsid.length; i++) if ((dateRank.get(byGsid[i]) as number) > (dateRank.get(byGsid[i - 1]) as number)) ascending++;
    expect(ascending / (byGsid.length - 1)).to.be.within(0.4, 0.6);
  });

  it('points lookups at real rows', async () => {
    const users = new Set((await queryAll(simulator, 'gsuser', { select: ['Gsid'] })).map((row) => row.Gsid));
    const companies = new Set((await queryAll(simulator, 'Company', { select: ['Gsid'] })).map((row) => row.Gsid));
    const ctas = await queryAll(simulator, 'call_to_action', { select: ['CompanyId', 'OwnerId', 'ModifiedById', 'CreatedBy'] });
    for (const cta of ctas) {
      expect(companies.has(cta.CompanyId), 'CompanyId').to.equal(true);
      expect(users.has(cta.OwnerId), 'OwnerId').to.equal(true);
      expect(users.has(cta.ModifiedById), 'ModifiedById').to.equal(true);
    }
  });

  it('points picklist fields at da_picklist rows of the right category', async () => {
    const picklist = await queryAll(simulator, 'da_picklist', { select: ['Gsid', 'Category'] });
    const categoryOf = new Map(picklist.map((row) => [row.Gsid, row.Category]));
    const ctas = await queryAll(simulator, 'call_to_action', { select: ['PriorityId', 'StatusId', 'TypeId'] });
    for (const cta of ctas) {
      expect(categoryOf.get(cta.PriorityId)).to.equal('CTA Priority');
      expect(categoryOf.get(cta.StatusId)).to.equal('CTA Status');
      expect(categoryOf.get(cta.TypeId)).to.equal('CTA Type');
    }
  });

  it('joins multi-select values from da_picklist Gsids', async () => {
    const picklist = new Set((await queryAll(simulator, 'da_picklist', { select: ['Gsid'] })).map((row) => row.Gsid));
    const companies = await queryAll(simulator, 'Company', { select: ['Tags'] });
    const multi = companies.filter((row) => row.Tags !== null && row.Tags.includes(';'));
    expect(multi.length).to.be.greaterThan(0);
    for (const row of companies.filter((company) => company.Tags !== null)) {
      for (const id of row.Tags.split(';')) expect(picklist.has(id)).to.equal(true);
    }
  });

  it('keeps da_picklist small whatever the scale', async () => {
    const count = (await request(simulator, 'GET', '/__simulator/objects/da_picklist/count')).body.count;
    expect(count).to.be.within(50, 300);
  });

  it('writes NUMBER values above 2^53 with every digit', async () => {
    const response = await query(simulator, 'Company', { select: ['ErpAccountNumber__gc'], limit: 1 });
    expect(response.text).to.contain('"ErpAccountNumber__gc":9007199254740993');
  });

  it('filters NUMBER values above 2^53 exactly', async () => {
    const response = await request(
      simulator,
      'POST',
      '/v1/data/objects/query/Company',
      '{"select":["ErpAccountNumber__gc"],"where":{"conditions":[{"name":"ErpAccountNumber__gc","alias":"A","operator":"EQ","value":[9007199254740993]}]}}',
    );
    expect(response.text).to.contain('"records":[{"ErpAccountNumber__gc":9007199254740993}]');
  });

  it('writes currency values with cents', async () => {
    const rows = await queryAll(simulator, 'Company', { select: ['Arr'] });
    expect(rows.some((row) => typeof row.Arr === 'number' && !Number.isInteger(row.Arr))).to.equal(true);
  });

  it('includes non-ASCII text', async () => {
    const rows = await queryAll(simulator, 'Company', { select: ['Name'] });
    const names = rows.map((row) => row.Name).join('\n');
    expect(names).to.match(/[À-ž]/);
    expect(names).to.match(/[\u3040-\u9fff]/);
    expect(names).to.match(/\p{Extended_Pictographic}/u);
  });

  it('includes nulls in nullable fields', async () => {
    const rows = await queryAll(simulator, 'Company', { select: ['Csm', 'Industry'] });
    expect(rows.some((row) => row.Csm === null)).to.equal(true);
    expect(rows.some((row) => row.Industry === null)).to.equal(true);
  });

  it('gives the timeline three times the scale', async () => {
    const count = (await request(simulator, 'GET', '/__simulator/objects/activity_timeline/count')).body.count;
    expect(count).to.equal(3000);
  });

  it('copies the timeline user name from gsuser', async () => {
    const [activity] = await queryRecords(simulator, 'activity_timeline', { select: ['UserName', 'UserId__gr.Name'], limit: 1 });
    expect(activity.UserName).to.equal(activity['UserId__gr.Name']);
  });

  it('has small exact ties', async () => {
    const rows = await queryAll(simulator, 'cta_group', { select: ['ModifiedDate'] });
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.ModifiedDate, (counts.get(row.ModifiedDate) ?? 0) + 1);
    const ties = [...counts.entries()].filter(([instant, count]) => count >= 2 && instant !== '2024-09-12T14:30:00Z');
    expect(ties.length).to.be.at.least(2);
  });
});

describe('simulator tie burst', () => {
  let simulator: RunningSimulator;
  const burst = '2024-09-12T14:30:00Z';

  before(async () => {
    simulator = await startTestSimulator({ scale: 10_000 });
  });
  after(() => simulator.stop());

  it('stamps over 5000 rows with one instant at scale 10000', async () => {
    const rows = await queryAll(simulator, 'Company', {
      select: ['Gsid', 'ModifiedDate'],
      where: { conditions: [condition('ModifiedDate', 'EQ', [burst])] },
      orderBy: { Gsid: 'asc' },
    });
    expect(rows.length).to.be.greaterThan(5000);
    expect(new Set(rows.map((row) => row.ModifiedDate))).to.deep.equal(new Set([burst]));
    expect(new Set(rows.map((row) => row.Gsid)).size).to.equal(rows.length);
  });

  it('counts the burst through the control API', async () => {
    const from = burst;
    const to = '2024-09-12T14:30:00.001Z';
    const counted = await request(simulator, 'GET', `/__simulator/objects/Company/count?from=${from}&to=${to}`);
    expect(counted.body.count).to.equal(5500);
  });

  it('drains the burst by Gsid in pages', async () => {
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await queryRecords(simulator, 'Company', {
        select: ['Gsid'],
        where: {
          conditions: [condition('ModifiedDate', 'EQ', [burst], 'A'), condition('Gsid', 'GT', [after], 'B')],
          expression: 'A AND B',
        },
        orderBy: { Gsid: 'asc' },
        limit: 2000,
      });
      seen.push(...page.map((row) => row.Gsid));
      if (page.length < 2000) break;
      after = page[page.length - 1].Gsid;
    }
    expect(seen).to.have.length(5500);
    expect(seen).to.deep.equal([...seen].sort());
  });
});

describe('simulator scan paths', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startTestSimulator({ scale: 3000 });
    // Changes so the overlay merge is part of every comparison.
    const control = (method: string, path: string, body?: unknown) => request(simulator, method, `/__simulator${path}`, body);
    const firstRows = await queryRecords(simulator, 'Company', { select: ['Gsid'], limit: 20 });
    for (const row of firstRows.slice(0, 5)) await control('PATCH', `/objects/Company/records/${row.Gsid}`, { Name: 'Patched' });
    for (const row of firstRows.slice(5, 10)) await control('DELETE', `/objects/Company/records/${row.Gsid}`);
    await control('POST', '/objects/Company/records', { records: [{ Name: 'One' }, { Name: 'Two' }] });
  });
  after(() => simulator.stop());

  // A false OR term forces the full scan, which must return what the index scan returns.
  const never = condition('Gsid', 'EQ', ['NONE'], 'Z');
  const cases: Array<[string, unknown[], Record<string, string>]> = [
    ['a date range by date and Gsid', [condition('ModifiedDate', 'GTE', ['2024-03-01T00:00:00Z'], 'A'), condition('ModifiedDate', 'LT', ['2025-01-01T00:00:00Z'], 'B')], { ModifiedDate: 'asc', Gsid: 'asc' }],
    ['a date range by date descending', [condition('ModifiedDate', 'GT', ['2023-06-01T00:00:00Z'], 'A'), condition('ModifiedDate', 'LTE', ['2025-06-01T00:00:00Z'], 'B')], { ModifiedDate: 'desc', Gsid: 'desc' }],
    ['the burst by Gsid', [condition('ModifiedDate', 'BTW', ['2024-09-12T14:30:00Z', '2024-09-12T14:30:00Z'], 'A'), condition('Gsid', 'GT', ['1P02C'], 'B')], { Gsid: 'asc' }],
    ['a Gsid range by Gsid descending', [condition('Gsid', 'GTE', ['1P023'], 'A'), condition('Gsid', 'LT', ['1P02F'], 'B')], { Gsid: 'desc' }],
    ['a wide range by Gsid', [condition('ModifiedDate', 'GTE', ['2023-01-01T00:00:00Z'], 'A'), condition('Name', 'CONTAINS', ['a'], 'B')], { Gsid: 'asc' }],
    ['new rows by date', [condition('ModifiedDate', 'GTE', ['2025-12-01T00:00:00Z'], 'A'), condition('ModifiedDate', 'IS_NOT_NULL', [], 'B')], { ModifiedDate: 'asc', Gsid: 'asc' }],
  ];

  for (const [name, conditions, orderBy] of cases) {
    it(`agrees on ${name}`, async () => {
      const aliases = (conditions as Array<{ alias: string }>).map((c) => c.alias);
      const select = ['Gsid', 'ModifiedDate', 'Name'];
      const indexed = await queryAll(simulator, 'Company', { select, where: { conditions }, orderBy });
      const scanned = await queryAll(simulator, 'Company', {
        select,
        where: { conditions: [...conditions, never], expression: `(${aliases.join(' AND ')}) OR Z` },
        orderBy,
      });
      expect(indexed.length).to.be.greaterThan(0);
      expect(indexed).to.deep.equal(scanned);
    });
  }

  it('agrees on offsets inside a tie', async () => {
    const body = (expression: string, conditions: unknown[]) => ({
      select: ['Gsid'],
      where: { conditions, expression },
      orderBy: { ModifiedDate: 'asc', Gsid: 'asc' },
      limit: 700,
      offset: 1000,
    });
    const base = condition('ModifiedDate', 'GTE', ['2024-01-01T00:00:00Z'], 'A');
    const indexed = await queryRecords(simulator, 'Company', body('A', [base]));
    const scanned = await queryRecords(simulator, 'Company', body('A OR Z', [base, never]));
    expect(indexed).to.deep.equal(scanned);
  });
});

describe('simulator scan paths at scale', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startTestSimulator({ scale: 120_000 });
  });
  after(() => simulator.stop());

  it('agrees on a Gsid walk over a wide date range', async () => {
    // Over 100,000 rows in range, so the index scan walks the Gsid order instead of sorting.
    const wide = condition('ModifiedDate', 'GTE', ['2023-02-01T00:00:00Z'], 'A');
    const lower = condition('Gsid', 'GT', ['1P024'], 'B');
    const body = { select: ['Gsid', 'ModifiedDate'], orderBy: { Gsid: 'desc' }, limit: 2000, offset: 100 };
    const indexed = await queryRecords(simulator, 'Company', { ...body, where: { conditions: [wide, lower] } });
    const scanned = await queryRecords(simulator, 'Company', {
      ...body,
      where: { conditions: [wide, lower, condition('Gsid', 'EQ', ['NONE'], 'Z')], expression: '(A AND B) OR Z' },
    });
    expect(indexed).to.have.length(2000);
    expect(indexed).to.deep.equal(scanned);
  });
});
