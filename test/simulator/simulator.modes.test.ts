import { expect } from 'chai';

import type { RunningSimulator, SimulatorOptions } from '../../src/simulator/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import { condition, query, request, startTestSimulator } from './helpers.js';

const emptyQuery = {
  select: ['Gsid'],
  where: { conditions: [condition('ModifiedDate', 'LT', ['2000-01-01T00:00:00Z'])] },
};

async function withSimulator<T>(options: SimulatorOptions, run: (simulator: RunningSimulator) => Promise<T>): Promise<T> {
  const simulator = await startTestSimulator(options);
  try {
    return await run(simulator);
  } finally {
    await simulator.stop();
  }
}

describe('simulator modes', () => {
  it('puts records in data.records by default', () =>
    withSimulator({}, async (simulator) => {
      const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 2 });
      expect(response.body.data.records).to.have.length(2);
    }));

  it('puts records straight in data in list mode', () =>
    withSimulator({ envelope: 'list' }, async (simulator) => {
      const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 2 });
      expect(response.body.data).to.be.an('array').with.length(2);
    }));

  it('answers an empty result with an empty list by default', () =>
    withSimulator({}, async (simulator) => {
      const response = await query(simulator, 'Company', emptyQuery);
      expect(response.status).to.equal(200);
      expect(response.body.result).to.equal(true);
      expect(response.body.data.records).to.deep.equal([]);
    }));

  it('answers an empty result with no-data', () =>
    withSimulator({ emptyResult: 'no-data' }, async (simulator) => {
      const response = await query(simulator, 'Company', emptyQuery);
      expect(response.status).to.equal(200);
      expect(response.body.result).to.equal(false);
      expect(response.body.errorDesc).to.equal('No data found for given criteria');
    }));

  it('answers an empty result with GSOBJ_1011', () =>
    withSimulator({ emptyResult: 'gsobj-1011' }, async (simulator) => {
      const response = await query(simulator, 'Company', emptyQuery);
      expect(response.status).to.equal(400);
      expect(response.body.errorCode).to.equal('GSOBJ_1011');
    }));

  it('answers a non-empty result normally in gsobj-1011 mode', () =>
    withSimulator({ emptyResult: 'gsobj-1011' }, async (simulator) => {
      const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
      expect(response.status).to.equal(200);
    }));

  it('delays answers by the latency', () =>
    withSimulator({ latencyMs: 150 }, async (simulator) => {
      const started = performance.now();
      await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
      expect(performance.now() - started).to.be.at.least(140);
    }));

  it('serves concurrent requests during latency', () =>
    withSimulator({ latencyMs: 300 }, async (simulator) => {
      const started = performance.now();
      await Promise.all([1, 2, 3, 4].map(() => query(simulator, 'Company', { select: ['Gsid'], limit: 1 })));
      expect(performance.now() - started).to.be.below(1000);
    }));

  it('answers 429 with Retry-After over the rate limit', () =>
    withSimulator({ rateLimit: 3 }, async (simulator) => {
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < 4; i++) {
        const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
        statuses.push(response.status);
        if (response.status === 429) limited = response;
      }
      // A minute boundary between the calls would reset the window, which a rerun avoids.
      expect(statuses).to.deep.equal([200, 200, 200, 429]);
      expect(limited?.body.errorCode).to.equal('GS_APIG_2404');
      const retryAfter = Number(limited?.headers.get('retry-after'));
      expect(retryAfter).to.be.within(1, 60);
    }));

  it('counts rate-limited calls in the stats', () =>
    withSimulator({ rateLimit: 1 }, async (simulator) => {
      await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
      await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
      const stats = await request(simulator, 'GET', '/__simulator/stats');
      expect(stats.body.rateLimited).to.be.at.least(1);
    }));

  it('advertises the rate limit in x-ratelimit-limit', () =>
    withSimulator({ rateLimit: 250 }, async (simulator) => {
      const response = await query(simulator, 'Company', { select: ['Gsid'], limit: 1 });
      expect(response.headers.get('x-ratelimit-limit')).to.equal('250');
    }));

  it('rejects omitted fields with GSOBJ_1002', () =>
    withSimulator({ omitFields: ['Company.Industry'] }, async (simulator) => {
      const response = await query(simulator, 'Company', { select: ['Gsid', 'Industry'] });
      expect(response.status).to.equal(400);
      expect(response.body.errorCode).to.equal('GSOBJ_1002');
    }));

  it('leaves omitted fields out of describe', () =>
    withSimulator({ omitFields: ['company.Industry'] }, async (simulator) => {
      const response = await request(simulator, 'GET', '/v1/meta/services/objects/Company/describe');
      const names = response.body.data[0].fields.map((field: any) => field.fieldName);
      expect(names).to.not.include('Industry');
      expect(names).to.include('Stage');
    }));

  it('rejects omitting an unknown field', async () => {
    let failure: unknown;
    await startSimulator({ omitFields: ['Company.Nope'] }).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.contain('Company.Nope');
  });

  it('rejects omitting a system field', async () => {
    let failure: unknown;
    await startSimulator({ omitFields: ['Company.Gsid'] }).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.contain('system');
  });

  it('rejects an invalid scale', async () => {
    let failure: unknown;
    await startSimulator({ scale: 0 }).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.contain('scale');
  });

  it('rejects an unknown date format', async () => {
    let failure: unknown;
    await startSimulator({ dateFormat: 'unix' as 'iso' }).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.contain('dateFormat');
  });
});
