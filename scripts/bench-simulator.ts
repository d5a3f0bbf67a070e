/**
 * Measures the simulator at a large scale: time from spawning `gainsight-simulator` to its URL
 * line, and the time of five 5000-row query pages of a few shapes, each over real HTTP.
 *
 * Run after `npm run build`: `node dist/scripts/bench-simulator.js [scale]` (default 1,000,000).
 */

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { packageRoot } from '../src/package-root.js';

const scale = Number(process.argv[2] ?? 1_000_000);
const cli = join(packageRoot, 'dist', 'src', 'simulator', 'cli.js');

const spawned = performance.now();
const child = spawn(process.execPath, [cli, '--scale', String(scale)], { stdio: ['ignore', 'pipe', 'ignore'] });
const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const { url, accessKey } = JSON.parse(line) as { url: string; accessKey: string };
console.log(`scale ${scale}: URL line after ${Math.round(performance.now() - spawned)} ms`);

const since = (field: string, instant: string, alias = 'A') => ({ name: field, alias, operator: 'GTE', value: [instant] });
const shapes: Array<[string, string, unknown]> = [
  ['Company by ModifiedDate, Gsid', 'Company', {
    select: ['Gsid', 'Name', 'Industry', 'Arr', 'Employees', 'Csm', 'Tags', 'ModifiedDate', 'ErpAccountNumber__gc'],
    where: { conditions: [since('ModifiedDate', '2024-06-01T00:00:00Z')] },
    orderBy: { ModifiedDate: 'asc', Gsid: 'asc' },
  }],
  ['activity_timeline by LastModifiedDate, Gsid', 'activity_timeline', {
    select: ['Gsid', 'LastModifiedDate', 'ActivityDate', 'Subject', 'Notes', 'GsCompanyId', 'UserName', 'UserEmail'],
    where: { conditions: [since('LastModifiedDate', '2024-01-01T00:00:00Z')] },
    orderBy: { LastModifiedDate: 'asc', Gsid: 'asc' },
  }],
  ['Company tie burst by Gsid', 'Company', {
    select: ['Gsid', 'ModifiedDate', 'Name'],
    where: {
      conditions: [
        since('ModifiedDate', '2024-09-12T14:30:00Z'),
        { name: 'ModifiedDate', alias: 'B', operator: 'LT', value: ['2024-09-12T14:30:01Z'] },
      ],
      expression: 'A AND B',
    },
    orderBy: { Gsid: 'asc' },
  }],
];

for (const [label, objectName, body] of shapes) {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/data/objects/query/${objectName}`, {
      method: 'POST',
      headers: { accesskey: accessKey, 'content-type': 'application/json' },
      body: JSON.stringify({ ...(body as object), limit: 5000 }),
    });
    await response.text();
    times.push(Math.round(performance.now() - started));
  }
  console.log(`${label}: ${times.join(', ')} ms`);
}

child.kill('SIGTERM');
await once(child, 'exit');
