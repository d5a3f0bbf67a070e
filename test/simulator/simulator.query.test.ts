import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { condition, query, queryAll, queryRecords, startTestSimulator } from './helpers.js';

describe('simulator query', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startTestSimulator({ scale: 300 });
  });
  after(() => simulator.stop());

  it('returns exactly the selected keys in select order', async () => {
    const records = await queryRecords(simulator, 'Company', { select: ['Name', 'Gsid', 'Arr'], limit: 5 });
    expect(records).to.have.length(5);
    for (const record of records) expect(Object.keys(record)).to.deep.equal(['Name', 'Gsid', 'Arr']);
  });

  it('uses the documented envelope', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
    expect(Object.keys(response.body)).to.deep.equal(['result', 'errorCode', 'errorDesc', 'requestId', 'message', 'data']);
    expect(response.body.result).to.equal(true);
    expect(response.body.requestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it('matches object names case-insensitively', async () => {
    const upper = await queryRecords(simulator, 'COMPANY', { select: ['Gsid'], limit: 3 });
    const lower = await queryRecords(simulator, 'company', { select: ['Gsid'], limit: 3 });
    expect(upper).to.deep.equal(lower);
  });

  it('rejects an unknown field with GSOBJ_1002', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid', 'NoSuchField'] });
    expect(response.status).to.equal(400);
    expect(response.body.errorCode).to.equal('GSOBJ_1002');
    expect(response.body.errorDesc).to.contain('NoSuchField');
  });

  it('rejects field names in the wrong case', async () => {
    const response = await query(simulator, 'Company', { select: ['name'] });
    expect(response.body.errorCode).to.equal('GSOBJ_1002');
  });

  it('rejects an unknown where field with GSOBJ_1002', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], where: { conditions: [condition('Nope', 'EQ', ['x'])] } });
    expect(response.status).to.equal(400);
    expect(response.body.errorCode).to.equal('GSOBJ_1002');
  });

  it('rejects an unknown orderBy field with GSOBJ_1002', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], orderBy: { Nope: 'asc' } });
    expect(response.body.errorCode).to.equal('GSOBJ_1002');
  });

  it('rejects a missing select', async () => {
    const response = await query(simulator, 'Company', { limit: 1 });
    expect(response.status).to.equal(400);
    expect(response.body.result).to.equal(false);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await query(simulator, 'Company', '{"select": [');
    expect(response.status).to.equal(400);
    expect(response.body.errorCode).to.equal('GSOBJ_1008');
  });

  it('rejects a limit over 5000', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 5001 });
    expect(response.status).to.equal(400);
    expect(response.body.errorDesc).to.contain('5001');
  });

  it('accepts a limit of 5000', async () => {
    const response = await query(simulator, 'activity_timeline', { select: ['Gsid'], limit: 5000 });
    expect(response.status).to.equal(200);
  });

  it('defaults the limit to 100', async () => {
    const records = await queryRecords(simulator, 'Company', { select: ['Gsid'] });
    expect(records).to.have.length(100);
  });

  it('rejects a negative offset', async () => {
    const response = await query(simulator, 'Company', { select: ['Gsid'], offset: -1 });
    expect(response.status).to.equal(400);
  });

  it('answers OBJECT_NOT_FOUND for an unknown object', async () => {
    const response = await query(simulator, 'NoSuchObject', { select: ['Gsid'] });
    expect(response.status).to.equal(400);
    expect(response.body.result).to.equal(false);
    expect(response.body.title).to.equal('OBJECT_NOT_FOUND');
  });

  it('pages with limit and offset without gaps or repeats', async () => {
    const body = { select: ['Gsid'], orderBy: { ModifiedDate: 'asc', Gsid: 'asc' } };
    const all = await queryRecords(simulator, 'Company', { ...body, limit: 300 });
    const paged: string[] = [];
    for (let offset = 0; offset < 300; offset += 70) {
      const page = await queryRecords(simulator, 'Company', { ...body, limit: 70, offset });
      paged.push(...page.map((record) => record.Gsid));
    }
    expect(paged).to.deep.equal(all.map((record) => record.Gsid));
    expect(new Set(paged).size).to.equal(300);
  });

  it('returns nothing past the last row', async () => {
    const records = await queryRecords(simulator, 'Company', { select: ['Gsid'], offset: 300 });
    expect(records).to.deep.equal([]);
  });

  it('orders by two keys', async () => {
    const records = await queryAll(simulator, 'Company', {
      select: ['Industry', 'Name', 'Gsid'],
      orderBy: { Industry: 'asc', Name: 'desc' },
    });
    expect(records).to.have.length(300);
    for (let i = 1; i < records.length; i++) {
      const [a, b] = [records[i - 1], records[i]];
      if (a.Industry === null) {
        expect(b.Industry, 'nulls sort last ascending').to.equal(null);
      } else if (b.Industry !== null && a.Industry === b.Industry) {
        expect(a.Name >= b.Name, `${a.Name} before ${b.Name}`).to.equal(true);
      } else if (b.Industry !== null) {
        expect(a.Industry < b.Industry).to.equal(true);
      }
    }
  });

  it('orders by modified date then Gsid descending', async () => {
    const records = await queryAll(simulator, 'Company', {
      select: ['ModifiedDate', 'Gsid'],
      orderBy: { ModifiedDate: 'desc', Gsid: 'desc' },
    });
    for (let i = 1; i < records.length; i++) {
      const a = Date.parse(records[i - 1].ModifiedDate);
      const b = Date.parse(records[i].ModifiedDate);
      expect(a > b || (a === b && records[i - 1].Gsid > records[i].Gsid)).to.equal(true);
    }
  });

  it('orders by Gsid ordinally', async () => {
    const records = await queryAll(simulator, 'cs_task', { select: ['Gsid'], orderBy: { Gsid: 'asc' } });
    const gsids = records.map((record) => record.Gsid);
    expect(gsids).to.deep.equal([...gsids].sort());
  });

  it('resolves __gr lookup paths', async () => {
    const [company] = await queryRecords(simulator, 'Company', {
      select: ['Csm', 'Csm__gr.Email'],
      where: { conditions: [condition('Csm', 'IS_NOT_NULL', [])] },
      limit: 1,
    });
    const [user] = await queryRecords(simulator, 'gsuser', {
      select: ['Email'],
      where: { conditions: [condition('Gsid', 'EQ', [company.Csm])] },
    });
    expect(company['Csm__gr.Email']).to.equal(user.Email);
  });

  it('resolves nested __gr lookup paths', async () => {
    const records = await queryRecords(simulator, 'call_to_action', { select: ['CompanyId__gr.Csm__gr.Name'], limit: 20 });
    expect(records.some((record) => typeof record['CompanyId__gr.Csm__gr.Name'] === 'string')).to.equal(true);
  });

  it('rejects __gr on a field that is not a lookup', async () => {
    const response = await query(simulator, 'Company', { select: ['Name__gr.Email'] });
    expect(response.body.errorCode).to.equal('GSOBJ_1002');
  });

  it('filters and orders on a lookup path', async () => {
    const records = await queryRecords(simulator, 'Company', {
      select: ['Csm__gr.Name'],
      where: { conditions: [condition('Csm__gr.Name', 'IS_NOT_NULL', [])] },
      orderBy: { 'Csm__gr.Name': 'asc' },
      limit: 50,
    });
    const names = records.map((record) => record['Csm__gr.Name']);
    expect(names).to.deep.equal([...names].sort());
  });
});
