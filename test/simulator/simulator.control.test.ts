import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { condition, query, queryAll, queryRecords, request, startTestSimulator } from './helpers.js';

describe('simulator control', () => {
  let simulator: RunningSimulator;

  const control = (method: string, path: string, body?: unknown) => request(simulator, method, `/__simulator${path}`, body);
  const newest = (objectName: string, field = 'ModifiedDate') =>
    queryRecords(simulator, objectName, { select: ['Gsid', 'Name', field], orderBy: { [field]: 'desc' }, limit: 1 });

  before(async () => {
    simulator = await startTestSimulator({ scale: 500 });
  });
  beforeEach(() => control('POST', '/reset'));
  after(() => simulator.stop());

  it('requires the access key', async () => {
    const response = await request(simulator, 'GET', '/__simulator/stats', undefined, {});
    expect(response.status).to.equal(401);
  });

  it('counts requests per endpoint', async () => {
    await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
    await query(simulator, 'company', { select: ['Gsid'], limit: 1 });
    await request(simulator, 'GET', '/v1/meta/services/objects/gsuser/describe');
    const stats = (await control('GET', '/stats')).body;
    expect(stats.total).to.equal(3);
    expect(stats.endpoints['POST /v1/data/objects/query/{object}']).to.equal(2);
    expect(stats.endpoints['GET /v1/meta/services/objects/{object}/describe']).to.equal(1);
    expect(stats.queries).to.deep.equal({ Company: 2 });
    expect(stats.describes).to.equal(1);
    expect(stats.rateLimited).to.equal(0);
  });

  it('does not count control calls', async () => {
    await control('GET', '/stats');
    expect((await control('GET', '/stats')).body.total).to.equal(0);
  });

  it('resets only the stats when asked', async () => {
    const [gsid] = (await control('POST', '/objects/Company/records', { records: [{ Name: 'Kept' }] })).body.gsids;
    await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
    await control('POST', '/reset', { stats: true, data: false, faults: false });
    expect((await control('GET', '/stats')).body.total).to.equal(0);
    expect((await control('GET', `/objects/Company/records/${gsid}`)).status).to.equal(200);
  });

  it('counts live rows', async () => {
    expect((await control('GET', '/objects/Company/count')).body).to.deep.equal({ count: 500 });
    expect((await control('GET', '/objects/activity_timeline/count')).body.count).to.equal(1500);
  });

  it('counts rows in a modified-date range', async () => {
    const from = '2024-01-01T00:00:00Z';
    const to = '2024-07-01T00:00:00Z';
    const rows = await queryAll(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'GTE', [from], 'A'), condition('ModifiedDate', 'LT', [to], 'B')] },
    });
    const counted = await control('GET', `/objects/Company/count?from=${from}&to=${to}`);
    expect(counted.body.count).to.equal(rows.length);
  });

  it('inserts records that later queries return', async () => {
    const inserted = await control('POST', '/objects/Company/records', { records: [{ Name: 'Nouvelle Société', Employees: 12 }] });
    expect(inserted.status).to.equal(201);
    const [gsid] = inserted.body.gsids;
    expect(gsid).to.match(/^[0-9A-Z]{36}$/);
    const [record] = await newest('Company');
    expect(record.Gsid).to.equal(gsid);
    expect(record.Name).to.equal('Nouvelle Société');
    expect((await control('GET', '/objects/Company/count')).body.count).to.equal(501);
  });

  it('stamps inserts after every generated row', async () => {
    const [gsid] = (await control('POST', '/objects/Company/records', { records: [{ Name: 'Late' }] })).body.gsids;
    const record = (await control('GET', `/objects/Company/records/${gsid}`)).body;
    expect(Date.parse(record.ModifiedDate)).to.be.at.least(Date.parse('2026-01-01T00:00:00Z'));
    expect(record.CreatedDate).to.equal(record.ModifiedDate);
  });

  it('updates a record and its modified date', async () => {
    const [oldest] = await queryRecords(simulator, 'Company', { select: ['Gsid', 'ModifiedDate'], orderBy: { ModifiedDate: 'asc' }, limit: 1 });
    const updated = await control('PATCH', `/objects/Company/records/${oldest.Gsid}`, { Name: 'Renamed GmbH' });
    expect(updated.body.Name).to.equal('Renamed GmbH');
    const [record] = await newest('Company');
    expect(record.Gsid).to.equal(oldest.Gsid);
    expect(Date.parse(record.ModifiedDate)).to.be.greaterThan(Date.parse(oldest.ModifiedDate));
  });

  it('moves an updated row within a modified-date range query', async () => {
    const [oldest] = await queryRecords(simulator, 'Company', { select: ['Gsid', 'ModifiedDate'], orderBy: { ModifiedDate: 'asc' }, limit: 1 });
    await control('PATCH', `/objects/Company/records/${oldest.Gsid}`, { Employees: 7 });
    const old = await queryAll(simulator, 'Company', {
      select: ['Gsid'],
      where: { conditions: [condition('ModifiedDate', 'LTE', [oldest.ModifiedDate])] },
    });
    expect(old.map((row) => row.Gsid)).to.not.include(oldest.Gsid);
  });

  it('stamps the timeline LastModifiedDate on update', async () => {
    const [first] = await queryRecords(simulator, 'activity_timeline', { select: ['Gsid', 'LastModifiedDate'], limit: 1 });
    const updated = await control('PATCH', `/objects/activity_timeline/records/${first.Gsid}`, { Subject: 'Moved' });
    expect(Date.parse(updated.body.LastModifiedDate)).to.be.greaterThan(Date.parse(first.LastModifiedDate));
  });

  it('stamps the CTA modifier field on update', async () => {
    const [first] = await queryRecords(simulator, 'call_to_action', { select: ['Gsid'], limit: 1 });
    const updated = await control('PATCH', `/objects/call_to_action/records/${first.Gsid}`, { IsClosed: true });
    expect(updated.body.ModifiedById).to.match(/^1P01/);
    expect(updated.body.IsClosed).to.equal(true);
  });

  it('deletes a record and logs it in record_delete_log', async () => {
    const [victim] = await queryRecords(simulator, 'cs_task', { select: ['Gsid'], limit: 1 });
    const deleted = await control('DELETE', `/objects/cs_task/records/${victim.Gsid}`);
    expect(deleted.status).to.equal(200);

    const remaining = await queryRecords(simulator, 'cs_task', { select: ['Gsid'], where: { conditions: [condition('Gsid', 'EQ', [victim.Gsid])] } });
    expect(remaining).to.deep.equal([]);

    const log = await queryRecords(simulator, 'record_delete_log', {
      select: ['Gsid', 'RecordId', 'ObjectName', 'DeletedOn', 'CreatedDate', 'ModifiedDate'],
    });
    expect(log).to.have.length(1);
    expect(log[0].RecordId).to.equal(victim.Gsid);
    expect(log[0].ObjectName).to.equal('cs_task');
    expect(log[0].DeletedOn).to.equal(log[0].ModifiedDate);
    expect((await control('GET', '/objects/cs_task/count')).body.count).to.equal(499);
  });

  it('starts with an empty record_delete_log', async () => {
    const log = await query(simulator, 'record_delete_log', { select: ['Gsid'] });
    expect(log.body.data.records).to.deep.equal([]);
  });

  it('answers 404 for a deleted record', async () => {
    const [victim] = await queryRecords(simulator, 'Company', { select: ['Gsid'], limit: 1 });
    await control('DELETE', `/objects/Company/records/${victim.Gsid}`);
    expect((await control('GET', `/objects/Company/records/${victim.Gsid}`)).status).to.equal(404);
    expect((await control('DELETE', `/objects/Company/records/${victim.Gsid}`)).status).to.equal(404);
  });

  it('returns a full record', async () => {
    const [first] = await queryRecords(simulator, 'gsuser', { select: ['Gsid', 'Email'], limit: 1 });
    const record = (await control('GET', `/objects/gsuser/records/${first.Gsid}`)).body;
    expect(record.Email).to.equal(first.Email);
    expect(record).to.include.keys('Gsid', 'CreatedDate', 'ModifiedDate', 'Region__gc');
  });

  it('merges changes into Gsid-ordered pages', async () => {
    const before = await queryAll(simulator, 'Company', { select: ['Gsid'], orderBy: { Gsid: 'asc' } });
    const [gsid] = (await control('POST', '/objects/Company/records', { records: [{ Name: 'Merged' }] })).body.gsids;
    await control('DELETE', `/objects/Company/records/${before[10].Gsid}`);
    const after = await queryAll(simulator, 'Company', { select: ['Gsid'], orderBy: { Gsid: 'asc' } });
    const expected = [...before.map((row) => row.Gsid).filter((id) => id !== before[10].Gsid), gsid].sort();
    expect(after.map((row) => row.Gsid)).to.deep.equal(expected);
  });

  it('restores generated data on reset', async () => {
    const [first] = await queryRecords(simulator, 'Company', { select: ['Gsid', 'Name'], limit: 1 });
    await control('PATCH', `/objects/Company/records/${first.Gsid}`, { Name: 'Changed' });
    await control('POST', '/reset', { data: true });
    const [again] = await queryRecords(simulator, 'Company', { select: ['Gsid', 'Name'], limit: 1 });
    expect(again).to.deep.equal(first);
  });

  it('rejects an unknown field in an insert', async () => {
    const response = await control('POST', '/objects/Company/records', { records: [{ Nope: 1 }] });
    expect(response.status).to.equal(400);
    expect(response.body.error).to.contain('Nope');
  });

  it('rejects writing a system field', async () => {
    const response = await control('POST', '/objects/Company/records', { records: [{ ModifiedDate: '2024-01-01T00:00:00Z' }] });
    expect(response.status).to.equal(400);
  });

  it('rejects an unknown object', async () => {
    expect((await control('GET', '/objects/Nope/count')).status).to.equal(404);
  });

  it('keeps big integers exact on insert', async () => {
    const [gsid] = (
      await request(simulator, 'POST', '/__simulator/objects/Company/records', '{"records":[{"Name":"Big","ErpAccountNumber__gc":12345678901234567890}]}')
    ).body.gsids;
    const response = await request(simulator, 'GET', `/__simulator/objects/Company/records/${gsid}`);
    expect(response.text).to.contain('"ErpAccountNumber__gc":12345678901234567890');
  });
});
