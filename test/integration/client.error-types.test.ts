import { expect } from 'chai';
import { sampleCatalogSelecting } from '../helpers/catalog.js';
import { forward, gainsightError, startLocalServer, type Reply } from '../helpers/local-server.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { errorLines, makeWorkFolder, runTap } from '../helpers/tap-process.js';

const accessKey = 'KEY-5d02e8b3-never-printed';
const work = makeWorkFolder();
const json = { 'content-type': 'application/json' };

interface ErrorCase {
  name: string;
  /** The reply to every query; describe calls reach the simulator. */
  reply: Reply;
  exitCode: number;
  message: RegExp;
}

const cases: ErrorCase[] = [
  {
    name: 'HTTP 401 without a body',
    reply: { status: 401 },
    exitCode: 2,
    message: /the access key was rejected: check credentials\.access_token \(Gainsight Administration > Connectors 2\.0 > Gainsight API\)/,
  },
  {
    name: 'GS_APIG_2401',
    reply: { status: 401, headers: json, body: gainsightError('GS_APIG_2401', 'Unauthorized') },
    exitCode: 2,
    message: /the access key was rejected: check credentials\.access_token .*errorCode GS_APIG_2401/,
  },
  {
    name: 'GSOBJ_1024',
    reply: { status: 400, headers: json, body: gainsightError('GSOBJ_1024', 'Invalid authorization headers') },
    exitCode: 2,
    message: /the authorization headers were rejected: check credentials\.access_token .*errorCode GSOBJ_1024/,
  },
  {
    name: 'GS_APIG_2402',
    reply: { status: 403, headers: json, body: gainsightError('GS_APIG_2402', 'IP address not allowed') },
    exitCode: 2,
    message: /IP address is not on the tenant's allow-list: ask a Gainsight admin to add it \(Administration > Security > IP allow-list\).*errorCode GS_APIG_2402/,
  },
  {
    name: 'HTTP 403 without an errorCode',
    reply: { status: 403, headers: json, body: gainsightError(null, 'Forbidden') },
    exitCode: 2,
    message: /Gainsight denied access \(HTTP 403\): check that the access key may read this object/,
  },
  {
    name: 'GSOBJ_1002',
    reply: { status: 400, headers: json, body: gainsightError('GSOBJ_1002', 'Invalid field, please re-check data mapping: Industry') },
    exitCode: 2,
    message: /Gainsight rejected field Industry of stream companies as invalid .*run --discover/,
  },
  {
    name: 'another 4xx',
    reply: { status: 400, headers: json, body: gainsightError('GSOBJ_1005', 'Invalid dateTime format (ModifiedDate= x)', 'req-1005') },
    exitCode: 3,
    message: /Invalid dateTime format \(ModifiedDate= x\) \(stream companies, HTTP 400, errorCode GSOBJ_1005, requestId req-1005\)$/,
  },
  {
    name: 'HTTP 404',
    reply: { status: 404, headers: json, body: gainsightError('GS_APIG_1000', 'No API route matches', 'req-404') },
    exitCode: 3,
    message: /\(stream companies, HTTP 404, errorCode GS_APIG_1000, requestId req-404\)$/,
  },
];


describe('client: error types', () => {
  let tenant: TestTenant;
  let catalogPath: string;

  before(async () => {
    tenant = await startTestTenant({ accessKey });
    catalogPath = work.write('companies.json', sampleCatalogSelecting(['companies']));
  });

  after(() => tenant.stop());

  for (const { name, reply, exitCode, message } of cases) {
    it(`reports ${name} with exit status ${exitCode}`, async () => {
      const server = await startLocalServer((request) => (request.path.startsWith('/v1/data/objects/query/') ? reply : forward(request, tenant.simulator.url)));
      try {
        const run = await runTap(['--config', tenant.configPath, '--config', work.write('server.json', { domain: server.url }), '--catalog', catalogPath]);
        expect(run.code, run.stderr).to.equal(exitCode);
        expect(errorLines(run)).to.have.length(1);
        expect(errorLines(run)[0]).to.match(message);
        expect(run.stderr).to.not.include(accessKey);
        expect(run.stderr).to.not.include('retrying');
      } finally {
        await server.stop();
      }
    });
  }

  it('reports a wrong key as a configuration error', async () => {
    const run = await runTap(['--config', tenant.configPath, '--config', work.write('wrong-key.json', { credentials: { access_token: 'KEY-wrong' } })]);
    expect(run.code, run.stderr).to.equal(2);
    expect(errorLines(run)).to.deep.equal([
      `tap-gainsight: error: Gainsight rejected the request: the access key was rejected: check credentials.access_token (Gainsight Administration > Connectors 2.0 > Gainsight API) (HTTP 401, errorCode GS_APIG_2401, requestId ${/requestId (\S+)\)/.exec(run.stderr)?.[1]})`,
    ]);
  });

  it('reports result:false as an API error', async () => {
    await tenant.control.scheduleFaults([{ kind: 'result-false', path: 'query/Company' }]);
    const run = await runTap(['--config', tenant.configPath, '--catalog', catalogPath]);

    expect(run.code, run.stderr).to.equal(3);
    expect(errorLines(run)).to.have.length(1);
    expect(errorLines(run)[0]).to.match(/result:false: .* \(stream companies, HTTP 200, errorCode GSOBJ_1099, requestId [0-9a-f-]{36}\)$/);
  });
});
