import { expect } from 'chai';
import { LiveProgressDisplay, type ProgressTerminal } from '../../src/cli/live-progress.js';
import type { StreamProgress } from '../../src/sync/sync-engine.js';

const up = (lines: number) => `\u001b[${lines}A\u001b[J`;

/** Creates a display on a terminal that keeps what is written, with a clock the test moves. */
function makeDisplay(columns?: number) {
  const terminal: ProgressTerminal & { writes: string[] } = { writes: [], write: (text: string) => terminal.writes.push(text), columns };
  const clock = { ms: 1_000_000 };
  const display = new LiveProgressDisplay(terminal, { now: () => clock.ms, redrawIntervalMs: 0 });
  return { terminal, clock, display };
}

function progress(stream: string, fields: Partial<StreamProgress> = {}): StreamProgress {
  return { stream, status: 'running', records: 0, pages: 0, elapsedMs: 0, ...fields };
}

describe('cli: live progress display', () => {
  it('draws a line when a stream starts', () => {
    const { terminal, display } = makeDisplay();
    display.update(progress('companies'));
    expect(terminal.writes).to.deep.equal(['companies            0 records          0 rows/s      0.0 s  running\n']);
  });

  it('shows records, rate and elapsed time', () => {
    const { display } = makeDisplay();
    display.update(progress('companies', { records: 12_000, pages: 3, elapsedMs: 4000 }));
    expect(display.lines()).to.deep.equal(['companies       12,000 records      3,000 rows/s      4.0 s  running']);
  });

  it('counts elapsed time between pages', () => {
    const { clock, display } = makeDisplay();
    display.update(progress('users', { records: 500, elapsedMs: 1000 }));
    clock.ms += 1500;
    expect(display.lines()).to.deep.equal(['users          500 records        200 rows/s      2.5 s  running']);
  });

  it('stops the clock of a finished stream', () => {
    const { clock, display } = makeDisplay();
    display.update(progress('users', { records: 500, elapsedMs: 1000, status: 'complete' }));
    clock.ms += 5000;
    expect(display.lines()).to.deep.equal(['users          500 records        500 rows/s      1.0 s  done']);
  });

  it('pads stream names to one column', () => {
    const { display } = makeDisplay();
    display.update(progress('users'));
    display.update(progress('activity_timelines'));
    expect(display.lines().map((line) => line.indexOf('records'))).to.deep.equal([32, 32]);
  });

  it('redraws the block in place', () => {
    const { terminal, display } = makeDisplay();
    display.update(progress('users'));
    display.update(progress('companies'));
    display.update(progress('users', { status: 'failed' }));

    expect(terminal.writes[1]?.startsWith(up(1))).to.equal(true);
    expect(terminal.writes[2]?.startsWith(up(2))).to.equal(true);
    expect(terminal.writes[2]?.split('\n')).to.have.length(3);
  });

  it('waits for the next tick to draw a page', () => {
    const { terminal, display } = makeDisplay();
    display.update(progress('users'));
    display.update(progress('users', { records: 10, pages: 1 }));
    expect(terminal.writes).to.have.length(1);

    display.stop();
    expect(terminal.writes).to.have.length(2);
    expect(terminal.writes[1]).to.include('   10 records');
  });

  it('writes log lines above the block', () => {
    const { terminal, display } = makeDisplay();
    display.update(progress('users'));
    display.log('INFO  users: sync started');
    expect(terminal.writes[1]).to.equal(`${up(1)}INFO  users: sync started\nusers            0 records          0 rows/s      0.0 s  running\n`);
  });

  it('writes log lines plainly before any stream', () => {
    const { terminal, display } = makeDisplay();
    display.log('INFO  sync plan');
    expect(terminal.writes).to.deep.equal(['INFO  sync plan\n']);
  });

  it('cuts lines to the terminal width', () => {
    const { display } = makeDisplay(23);
    display.update(progress('companies'));
    expect(display.lines()).to.deep.equal(['companies            0']);
  });
});
