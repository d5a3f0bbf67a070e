import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { condition, query, queryAll, queryRecords, startTestSimulator } from './helpers.js';

/** Finds a group of rows inside one second whose instants differ only in milliseconds. */
function millisecondGroup(records: any[]): any[] {
  const bySecond = new Map<number, any[]>();
  for (const record of records) {
    const instant = Date.parse(record.ModifiedDate);
    const second = instant - (instant % 1000);
    bySecond.set(second, [...(bySecond.get(second) ?? []), record]);
  }
  const group = [...bySecond.values()].find(
    (rows) => rows.length >= 3 && new Set(rows.map((row) => Date.parse(row.ModifiedDate))).size === rows.length,
  );
  if (group === undefined) throw new Error('no millisecond group in the data');
  return group;
}

describe('simulator dates', () => {
  let simulator: RunningSimulator;
  let companies: any[];

  before(async () => {
    simulator = await startTestSimulator({ scale: 2000 });
    companies = await queryAll(simulator, 'Company', { select: ['Gsid', 'ModifiedDate', 'CreatedDate', 'RenewalDate'] });
  });
  after(() => simulator.stop());

  it('writes ISO DateTimes with milliseconds', () => {
    expect(companies.some((record) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(record.ModifiedDate))).to.equal(true);
  });

  it('writes whole-second ISO DateTimes without milliseconds', () => {
    expect(companies.some((record) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(record.ModifiedDate))).to.equal(true);
  });

  it('writes ISO DATE values as yyyy-MM-dd', () => {
    const dates = companies.map((record) => record.RenewalDate).filter((value) => typeof value === 'string' && value !== '');
    expect(dates.length).to.be.greaterThan(0);
    for (const date of dates) expect(date).to.match(/^\d{4}-\d\d-\d\d$/);
  });

  it('keeps dates inside the generated window', () => {
    for (const record of companies) {
      expect(Date.parse(record.ModifiedDate)).to.be.at.least(Date.parse('2023-01-01T00:00:00Z'));
      expect(Date.parse(record.ModifiedDate)).to.be.below(Date.parse('2026-01-01T00:00:00Z'));
    }
  });

  it('never creates a row after its last change', () => {
    for (const record of companies) expect(Date.parse(record.CreatedDate)).to.be.at.most(Date.parse(record.ModifiedDate));
  });

  const formats: Array<[string, (instant: number) => unknown]> = [
    ['ISO with Z', (instant) => new Date(instant).toISOString()],
    ['ISO with an offset', (instant) => new Date(instant + 2 * 3_600_000).toISOString().replace('Z', '+02:00')],
    ['epoch milliseconds', (instant) => instant],
    ['yyyy-MM-dd HH:mm:ss as UTC', (instant) => new Date(instant).toISOString().slice(0, 19).replace('T', ' ')],
  ];
  for (const [name, format] of formats) {
    it(`accepts DateTime filter values as ${name}`, async () => {
      const pivot = Date.parse(companies[1000].ModifiedDate);
      const second = pivot - (pivot % 1000);
      const expected = companies.filter((record) => Date.parse(record.ModifiedDate) >= second).length;
      const found = await queryAll(simulator, 'Company', {
        select: ['Gsid'],
        where: { conditions: [condition('ModifiedDate', 'GTE', [format(second)])] },
      });
      expect(found).to.have.length(expected);
    });
  }

  it('rejects an invalid DateTime value with GSOBJ_1005', async () => {
    const response = await query(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'GTE', ['yesterday'])] },
    });
    expect(response.status).to.equal(400);
    expect(response.body.errorCode).to.equal('GSOBJ_1005');
  });

  it('rejects an impossible calendar day with GSOBJ_1005', async () => {
    const response = await query(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'GTE', ['2024-02-30T00:00:00Z'])] },
    });
    expect(response.body.errorCode).to.equal('GSOBJ_1005');
  });

  it('rejects an invalid Date value with GSOBJ_1006', async () => {
    const response = await query(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('RenewalDate', 'LT', ['31/12/2024'])] },
    });
    expect(response.status).to.equal(400);
    expect(response.body.errorCode).to.equal('GSOBJ_1006');
  });

  it('accepts Date filter values as MM-dd-yyyy', async () => {
    const iso = await queryAll(simulator, 'Company', { select: ['Gsid'], where: { conditions: [condition('RenewalDate', 'LT', ['2025-03-22'])] } });
    const us = await queryAll(simulator, 'Company', { select: ['Gsid'], where: { conditions: [condition('RenewalDate', 'LT', ['03-22-2025'])] } });
    expect(us).to.deep.equal(iso);
    expect(iso.length).to.be.greaterThan(0);
  });

  it('compares DateTimes to the millisecond by default', async () => {
    const group = millisecondGroup(companies);
    const later = group[1];
    const found = await queryRecords(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'EQ', [later.ModifiedDate])] },
    });
    expect(found.map((record) => record.Gsid)).to.deep.equal([later.Gsid]);
  });

  it('puts some millisecond groups out of Gsid order', () => {
    const bySecond = new Map<number, any[]>();
    for (const record of companies) {
      const instant = Date.parse(record.ModifiedDate);
      bySecond.set(instant - (instant % 1000), [...(bySecond.get(instant - (instant % 1000)) ?? []), record]);
    }
    const groups = [...bySecond.values()].filter((rows) => new Set(rows.map((row) => row.ModifiedDate)).size >= 3);
    const shuffled = groups.filter((rows) => {
      const gsids = rows.map((row) => row.Gsid);
      return gsids.join() !== [...gsids].sort().join();
    });
    expect(groups.length, 'millisecond groups').to.be.at.least(3);
    expect(shuffled.length, 'groups whose Gsid order differs from their time order').to.be.at.least(1);
  });
});

