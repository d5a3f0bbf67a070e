import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { forward, startLocalServer, type LocalServer } from '../helpers/local-server.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { lastState, makeWorkFolder, parseMessages, runTap, type SingerMessage, type TapRun } from '../helpers/tap-process.js';

const work = makeWorkFolder();

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  describe(`singer: ${signal} mid-sync`, () => {
    let tenant: TestTenant;
    let proxy: LocalServer;
    let configPath: string;
    let run: TapRun;
    let messages: SingerMessage[];
    let signalledAt = 0;

    before(async () => {
      tenant = await startTestTenant({ scale: 200 }, { page_size: 50 });
      proxy = await startLocalServer((request) => forward(request, tenant.simulator.url));
      configPath = work.write(`proxy-${signal}.json`, { domain: proxy.url });
      // The first responses take 300 ms more, so the signal arrives while pages are in flight.
      await tenant.control.scheduleFaults([{ kind: 'latency', ms: 300, count: 12 }]);

      run = await runTap(['--config', tenant.configPath, '--config', configPath], {
        onStdout: (chunk, child) => {
          if (signalledAt === 0 && chunk.includes('"type":"RECORD"')) {
            signalledAt = Date.now();
            child.kill(signal);
          }
        },
      });
      messages = parseMessages(run.stdout);
      await tenant.control.reset({ data: false, stats: false, faults: true });
    });

    after(async () => {
      await proxy.stop();
      await tenant.stop();
    });

    it('exits with status 0', () => {
      expect(run.signal).to.equal(null);
      expect(run.code, run.stderr).to.equal(0);
    });

    it('logs the stop', () => {
      expect(run.stderr).to.include(`stopping: received ${signal}`);
    });

    it('ends with a STATE', () => {
      expect(messages[messages.length - 1]?.type).to.equal('STATE');
    });

    it('sends no request after the signal', () => {
      // The margin covers a request sent just before the tap handled the signal.
      const late = proxy.requests.filter((request) => request.receivedAt > signalledAt + 100);
      expect(late.map((request) => request.path)).to.deep.equal([]);
    });

    it('finishes every page it requested', () => {
      // Each page received is written with its STATE; the run's last STATE comes on top.
      const queries = proxy.requests.filter((request) => request.path.startsWith('/v1/data/objects/query/'));
      const states = messages.filter((message) => message.type === 'STATE');
      expect(states.length - 1).to.equal(queries.length);
    });

    it('resumes from the last STATE without losing records', async () => {
      const resumed = await runTap(['--config', tenant.configPath, '--state', work.write(`state-${signal}.json`, lastState(messages))]);
      expect(resumed.code, resumed.stderr).to.equal(0);

      const both = [...messages, ...parseMessages(resumed.stdout)].filter((message) => message.type === 'RECORD');
      for (const stream of streamDefinitions) {
        const gsids = new Set(both.filter((message) => message.stream === stream.name).map((message) => message.record?.Gsid));
        expect(gsids.size, stream.name).to.equal(await tenant.control.count(stream.objectName));
      }
    });
  });
}

describe('singer: SIGTERM while discover retries', () => {
  let run: TapRun;

  before(async () => {
    // A closed local port refuses every connection, so discover waits between retries.
    const closed = await startLocalServer(() => ({ status: 500, body: '' }));
    const domain = closed.url;
    await closed.stop();
    const configPath = work.write('refused.json', { domain, credentials: { access_token: 'refused-key' } });

    let signalled = false;
    run = await runTap(['--config', configPath, '--discover'], {
      onStderr: (chunk, child) => {
        if (signalled || !chunk.includes('retrying')) return;
        signalled = true;
        child.kill('SIGTERM');
      },
    });
  });

  it('exits with the signal status', () => {
    expect(run.code, run.stderr).to.equal(143);
  });

  it('reports the stop, not an internal error', () => {
    expect(run.stderr).to.include('tap-gainsight: stopped before the command finished: received SIGTERM');
    expect(run.stderr).to.not.include('internal error');
  });

  it('prints no catalog', () => {
    expect(run.stdout).to.equal('');
  });
});
