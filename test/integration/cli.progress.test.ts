import { expect } from 'chai';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { runTap, type TapRun } from '../helpers/tap-process.js';

describe('cli: progress on a pipe', () => {
  let tenant: TestTenant;
  let run: TapRun;

  // runTap gives the tap pipes, not a terminal, as Meltano and shell redirections do.
  before(async () => {
    tenant = await startTestTenant();
    run = await runTap(['--config', tenant.configPath]);
  });

  after(() => tenant.stop());

  it('writes no terminal control sequences', () => {
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.not.include('\u001b');
  });

  it('logs each stream as lines', () => {
    for (const stream of streamDefinitions) expect(run.stderr, stream.name).to.match(new RegExp(`INFO {2}${stream.name}: sync finished records=\\d+`));
  });
});
