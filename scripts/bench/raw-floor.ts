/**
 * The raw floor of the benchmark: the least work any tap must do to read a stream. It requests
 * the same pages as the tap (same select, same page size, same filter and order, paged by
 * offset), parses each body with JSON.parse and writes each record as one JSON line to stdout.
 * It keeps no state, checks nothing and normalises nothing.
 *
 *   node dist/scripts/bench/raw-floor.js URL ACCESS_KEY OBJECT REPLICATION_KEY FIELD,FIELD,... PAGE_SIZE FROM TO
 */
import { once } from 'node:events';
import http from 'node:http';
import fetch from 'node-fetch';

const [url, accessKey, objectName, replicationKey, fields, pageSize, from, to] = process.argv.slice(2) as string[];
const agent = new http.Agent({ keepAlive: true });
const limit = Number(pageSize);

for (let offset = 0; ; offset += limit) {
  const response = await fetch(`${url}/v1/data/objects/query/${objectName}`, {
    method: 'POST',
    agent,
    headers: { accesskey: accessKey as string, 'content-type': 'application/json' },
    body: JSON.stringify({
      select: (fields as string).split(','),
      where: {
        conditions: [
          { name: replicationKey, alias: 'A', operator: 'GTE', value: [from] },
          { name: replicationKey, alias: 'B', operator: 'LT', value: [to] },
        ],
        expression: 'A AND B',
      },
      orderBy: { [replicationKey as string]: 'asc', Gsid: 'asc' },
      limit,
      offset,
    }),
  });
  const records = ((await response.json()) as { data: { records: unknown[] } }).data.records;

  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  if (records.length < limit) break;
}
agent.destroy();
