import { randomInt } from 'node:crypto';
import { expect } from 'chai';
import { Random } from '../../src/simulator/random.js';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { lastState, makeWorkFolder, parseMessages, runTap, type SingerMessage } from '../helpers/tap-process.js';

const work = makeWorkFolder();

/** Adds the Gsids of a run's records to `into`, per stream. */
function collectGsids(messages: SingerMessage[], into: Map<string, Set<string>>): void {
  for (const message of messages) {
    if (message.type !== 'RECORD') continue;
    const gsids = into.get(message.stream as string) ?? new Set<string>();
    gsids.add(message.record?.Gsid as string);
    into.set(message.stream as string, gsids);
  }
}

describe('singer: SIGKILL and resume', () => {
  let tenant: TestTenant;
  const everything = new Map<string, Set<string>>();
  let linesPerRun = 0;

  before(async () => {
    // Small pages give each run about a hundred STATEs to be killed between. A run makes about as
    // many calls, so the limit is raised above the default 95 a minute, which would delay it.
    tenant = await startTestTenant({ scale: 200 }, { page_size: 20, requests_per_minute: 10_000 });
    const run = await runTap(['--config', tenant.configPath]);
    expect(run.code, run.stderr).to.equal(0);
    collectGsids(parseMessages(run.stdout), everything);
    linesPerRun = run.stdout.split('\n').length - 1;
  });

  after(() => tenant.stop());

  it('starts from a data set with all seven streams', async () => {
    for (const stream of streamDefinitions) {
      expect(everything.get(stream.name)?.size, stream.name).to.equal(await tenant.control.count(stream.objectName));
    }
  });

  for (const chain of [1, 2]) {
    it(`loses no record over four random kills (chain ${chain})`, async () => {
      const seed = randomInt(1, 2 ** 31);
      const random = new Random(seed);
      const seen = new Map<string, Set<string>>();
      const killPoints: number[] = [];
      let state: unknown;

      for (let kill = 0; kill < 4; kill += 1) {
        const killAfterLines = random.between(1, Math.ceil(linesPerRun / 3));
        let lines = 0;
        const run = await runTap(['--config', tenant.configPath, ...(state ? ['--state', work.write(`state-${seed}-${kill}.json`, state)] : [])], {
          onStdout: (chunk, child) => {
            lines += chunk.split('\n').length - 1;
            if (lines >= killAfterLines) child.kill('SIGKILL');
          },
        });
        if (run.signal !== 'SIGKILL') break;
        killPoints.push(killAfterLines);

        // A killed process may leave half a line; only complete lines count, as a target reads them.
        const messages = parseMessages(run.stdout.slice(0, run.stdout.lastIndexOf('\n') + 1));
        collectGsids(messages, seen);
        state = lastState(messages) ?? state;
      }

      const context = `seed ${seed}, killed after lines ${killPoints.join(', ')}`;
      expect(killPoints.length, context).to.be.greaterThan(0);

      const final = await runTap(['--config', tenant.configPath, ...(state ? ['--state', work.write(`state-${seed}-final.json`, state)] : [])]);
      expect(final.code, `${context}: ${final.stderr}`).to.equal(0);
      collectGsids(parseMessages(final.stdout), seen);

      for (const stream of streamDefinitions) {
        const missing = [...(everything.get(stream.name) ?? [])].filter((gsid) => !seen.get(stream.name)?.has(gsid));
        expect(missing, `${stream.name} rows missing; ${context}`).to.deep.equal([]);
      }
    });
  }
});
