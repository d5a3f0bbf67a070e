import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { query, request, startTestSimulator } from './helpers.js';

describe('simulator faults', () => {
  let simulator: RunningSimulator;
  const body = { select: ['Gsid', 'Name'], limit: 50 };

  const schedule = (faults: unknown[]) => request(simulator, 'POST', '/__simulator/faults', { faults });
  const rawQuery = () =>
    fetch(`${simulator.url}/v1/data/objects/query/Company`, {
      method: 'POST',
      headers: { accesskey: simulator.accessKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  before(async () => {
    simulator = await startTestSimulator();
  });
  afterEach(() => request(simulator, 'DELETE', '/__simulator/faults'));
  after(() => simulator.stop());

  it('injects 429 with Retry-After and GS_APIG_2404', async () => {
    await schedule([{ kind: 'http-429', retryAfter: 7 }]);
    const response = await query(simulator, 'Company', body);
    expect(response.status).to.equal(429);
    expect(response.headers.get('retry-after')).to.equal('7');
    expect(response.body.errorCode).to.equal('GS_APIG_2404');
  });

  it('injects 500 with the JSON envelope', async () => {
    await schedule([{ kind: 'http-500' }]);
    const response = await query(simulator, 'Company', body);
    expect(response.status).to.equal(500);
    expect(response.body.result).to.equal(false);
  });

  for (const status of [502, 503]) {
    it(`injects ${status} with an HTML body`, async () => {
      await schedule([{ kind: `http-${status}` }]);
      const response = await query(simulator, 'Company', body);
      expect(response.status).to.equal(status);
      expect(response.headers.get('content-type')).to.contain('text/html');
      expect(response.body).to.equal(undefined);
    });
  }

  it('injects result:false with HTTP 200', async () => {
    await schedule([{ kind: 'result-false' }]);
    const response = await query(simulator, 'Company', body);
    expect(response.status).to.equal(200);
    expect(response.body.result).to.equal(false);
    expect(response.body.errorCode).to.be.a('string').and.not.equal('GSOBJ_1011');
    expect(response.body.errorDesc).to.not.equal('No data found for given criteria');
  });

  it('resets the connection in the middle of the body', async () => {
    await schedule([{ kind: 'reset' }]);
    const response = await rawQuery();
    expect(response.status).to.equal(200);
    let failure: unknown;
    await response.text().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
  });

  it('stalls after the headers', async () => {
    await schedule([{ kind: 'stall', seconds: 0.3 }]);
    const started = performance.now();
    const response = await rawQuery();
    expect(response.status).to.equal(200);
    let failure: unknown;
    await response.text().catch((error: unknown) => (failure = error));
    expect(performance.now() - started).to.be.at.least(250);
    expect(failure).to.be.instanceOf(Error);
  });

  it('serves other requests during a stall', async () => {
    await schedule([{ kind: 'stall', seconds: 1 }]);
    const stalled = rawQuery().then((response) => response.text()).catch(() => 'destroyed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const response = await query(simulator, 'Company', body);
    expect(response.status).to.equal(200);
    expect(performance.now() - started).to.be.below(500);
    await stalled;
  });

  it('truncates the JSON body with a matching Content-Length', async () => {
    await schedule([{ kind: 'truncate' }]);
    const response = await rawQuery();
    const text = await response.text();
    expect(response.status).to.equal(200);
    expect(Number(response.headers.get('content-length'))).to.equal(Buffer.byteLength(text));
    expect(() => JSON.parse(text)).to.throw();
  });

  it('adds latency', async () => {
    await schedule([{ kind: 'latency', ms: 200 }]);
    const started = performance.now();
    const response = await query(simulator, 'Company', body);
    expect(response.status).to.equal(200);
    expect(performance.now() - started).to.be.at.least(190);
  });

  it('applies a fault to the next count requests only', async () => {
    await schedule([{ kind: 'http-503', count: 2 }]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await query(simulator, 'Company', body)).status);
    expect(statuses).to.deep.equal([503, 503, 200]);
  });

  it('applies faults in schedule order', async () => {
    await schedule([{ kind: 'http-500' }, { kind: 'http-502' }]);
    const first = await query(simulator, 'Company', body);
    const second = await query(simulator, 'Company', body);
    expect([first.status, second.status]).to.deep.equal([500, 502]);
  });

  it('matches faults by path substring', async () => {
    await schedule([{ kind: 'http-500', path: '/describe' }]);
    const queried = await query(simulator, 'Company', body);
    const described = await request(simulator, 'GET', '/v1/meta/services/objects/Company/describe');
    expect(queried.status).to.equal(200);
    expect(described.status).to.equal(500);
  });

  it('lists the faults that remain', async () => {
    await schedule([{ kind: 'http-500', count: 3 }]);
    await query(simulator, 'Company', body);
    const listed = await request(simulator, 'GET', '/__simulator/faults');
    expect(listed.body.faults).to.have.length(1);
    expect(listed.body.faults[0].count).to.equal(2);
  });

  it('clears the schedule', async () => {
    await schedule([{ kind: 'http-500', count: 3 }]);
    await request(simulator, 'DELETE', '/__simulator/faults');
    expect((await query(simulator, 'Company', body)).status).to.equal(200);
  });

  it('leaves control calls alone', async () => {
    await schedule([{ kind: 'http-500' }]);
    const stats = await request(simulator, 'GET', '/__simulator/stats');
    expect(stats.status).to.equal(200);
    expect((await query(simulator, 'Company', body)).status).to.equal(500);
  });

  it('rejects an unknown fault kind', async () => {
    const response = await schedule([{ kind: 'explode' }]);
    expect(response.status).to.equal(400);
    expect(response.body.error).to.contain('explode');
  });
});

describe('simulator faults in stats', () => {
  it('counts a faulted query in the stats', async () => {
    const simulator = await startTestSimulator();
    try {
      await request(simulator, 'POST', '/__simulator/faults', { faults: [{ kind: 'http-500' }] });
      await query(simulator, 'company', { select: ['Gsid'], limit: 1 });
      await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
      const stats = await request(simulator, 'GET', '/__simulator/stats');
      expect(stats.body.queries).to.deep.equal({ Company: 2 });
    } finally {
      await simulator.stop();
    }
  });
});
