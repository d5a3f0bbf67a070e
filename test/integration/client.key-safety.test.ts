import { expect } from 'chai';
import { forward, gainsightError, startLocalServer, type LocalServer } from '../helpers/local-server.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder, runTap } from '../helpers/tap-process.js';

const accessKey = 'KEY-e07a52d9-never-printed';
const work = makeWorkFolder();
const queryPrefix = '/v1/data/objects/query/';

describe('client: key safety', () => {
  let tenant: TestTenant;
  let target: LocalServer;

  before(async () => {
    tenant = await startTestTenant({ accessKey });
    // The target listens on its own port, so the error can be seen to name it, and it is reachable,
    // so a followed redirect would show in its requests.
    target = await startLocalServer(() => ({ status: 200, body: '{}' }));
  });

  afterEach(() => {
    target.requests.length = 0;
  });

  after(async () => {
    await target.stop();
    await tenant.stop();
  });

  // Each case redirects the requests that `redirect` picks to the target; the rest reach the simulator.
  const redirects = [
    { status: 302, endpoint: 'describe', redirect: (path: string) => path.startsWith('/v1/') },
    { status: 307, endpoint: 'query', redirect: (path: string) => path.startsWith(queryPrefix) },
  ];

  for (const { status, endpoint, redirect } of redirects) {
    it(`does not follow a ${status} on ${endpoint}`, async () => {
      const server = await startLocalServer((request) =>
        redirect(request.path) ? { status, headers: { location: `${target.url}${request.path}` } } : forward(request, tenant.simulator.url),
      );
      try {
        const run = await runTap(['--config', tenant.configPath, '--config', work.write('redirecting.json', { domain: server.url })]);
        expect(run.code, run.stderr).to.equal(3);
        expect(run.stderr).to.include(`Gainsight responded with a redirect to ${target.host}, which the tap does not follow`);
        expect(target.requests, 'requests the redirect target received').to.have.length(0);
        expect(run.stdout + run.stderr).to.not.include(accessKey);
      } finally {
        await server.stop();
      }
    });
  }

  for (const level of ['info', 'debug']) {
    it(`hides a key echoed in an error body at ${level} level`, async () => {
      const echoed = gainsightError('GSOBJ_1008', `Invalid request header accesskey=${accessKey}`);
      const server = await startLocalServer((request) =>
        request.path.startsWith(queryPrefix) ? { status: 400, headers: { 'content-type': 'application/json' }, body: echoed } : forward(request, tenant.simulator.url),
      );
      try {
        const run = await runTap(['--config', tenant.configPath, '--config', work.write('echoing.json', { domain: server.url }), '--log-level', level]);
        expect(run.code, run.stderr).to.equal(3);
        expect(run.stderr).to.include('Invalid request header accesskey=[redacted]');
        expect(run.stdout + run.stderr).to.not.include(accessKey);
      } finally {
        await server.stop();
      }
    });
  }
});
