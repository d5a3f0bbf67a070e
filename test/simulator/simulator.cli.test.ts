import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { expect } from 'chai';

import { packageRoot } from '../../src/package-root.js';

const CLI = join(packageRoot, 'dist', 'src', 'simulator', 'cli.js');

/** Spawns the CLI and resolves with the parsed first stdout line. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; accessKey: string; stderr: string[] }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => stderr.push(line));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [firstLine] = (await once(lines, 'line')) as [string];
  const { url, accessKey } = JSON.parse(firstLine);
  return { child, url, accessKey, stderr };
}

describe('simulator cli', () => {
  let running: Awaited<ReturnType<typeof startCli>>;
  const queryBody = JSON.stringify({ select: ['Gsid', 'Name'], limit: 2 });

  before(async () => {
    running = await startCli(['--port', '0', '--seed', '42', '--scale', '100', '--access-key', 'cli-key']);
  });
  after(() => {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
  });

  it('prints the URL line first', () => {
    expect(running.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.accessKey).to.equal('cli-key');
  });

  it('answers a query with the key', async () => {
    const response = await fetch(`${running.url}/v1/data/objects/query/Company`, {
      method: 'POST',
      headers: { accesskey: running.accessKey, 'content-type': 'application/json' },
      body: queryBody,
    });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { data: { records: unknown[] } };
    expect(body.data.records).to.have.length(2);
  });

  it('answers 401 without the key', async () => {
    const response = await fetch(`${running.url}/v1/data/objects/query/Company`, { method: 'POST', body: queryBody });
    expect(response.status).to.equal(401);
  });

  it('logs requests to stderr', async () => {
    await fetch(`${running.url}/v1/meta/services/objects/list`, { headers: { accesskey: running.accessKey } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running.stderr.some((line) => /^GET \/v1\/meta\/services\/objects\/list 200 \d+ms$/.test(line))).to.equal(true);
  });

  it('exits 0 on SIGTERM', async () => {
    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).to.equal(0);
  });

  it('exits 0 on SIGINT', async () => {
    const other = await startCli(['--scale', '10']);
    const exited = once(other.child, 'exit');
    other.child.kill('SIGINT');
    const [code] = await exited;
    expect(code).to.equal(0);
  });

  it('documents every option in --help', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    for (const option of ['--port', '--seed', '--scale', '--access-key', '--date-format', '--envelope', '--empty-result', '--filter-grain', '--rate-limit', '--latency', '--omit-fields']) {
      expect(help).to.contain(option);
    }
  });

  it('rejects an invalid option value in one line', () => {
    const result = spawnSync(process.execPath, [CLI, '--scale', 'lots'], { encoding: 'utf8' });
    expect(result.status).to.not.equal(0);
    expect(result.stdout).to.equal('');
    expect(result.stderr.trim().split('\n')).to.have.length(1);
    expect(result.stderr).to.contain('--scale');
  });

  it('rejects an unknown omitted field in one line', () => {
    const result = spawnSync(process.execPath, [CLI, '--omit-fields', 'Company.Nope'], { encoding: 'utf8' });
    expect(result.status).to.equal(1);
    expect(result.stderr.trim().split('\n')).to.have.length(1);
    expect(result.stderr).to.contain('Company.Nope');
  });
});
