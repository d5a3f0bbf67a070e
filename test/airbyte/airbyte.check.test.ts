import { expect } from 'chai';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder } from '../helpers/tap-process.js';
import { runAirbyte, type AirbyteRun } from './helpers.js';

const work = makeWorkFolder();

function statusOf(run: AirbyteRun): { status: string; message?: string } {
  const statuses = run.messages.filter((message) => message.type === 'CONNECTION_STATUS');
  expect(statuses, run.stdout).to.have.length(1);
  return statuses[0]?.connectionStatus as { status: string; message?: string };
}

describe('airbyte: check', () => {
  let tenant: TestTenant;

  before(async () => {
    tenant = await startTestTenant({ accessKey: 'check-test-access-key-0123456789' });
  });

  after(() => tenant.stop());

  it('reports SUCCEEDED with a working key', async () => {
    const run = await runAirbyte(['check', '--config', tenant.configPath]);
    expect(run.code).to.equal(0);
    expect(statusOf(run).status).to.equal('SUCCEEDED');
  });

  it('reports one FAILED status for a wrong key', async () => {
    const config = work.write('wrong-key.json', { domain: tenant.simulator.url, credentials: { access_token: 'wrong-access-key-9876543210' } });
    const run = await runAirbyte(['check', '--config', config]);

    expect(run.code).to.equal(0);
    expect(run.messages.filter((message) => message.type !== 'LOG')).to.have.length(1);
    const status = statusOf(run);
    expect(status.status).to.equal('FAILED');
    expect(status.message).to.include('credentials.access_token');
  });

  it('never prints the wrong key', async () => {
    const key = 'wrong-access-key-kept-secret-42';
    const config = work.write('secret-key.json', { domain: tenant.simulator.url, credentials: { access_token: key } });
    const run = await runAirbyte(['check', '--config', config], { env: { LOG_LEVEL: 'debug' } });
    expect(run.stdout + run.stderr).to.not.include(key);
  });

  it('reports FAILED for an invalid setting', async () => {
    const config = work.write('bad-page-size.json', { domain: tenant.simulator.url, credentials: { access_token: 'x' }, page_size: 0 });
    const run = await runAirbyte(['check', '--config', config]);

    expect(run.code).to.equal(0);
    expect(statusOf(run).status).to.equal('FAILED');
    expect(statusOf(run).message).to.include('page_size');
  });

  it('reports FAILED without --config', async () => {
    const run = await runAirbyte(['check']);
    expect(run.code).to.equal(0);
    expect(statusOf(run).message).to.include('--config');
  });
});
