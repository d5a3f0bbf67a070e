import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { condition, query, queryAll, startTestSimulator } from './helpers.js';

describe('simulator operators', () => {
  let simulator: RunningSimulator;
  let companies: any[];

  const select = ['Gsid', 'Name', 'Employees', 'Industry', 'Tags', 'ChurnRisk__gc', 'ModifiedDate', 'RenewalDate'];
  const filter = (conditions: unknown[], expression?: string) =>
    queryAll(simulator, 'Company', { select, where: { conditions, ...(expression === undefined ? {} : { expression }) } });
  const gsids = (records: any[]) => records.map((record) => record.Gsid).sort();

  before(async () => {
    simulator = await startTestSimulator({ scale: 400 });
    companies = await queryAll(simulator, 'Company', { select });
  });
  after(() => simulator.stop());

  // 138098 is the Employees value of Company row 0 at seed 42, so EQ and NE have rows to match.
  const employeeCases: Array<[string, unknown[], (n: number) => boolean]> = [
    ['EQ', [138098], (n) => n === 138098],
    ['NE', [138098], (n) => n !== 138098],
    ['LT', [50000], (n) => n < 50000],
    ['GT', [50000], (n) => n > 50000],
    ['LTE', [50000], (n) => n <= 50000],
    ['GTE', [50000], (n) => n >= 50000],
    ['BTW', [10000, 90000], (n) => n >= 10000 && n <= 90000],
  ];
  for (const [operator, value, predicate] of employeeCases) {
    it(`filters NUMBER with ${operator}`, async () => {
      const expected = companies.filter((record) => record.Employees !== null && predicate(record.Employees));
      expect(expected.length, 'rows that should match').to.be.greaterThan(0);
      expect(gsids(await filter([condition('Employees', operator, value)]))).to.deep.equal(gsids(expected));
    });
  }

  it('includes both ends with BTW', async () => {
    const [low, high] = [companies[3].Employees, companies[7].Employees].sort((a, b) => a - b);
    const found = await filter([condition('Employees', 'BTW', [low, high])]);
    const values = found.map((record) => record.Employees);
    expect(values).to.include(low);
    expect(values).to.include(high);
  });

  it('filters with IN', async () => {
    const expected = [companies[0].Gsid, companies[5].Gsid, companies[9].Gsid];
    expect(gsids(await filter([condition('Gsid', 'IN', expected)]))).to.deep.equal([...expected].sort());
  });

  it('filters with IS_NULL', async () => {
    const expected = companies.filter((record) => record.Industry === null);
    expect(expected.length).to.be.greaterThan(0);
    expect(gsids(await filter([condition('Industry', 'IS_NULL', [])]))).to.deep.equal(gsids(expected));
  });

  it('treats an empty date as null', async () => {
    const expected = companies.filter((record) => record.RenewalDate === null || record.RenewalDate === '');
    expect(companies.some((record) => record.RenewalDate === '')).to.equal(true);
    expect(gsids(await filter([condition('RenewalDate', 'IS_NULL', [])]))).to.deep.equal(gsids(expected));
  });

  it('filters with IS_NOT_NULL', async () => {
    const expected = companies.filter((record) => record.Industry !== null);
    expect(gsids(await filter([condition('Industry', 'IS_NOT_NULL', [])]))).to.deep.equal(gsids(expected));
  });

  it('filters with CONTAINS ignoring case', async () => {
    const expected = companies.filter((record) => record.Name.toLowerCase().includes('acme'));
    expect(expected.length).to.be.greaterThan(0);
    expect(gsids(await filter([condition('Name', 'CONTAINS', ['ACME'])]))).to.deep.equal(gsids(expected));
  });

  it('filters with STARTS_WITH', async () => {
    const expected = companies.filter((record) => record.Name.startsWith('Café'));
    expect(expected.length).to.be.greaterThan(0);
    expect(gsids(await filter([condition('Name', 'STARTS_WITH', ['Café'])]))).to.deep.equal(gsids(expected));
  });

  it('filters with ENDS_WITH', async () => {
    const expected = companies.filter((record) => record.Name.endsWith('GmbH'));
    expect(gsids(await filter([condition('Name', 'ENDS_WITH', ['GmbH'])]))).to.deep.equal(gsids(expected));
  });

  it('filters multi-select values with INCLUDES', async () => {
    const tag = companies.find((record) => record.Tags !== null).Tags.split(';')[0];
    const expected = companies.filter((record) => record.Tags !== null && record.Tags.split(';').includes(tag));
    expect(gsids(await filter([condition('Tags', 'INCLUDES', [tag])]))).to.deep.equal(gsids(expected));
  });

  it('filters multi-select values with EXCLUDES', async () => {
    const tag = companies.find((record) => record.Tags !== null).Tags.split(';')[0];
    const expected = companies.filter((record) => record.Tags !== null && !record.Tags.split(';').includes(tag));
    expect(gsids(await filter([condition('Tags', 'EXCLUDES', [tag])]))).to.deep.equal(gsids(expected));
  });

  it('filters BOOLEAN with EQ', async () => {
    const expected = companies.filter((record) => record.ChurnRisk__gc === true);
    expect(gsids(await filter([condition('ChurnRisk__gc', 'EQ', [true])]))).to.deep.equal(gsids(expected));
  });

  it('compares Gsids ordinally with GT', async () => {
    const pivot = companies[17].Gsid;
    const expected = companies.filter((record) => record.Gsid > pivot);
    expect(gsids(await filter([condition('Gsid', 'GT', [pivot])]))).to.deep.equal(gsids(expected));
  });

  it('compares a malformed Gsid bound ordinally', async () => {
    const expected = companies.filter((record) => record.Gsid >= '1P025');
    expect(gsids(await filter([condition('Gsid', 'GTE', ['1P025'])]))).to.deep.equal(gsids(expected));
  });

  it('ANDs conditions without an expression', async () => {
    const expected = companies.filter((record) => record.Employees !== null && record.Employees > 50000 && record.Industry !== null);
    const found = await filter([condition('Employees', 'GT', [50000], 'A'), condition('Industry', 'IS_NOT_NULL', [], 'B')]);
    expect(gsids(found)).to.deep.equal(gsids(expected));
  });

  it('joins conditions with OR', async () => {
    const expected = companies.filter((record) => (record.Employees ?? 0) > 150000 || record.Industry === null);
    const found = await filter([condition('Employees', 'GT', [150000], 'A'), condition('Industry', 'IS_NULL', [], 'B')], 'A OR B');
    expect(gsids(found)).to.deep.equal(gsids(expected));
  });

  it('evaluates three terms with parentheses', async () => {
    const expected = companies.filter(
      (record) => ((record.Employees ?? 0) > 150000 || record.Industry === null) && record.ChurnRisk__gc === true,
    );
    const found = await filter(
      [condition('Employees', 'GT', [150000], 'A'), condition('Industry', 'IS_NULL', [], 'B'), condition('ChurnRisk__gc', 'EQ', [true], 'C')],
      '(A OR B) AND C',
    );
    expect(gsids(found)).to.deep.equal(gsids(expected));
  });

  it('binds AND tighter than OR', async () => {
    const expected = companies.filter(
      (record) => (record.Employees ?? 0) > 150000 || (record.Industry === null && record.ChurnRisk__gc === true),
    );
    const found = await filter(
      [condition('Employees', 'GT', [150000], 'A'), condition('Industry', 'IS_NULL', [], 'B'), condition('ChurnRisk__gc', 'EQ', [true], 'C')],
      'A or B and C',
    );
    expect(gsids(found)).to.deep.equal(gsids(expected));
  });

  it('rejects an unknown operator', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], where: { conditions: [condition('Name', 'LIKE', ['x'])] } });
    expect(response.status).to.equal(400);
    expect(response.body.errorDesc).to.contain('LIKE');
  });

  it('rejects BTW with one value', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], where: { conditions: [condition('Employees', 'BTW', [1])] } });
    expect(response.status).to.equal(400);
  });

  it('rejects an expression naming an unknown alias', async () => {
    const response = await query(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('Employees', 'GT', [1])], expression: 'A AND Z' },
    });
    expect(response.status).to.equal(400);
    expect(response.body.errorDesc).to.contain('Z');
  });

  it('rejects an unbalanced expression', async () => {
    const response = await query(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('Employees', 'GT', [1])], expression: '(A' },
    });
    expect(response.status).to.equal(400);
  });
});
