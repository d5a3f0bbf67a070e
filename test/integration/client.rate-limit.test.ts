import { expect } from 'chai';
import { GainsightClient } from '../../src/client/gainsight-client.js';
import { listSettings } from '../../src/config/index.js';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder, parseMessages, recordCounts, runTap } from '../helpers/tap-process.js';

const work = makeWorkFolder();

describe('client: rate limit', () => {
  it('stays under the server limit across a minute', async function () {
    // The tap's sliding window delays the 26th call until a minute after the first, so the run
    // lasts just over a minute whatever the data size. The simulator has no shorter window.
    this.timeout(150_000);
    const tenant = await startTestTenant({ scale: 200, rateLimit: 30 }, { page_size: 50, requests_per_minute: 25 });
    try {
      const run = await runTap(['--config', tenant.configPath], { timeoutMs: 140_000 });
      expect(run.code, run.stderr).to.equal(0);

      const stats = await tenant.control.stats();
      // More calls than the server allows in a minute, so a tap without a limiter would be throttled.
      expect(stats.total).to.be.greaterThan(30);
      expect(stats.rateLimited).to.equal(0);
      expect(run.stderr).to.not.include('throttled');

      const counts = recordCounts(parseMessages(run.stdout));
      for (const stream of streamDefinitions) expect(counts[stream.name], stream.name).to.equal(await tenant.control.count(stream.objectName));
    } finally {
      await tenant.stop();
    }
  });

  it('counts describe calls against the limit', async () => {
    const tenant = await startTestTenant();
    try {
      const client = new GainsightClient(
        {
          baseUrl: tenant.simulator.url,
          accessKey: { reveal: () => tenant.simulator.accessKey },
          requestTimeoutMs: 5000,
          maxRetries: 0,
          requestsPerMinute: 1,
          maxConcurrentRequests: 1,
        },
        { stopSignal: AbortSignal.timeout(1000) },
      );
      await client.describe(['Company']);

      // The describe took the only call of this minute, so the query waits until the stop signal.
      let waited: unknown;
      await client.query('Company', { select: ['Gsid'], limit: 1 }).catch((error: unknown) => (waited = error));
      client.close();

      expect((waited as Error | undefined)?.name).to.equal('AbortError');
      expect((await tenant.control.stats()).total).to.equal(1);
    } finally {
      await tenant.stop();
    }
  });

  it('defaults below Gainsight’s 100 calls a minute', () => {
    const setting = listSettings().find((entry) => entry.name === 'requests_per_minute');
    expect(setting?.default).to.be.a('number').below(100);
  });

  it('applies requests_per_minute to a sync', async () => {
    const tenant = await startTestTenant({ scale: 200 }, { page_size: 50 });
    try {
      let stopScheduled = false;
      const run = await runTap(['--config', tenant.configPath, '--config', work.write('slow.json', { requests_per_minute: 5 })], {
        timeoutMs: 10_000,
        onStdout: (_chunk, child) => {
          if (stopScheduled) return;
          stopScheduled = true;
          setTimeout(() => child.kill('SIGTERM'), 1500);
        },
      });
      expect(run.code, run.stderr).to.equal(0);

      // One describe and four queries went out; the sixth call waited for the minute to pass.
      expect((await tenant.control.stats()).total).to.equal(5);
    } finally {
      await tenant.stop();
    }
  });
});
