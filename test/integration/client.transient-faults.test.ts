import { expect } from 'chai';
import { forward, startLocalServer, type LocalServer } from '../helpers/local-server.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { errorLines, lastState, makeWorkFolder, parseMessages, runTap, type SingerMessage, type TapRun } from '../helpers/tap-process.js';

const work = makeWorkFolder();
const companyPath = '/v1/data/objects/query/Company';

/** Returns every RECORD of a run as `stream/record JSON`, sorted, so runs compare in any stream order. */
function sortedRecords(messages: SingerMessage[]): string[] {
  return messages
    .filter((message) => message.type === 'RECORD')
    .map((message) => `${message.stream}/${JSON.stringify(message.record)}`)
    .sort();
}

function companyGsids(messages: SingerMessage[]): string[] {
  return messages.filter((message) => message.type === 'RECORD' && message.stream === 'companies').map((message) => message.record?.Gsid as string);
}

describe('client: transient faults', () => {
  let tenant: TestTenant;
  let expected: SingerMessage[];

  // Schedules a fault for the second Company page, after the first page and its STATE are out. A
  // latency fault of 0 ms takes the first Company request without changing its response.
  const faultSecondCompanyPage = (fault: Record<string, unknown>) =>
    tenant.control.scheduleFaults([
      { kind: 'latency', ms: 0, path: companyPath },
      { path: companyPath, ...fault },
    ]);

  before(async () => {
    tenant = await startTestTenant({ scale: 200 }, { page_size: 50, request_timeout_seconds: 1 });
    const run = await runTap(['--config', tenant.configPath]);
    expect(run.code, run.stderr).to.equal(0);
    expected = parseMessages(run.stdout);
  });

  afterEach(() => tenant.control.reset({ data: false, stats: true, faults: true }));

  after(() => tenant.stop());

  const kinds: Array<{ kind: string; cause: RegExp }> = [
    { kind: 'http-429', cause: /cause="throttled \(HTTP 429 GS_APIG_2404\)"/ },
    { kind: 'http-500', cause: /cause="HTTP 500"/ },
    { kind: 'http-502', cause: /cause="HTTP 502"/ },
    { kind: 'http-503', cause: /cause="HTTP 503"/ },
    { kind: 'reset', cause: /cause="[A-Z_]+: / },
    { kind: 'stall', cause: /cause="timed out after 1 s"/ },
    { kind: 'truncate', cause: /cause="response body is not complete JSON"/ },
  ];

  for (const { kind, cause } of kinds) {
    it(`survives ${kind} with the fault-free records`, async () => {
      await faultSecondCompanyPage({ kind, seconds: 5 });
      const run = await runTap(['--config', tenant.configPath]);
      expect(run.code, run.stderr).to.equal(0);

      const retry = run.stderr.split('\n').find((line) => line.includes('companies: request failed, retrying'));
      expect(retry, run.stderr).to.match(cause);
      expect(retry).to.match(/wait_seconds=\d+\.\d retry=1\/6/);
      expect(sortedRecords(parseMessages(run.stdout))).to.deep.equal(sortedRecords(expected));
    });
  }

  it('survives an HTTP 504 from a gateway', async () => {
    let companyRequests = 0;
    const gateway = await startLocalServer((request) => {
      if (request.path === companyPath && ++companyRequests === 2) {
        return { status: 504, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>504 Gateway Time-out</h1></body></html>' };
      }
      return forward(request, tenant.simulator.url);
    });
    try {
      const run = await runTap(['--config', tenant.configPath, '--config', work.write('gateway.json', { domain: gateway.url })]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stderr).to.match(/companies: request failed, retrying endpoint=query cause="HTTP 504"/);
      expect(sortedRecords(parseMessages(run.stdout))).to.deep.equal(sortedRecords(expected));
    } finally {
      await gateway.stop();
    }
  });

  it('emits nothing of a cut-off page', async () => {
    await faultSecondCompanyPage({ kind: 'truncate' });
    const run = await runTap(['--config', tenant.configPath, '--config', work.write('no-retries.json', { max_retries: 0 })]);
    expect(run.code, run.stderr).to.equal(4);

    // The first page's rows are the first 50 the fault-free run emitted; nothing of the second.
    expect(companyGsids(parseMessages(run.stdout))).to.deep.equal(companyGsids(expected).slice(0, 50));
  });

  describe('with Retry-After: 2', () => {
    let proxy: LocalServer;
    let run: TapRun;

    before(async () => {
      proxy = await startLocalServer((request) => forward(request, tenant.simulator.url));
      await faultSecondCompanyPage({ kind: 'http-429', retryAfter: 2 });
      run = await runTap(['--config', tenant.configPath, '--config', work.write('proxy.json', { domain: proxy.url })]);
      expect(run.code, run.stderr).to.equal(0);
    });

    after(() => proxy.stop());

    it('logs the server-given wait', () => {
      expect(run.stderr).to.match(/companies: request failed, retrying endpoint=query cause="throttled \(HTTP 429 GS_APIG_2404\)" wait_seconds=2\.0/);
    });

    it('waits 2 seconds before the retry', () => {
      const company = proxy.requests.filter((request) => request.path === companyPath);
      const [throttled, retry] = [company[1], company[2]];
      expect(retry, 'the retry of the throttled request').to.not.equal(undefined);
      expect((retry?.receivedAt ?? 0) - (throttled?.receivedAt ?? 0)).to.be.at.least(2000);
    });

    it('holds every stream while throttled', () => {
      const throttledAt = (proxy.requests.filter((request) => request.path === companyPath)[1]?.receivedAt ?? 0) + 100;
      // Requests already sent when the 429 arrived land within milliseconds; the tap sends none
      // after it until the wait is over.
      const during = proxy.requests.filter((request) => request.receivedAt > throttledAt && request.receivedAt < throttledAt + 1800);
      expect(during.map((request) => request.path)).to.deep.equal([]);
    });
  });

  describe('when retries run out', () => {
    let failed: TapRun;
    let failedMessages: SingerMessage[];

    before(async () => {
      await faultSecondCompanyPage({ kind: 'http-503', count: 2 });
      failed = await runTap(['--config', tenant.configPath, '--config', work.write('one-retry.json', { max_retries: 1 })]);
      failedMessages = parseMessages(failed.stdout);
    });

    it('exits with status 4', () => {
      expect(failed.code, failed.stderr).to.equal(4);
    });

    it('reports one error line', () => {
      expect(errorLines(failed)).to.have.length(1);
      expect(errorLines(failed)[0]).to.match(/^tap-gainsight: error: query request failed after 2 attempts, last cause: HTTP 503; run the tap again later with the last STATE/);
      expect(errorLines(failed)[0]).to.include('(stream companies)');
    });

    it('prints no stack trace', () => {
      expect(failed.stderr).to.not.match(/^\s+at /m);
    });

    it('ends its output with a STATE', () => {
      expect(failedMessages[failedMessages.length - 1]?.type).to.equal('STATE');
    });

    it('resumes from its last STATE without losing records', async () => {
      const resumed = await runTap(['--config', tenant.configPath, '--state', work.write('after-failure.json', lastState(failedMessages))]);
      expect(resumed.code, resumed.stderr).to.equal(0);

      const union = new Set([...sortedRecords(failedMessages), ...sortedRecords(parseMessages(resumed.stdout))]);
      expect([...union].sort()).to.deep.equal(sortedRecords(expected));
    });
  });
});
