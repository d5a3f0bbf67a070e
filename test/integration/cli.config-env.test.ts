import { expect } from 'chai';
import { allDataStart, startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { makeWorkFolder, parseMessages, recordCounts, runTap } from '../helpers/tap-process.js';

describe('cli: --config ENV', () => {
  let tenant: TestTenant;
  let environment: NodeJS.ProcessEnv;
  const work = makeWorkFolder();

  before(async () => {
    tenant = await startTestTenant();
    environment = {
      TAP_GAINSIGHT_DOMAIN: tenant.simulator.url,
      TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN: tenant.simulator.accessKey,
      TAP_GAINSIGHT_START_DATE: allDataStart,
    };
  });

  after(() => tenant.stop());

  it('runs from the environment alone', async () => {
    const run = await runTap(['--config', 'ENV', '--test'], { env: environment });
    expect(run.code, run.stderr).to.equal(0);
    expect(parseMessages(run.stdout).filter((message) => message.type === 'RECORD')).to.have.length(7);
  });

  it('names the variable of a missing setting', async () => {
    const run = await runTap(['--config', 'ENV', '--test'], { env: { ...environment, TAP_GAINSIGHT_DOMAIN: undefined } });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('TAP_GAINSIGHT_DOMAIN');
  });

  it('lets the environment win over a file', async () => {
    const file = work.write('wrong-key.json', { domain: tenant.simulator.url, credentials: { access_token: 'not-the-key' } });
    const run = await runTap(['--config', file, '--config', 'ENV', '--test'], {
      env: { TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN: tenant.simulator.accessKey },
    });
    expect(run.code, run.stderr).to.equal(0);
  });

  it('keeps file settings the environment lacks', async () => {
    const file = work.write('future-start.json', { start_date: '2099-01-01' });
    const env = { ...environment, TAP_GAINSIGHT_START_DATE: undefined };
    const run = await runTap(['--config', file, '--config', 'ENV'], { env });
    expect(run.code, run.stderr).to.equal(0);

    // Nothing changed after 2099, so only the FULL_TABLE picklist stream has records.
    expect(recordCounts(parseMessages(run.stdout))).to.deep.equal({ da_picklist: await tenant.control.count('da_picklist') });
  });

  it('keeps the file when ENV has no variables', async () => {
    const run = await runTap(['--config', tenant.configPath, '--config', 'ENV', '--test=schema'], { env: { TAP_GAINSIGHT_DOMAIN: '' } });
    expect(run.code, run.stderr).to.equal(0);
  });
});
