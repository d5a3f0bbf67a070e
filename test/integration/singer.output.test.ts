import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseInstant } from '../../src/dates/instant.js';
import { startTestTenant, type TestTenant } from '../helpers/simulator-control.js';
import { parseMessages, runTap, tapBin, type SingerMessage } from '../helpers/tap-process.js';

describe('singer: state across concurrent streams', () => {
  let tenant: TestTenant;
  let messages: SingerMessage[];

  before(async () => {
    tenant = await startTestTenant({ scale: 300 }, { page_size: 40 });
    const run = await runTap(['--config', tenant.configPath]);
    expect(run.code, run.stderr).to.equal(0);
    messages = parseMessages(run.stdout);
  });

  after(() => tenant.stop());

  it('interleaves the streams', () => {
    const streams = messages.filter((message) => message.type === 'RECORD').map((message) => message.stream);
    const switches = streams.filter((stream, index) => index > 0 && stream !== streams[index - 1]).length;
    expect(switches).to.be.greaterThan(6);
  });

  it('keeps every incremental bookmark in every later STATE', () => {
    const seen = new Map<string, number>();
    for (const [index, message] of messages.entries()) {
      if (message.type !== 'STATE') continue;
      const bookmarks = message.value?.bookmarks ?? {};
      for (const [stream, instant] of seen) {
        const value = bookmarks[stream]?.replication_key_value;
        expect(value, `STATE at line ${index + 1} lacks ${stream}`).to.be.a('string');
        expect(parseInstant(value) as number, `STATE at line ${index + 1} moved ${stream} back`).to.be.at.least(instant);
      }
      for (const [stream, bookmark] of Object.entries(bookmarks)) {
        const value = parseInstant(bookmark.replication_key_value);
        if (value !== undefined) seen.set(stream, value);
      }
    }
    expect(seen.size).to.equal(6);
  });

  it('bookmarks a stream in the STATE after its records', () => {
    let pending = new Set<string>();
    for (const message of messages) {
      if (message.type === 'RECORD' && message.stream !== 'da_picklist') pending.add(message.stream as string);
      if (message.type !== 'STATE') continue;
      for (const stream of pending) expect(message.value?.bookmarks[stream], stream).to.not.equal(undefined);
      pending = new Set();
    }
  });
});

describe('singer: closed stdout', () => {
  let tenant: TestTenant;

  before(async () => {
    tenant = await startTestTenant({ scale: 2000 }, { page_size: 100 });
  });

  after(() => tenant.stop());

  it('ends quietly with status 141', async () => {
    const child = spawn(process.execPath, [tapBin, '--config', tenant.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // The reader takes one chunk and goes away, as `| head -n 1` does.
    child.stdout.once('data', () => child.stdout.destroy());

    const [code] = (await once(child, 'close')) as [number | null];
    expect(code, stderr).to.equal(141);
    expect(stderr).to.include('stopping: stdout was closed by its reader');
    expect(stderr).to.not.match(/internal error|\n\s+at /);
  });
});
