import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { query, request, startTestSimulator } from './helpers.js';

describe('simulator http', () => {
  let simulator: RunningSimulator;
  const body = { select: ['Gsid'], limit: 1 };

  before(async () => {
    simulator = await startTestSimulator();
  });
  after(() => simulator.stop());

  it('answers 401 without an access key', async () => {
    const response = await request(simulator, 'POST', '/v1/data/objects/query/Company', body, {});
    expect(response.status).to.equal(401);
    expect(response.body.errorCode).to.equal('GS_APIG_2401');
    expect(response.body.result).to.equal(false);
  });

  it('answers 401 with a wrong access key', async () => {
    const response = await request(simulator, 'POST', '/v1/data/objects/query/Company', body, { accesskey: 'wrong' });
    expect(response.status).to.equal(401);
  });

  it('accepts the header name in any case', async () => {
    for (const name of ['Accesskey', 'AccessKey', 'ACCESSKEY']) {
      const response = await request(simulator, 'POST', '/v1/data/objects/query/Company', body, { [name]: simulator.accessKey });
      expect(response.status, name).to.equal(200);
    }
  });

  it('answers 404 GS_APIG_1000 for an unknown route', async () => {
    const response = await request(simulator, 'GET', '/v1/nothing/here');
    expect(response.status).to.equal(404);
    expect(response.body.errorCode).to.equal('GS_APIG_1000');
  });

  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    it(`rejects ${method} on data paths`, async () => {
      const response = await request(simulator, method, '/v1/data/objects/Company', {});
      expect(response.status).to.equal(405);
      expect(response.body.result).to.equal(false);
    });
  }

  it('rejects POST to a data path other than query', async () => {
    const response = await request(simulator, 'POST', '/v1/data/objects/Company', { records: [] });
    expect(response.status).to.equal(405);
  });

  it('sends x-ratelimit-limit on every answer', async () => {
    const answers = [
      await query(simulator, 'Company', body),
      await request(simulator, 'GET', '/v1/nothing'),
      await request(simulator, 'POST', '/v1/data/objects/query/Company', body, {}),
    ];
    for (const answer of answers) expect(answer.headers.get('x-ratelimit-limit')).to.equal('100');
  });

  it('sends a Date header', async () => {
    const response = await query(simulator, 'Company', body);
    expect(Date.parse(response.headers.get('date') ?? '')).to.be.a('number').and.not.NaN;
  });

  it('sends JSON content', async () => {
    const response = await query(simulator, 'Company', body);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
  });

  it('logs one line per request', async () => {
    const lines: string[] = [];
    const logged = await startTestSimulator({ log: (line) => lines.push(line) });
    try {
      await query(logged, 'Company', body);
    } finally {
      await logged.stop();
    }
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^POST \/v1\/data\/objects\/query\/Company 200 \d+ms$/);
  });

  it('never logs the access key', async () => {
    const lines: string[] = [];
    const logged = await startTestSimulator({ log: (line) => lines.push(line), accessKey: 'secret-key-123' });
    try {
      await query(logged, 'Company', body);
      await request(logged, 'GET', '/v1/nothing', undefined, { accesskey: 'wrong-key-456' });
    } finally {
      await logged.stop();
    }
    expect(lines.join('\n')).to.not.contain('secret-key-123');
    expect(lines.join('\n')).to.not.contain('wrong-key-456');
  });

  it('binds to 127.0.0.1', () => {
    expect(simulator.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('stops with a request stalled open', async () => {
    const stalled = await startTestSimulator();
    await request(stalled, 'POST', '/__simulator/faults', { faults: [{ kind: 'stall', seconds: 30 }] });
    const pending = query(stalled, 'Company', body).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await stalled.stop();
    expect(performance.now() - started).to.be.below(1000);
    expect(await pending).to.be.instanceOf(Error);
  });
});
