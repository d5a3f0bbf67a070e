import { expect } from 'chai';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { runTap } from '../helpers/tap-process.js';

describe('singer: discover stability', () => {
  let tenant: TestTenant;

  before(async () => {
    tenant = await startTestTenant();
  });

  after(() => tenant.stop());

  it('prints identical bytes on two runs', async () => {
    const first = await runTap(['--config', tenant.configPath, '--discover']);
    const second = await runTap(['--config', tenant.configPath, '--discover']);
    expect(first.code, first.stderr).to.equal(0);
    expect(second.code, second.stderr).to.equal(0);
    expect(first.stdout.length).to.be.greaterThan(0);
    expect(Buffer.from(second.stdout).equals(Buffer.from(first.stdout))).to.equal(true);
  });
});
