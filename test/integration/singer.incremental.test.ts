import { expect } from 'chai';
import { sampleCatalogSelecting } from '../helpers/catalog.js';
import { companyNumbersBeyondDoubles, startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { lastState, makeWorkFolder, parseMessages, recordCounts, runTap, type SingerMessage } from '../helpers/tap-process.js';

const work = makeWorkFolder();

function catalogFor(streams: string[]): string {
  return work.write(`catalog-${streams.join('-')}.json`, sampleCatalogSelecting(streams));
}

function gsidsOf(messages: SingerMessage[], stream: string): string[] {
  return messages.filter((message) => message.type === 'RECORD' && message.stream === stream).map((message) => message.record?.Gsid as string);
}

describe('singer: tie groups', () => {
  let tenant: TestTenant;
  let messages: SingerMessage[];

  before(async () => {
    tenant = await startTestTenant({ scale: 10_000 });
    const run = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies'])]);
    expect(run.code, run.stderr).to.equal(0);
    messages = parseMessages(run.stdout);
  });

  after(() => tenant.stop());

  it('reads a data set with a tie group larger than a page', () => {
    const perInstant = new Map<string, number>();
    for (const message of messages) {
      if (message.type !== 'RECORD') continue;
      const instant = message.record?.ModifiedDate as string;
      perInstant.set(instant, (perInstant.get(instant) ?? 0) + 1);
    }
    expect(Math.max(...perInstant.values())).to.be.greaterThan(5000);
  });

  it('emits every row of the tie group once', async () => {
    const gsids = gsidsOf(messages, 'companies');
    expect(new Set(gsids).size).to.equal(gsids.length);
    expect(gsids.length).to.equal(await tenant.control.count('Company'));
  });
});

describe('singer: changes and interruptions', () => {
  let tenant: TestTenant;
  let everything: string[];

  before(async () => {
    tenant = await startTestTenant({ scale: 400 }, { page_size: 50 });
    const run = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies'])]);
    everything = gsidsOf(parseMessages(run.stdout), 'companies');
  });

  after(() => tenant.stop());

  it('loses no row updated while the sync runs', async () => {
    // The first row is emitted before the change; the last one is not yet read when it changes.
    const [early, late] = [everything[0] as string, everything[everything.length - 1] as string];
    let changed: Promise<unknown> | undefined;
    const first = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies'])], {
      onStdout: (chunk) => {
        if (changed === undefined && chunk.includes('"type":"RECORD"')) {
          changed = Promise.all([
            tenant.control.update('Company', early, { Name: 'Changed early' }),
            tenant.control.update('Company', late, { Name: 'Changed late' }),
          ]);
        }
      },
    });
    await changed;
    const firstMessages = parseMessages(first.stdout);
    const second = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies']), '--state', work.write('mid-state.json', lastState(firstMessages))]);
    const secondMessages = parseMessages(second.stdout);

    const union = new Set([...gsidsOf(firstMessages, 'companies'), ...gsidsOf(secondMessages, 'companies')]);
    expect(union.size).to.equal(everything.length);
    const names = [...firstMessages, ...secondMessages].filter((message) => message.type === 'RECORD').map((message) => message.record?.Name);
    expect(names).to.include.members(['Changed early', 'Changed late']);
  });

  for (const stateNumber of [1, 3, 6]) {
    it(`resumes after SIGKILL at STATE ${stateNumber} without losing rows`, async () => {
      let states = 0;
      const killed = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies'])], {
        onStdout: (chunk, child) => {
          states += chunk.split('"type":"STATE"').length - 1;
          if (states >= stateNumber) child.kill('SIGKILL');
        },
      });
      expect(killed.signal).to.equal('SIGKILL');

      // Only complete lines count: a killed process may leave half a line.
      const complete = killed.stdout.slice(0, killed.stdout.lastIndexOf('\n') + 1);
      const before = parseMessages(complete);
      const state = lastState(before);
      const resumed = await runTap([
        '--config',
        tenant.configPath,
        '--catalog',
        catalogFor(['companies']),
        ...(state ? ['--state', work.write(`kill-${stateNumber}.json`, state)] : []),
      ]);
      expect(resumed.code, resumed.stderr).to.equal(0);

      const union = new Set([...gsidsOf(before, 'companies'), ...gsidsOf(parseMessages(resumed.stdout), 'companies')]);
      for (const gsid of everything) expect(union.has(gsid), gsid).to.equal(true);
    });
  }
});

describe('singer: values', () => {
  it('keeps every digit of numbers above 2^53', async () => {
    const tenant = await startTestTenant({ scale: 1000 });
    try {
      const big = await companyNumbersBeyondDoubles(tenant.simulator);
      expect(big, 'the simulator serves numbers above 2^53').to.not.be.empty;

      const run = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies'])]);
      for (const digits of big) expect(run.stdout).to.include(`:${digits}`);
    } finally {
      await tenant.stop();
    }
  });

  it('gives identical records in epoch and ISO date modes', async () => {
    const records: Array<Map<string, string>> = [];
    for (const dateFormat of ['iso', 'epoch'] as const) {
      const tenant = await startTestTenant({ scale: 300, dateFormat });
      try {
        const run = await runTap(['--config', tenant.configPath]);
        expect(run.code, run.stderr).to.equal(0);
        const byKey = new Map<string, string>();
        for (const message of parseMessages(run.stdout)) {
          if (message.type === 'RECORD') byKey.set(`${message.stream}/${String(message.record?.Gsid)}`, JSON.stringify(message.record));
        }
        records.push(byKey);
      } finally {
        await tenant.stop();
      }
    }
    expect(records[0]?.size).to.be.greaterThan(0);
    // Streams run side by side, so records arrive in a different order each run: compare sorted.
    const sorted = (map: Map<string, string> | undefined) => [...(map ?? [])].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(records[1])).to.deep.equal(sorted(records[0]));
  });
});

describe('singer: API readings', () => {
  const modes = [
    { envelope: 'list' as const },
    { emptyResult: 'no-data' as const },
    { emptyResult: 'gsobj-1011' as const },
    { filterGrain: 'second' as const },
  ];

  for (const mode of modes) {
    it(`syncs every row once and then none with ${JSON.stringify(mode)}`, async () => {
      const tenant = await startTestTenant({ scale: 10_000, ...mode }, { page_size: 2000 });
      try {
        const first = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies', 'da_picklist'])]);
        expect(first.code, first.stderr).to.equal(0);
        const messages = parseMessages(first.stdout);
        const gsids = gsidsOf(messages, 'companies');
        expect(gsids.length).to.equal(await tenant.control.count('Company'));
        expect(new Set(gsids).size).to.equal(gsids.length);

        const second = await runTap(['--config', tenant.configPath, '--catalog', catalogFor(['companies']), '--state', work.write('modes-state.json', lastState(messages))]);
        expect(second.code, second.stderr).to.equal(0);
        expect(recordCounts(parseMessages(second.stdout)).companies ?? 0).to.equal(0);
      } finally {
        await tenant.stop();
      }
    });
  }
});