describe('simulator dates in second grain', () => {
  let simulator: RunningSimulator;
  let companies: any[];

  before(async () => {
    simulator = await startTestSimulator({ scale: 2000, filterGrain: 'second' });
    companies = await queryAll(simulator, 'Company', { select: ['Gsid', 'ModifiedDate'] });
  });
  after(() => simulator.stop());

  it('matches a whole second with EQ', async () => {
    const group = millisecondGroup(companies);
    const found = await queryRecords(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'EQ', [group[1].ModifiedDate])] },
    });
    expect(found.map((record) => record.Gsid).sort()).to.deep.equal(group.map((row) => row.Gsid).sort());
  });

  it('excludes the whole second with GT', async () => {
    const group = millisecondGroup(companies);
    const found = await queryAll(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'GT', [group[0].ModifiedDate])] },
    });
    const gsids = new Set(found.map((record) => record.Gsid));
    for (const row of group) expect(gsids.has(row.Gsid), row.ModifiedDate).to.equal(false);
  });

  it('keeps milliseconds when ordering', async () => {
    const group = millisecondGroup(companies);
    const instants = group.map((row) => Date.parse(row.ModifiedDate));
    expect(instants).to.deep.equal([...instants].sort((a, b) => a - b));
  });
});

describe('simulator epoch dates', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startTestSimulator({ dateFormat: 'epoch' });
  });
  after(() => simulator.stop());

  it('writes DateTimes as epoch milliseconds', async () => {
    const records = await queryRecords(simulator, 'Company', { select: ['ModifiedDate', 'CreatedDate'], limit: 20 });
    for (const record of records) expect(record.ModifiedDate).to.be.a('number');
  });

  it('writes DATE values as epoch milliseconds of midnight', async () => {
    const records = await queryAll(simulator, 'Company', { select: ['RenewalDate'] });
    const days = records.map((record) => record.RenewalDate).filter((value) => typeof value === 'number');
    expect(days.length).to.be.greaterThan(0);
    for (const day of days) expect(day % 86_400_000).to.equal(0);
  });

  it('keeps unset dates as empty strings', async () => {
    const records = await queryAll(simulator, 'Company', { select: ['RenewalDate'] });
    expect(records.some((record) => record.RenewalDate === '')).to.equal(true);
  });
});
