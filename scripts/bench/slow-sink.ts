/**
 * A reader of stdin that takes at most BYTES_PER_SECOND, for the benchmark's backpressure run: a
 * tap that ignores backpressure would buffer what this reader has not taken yet.
 *
 *   tap-gainsight ... | node dist/scripts/bench/slow-sink.js 4000000
 */
import { setTimeout as sleep } from 'node:timers/promises';

const bytesPerSecond = Number(process.argv[2] ?? 4_000_000);
const startedAt = Date.now();
let total = 0;

for await (const chunk of process.stdin) {
  total += (chunk as Buffer).length;
  // Ahead of the allowed pace: wait until the clock catches up before reading on.
  const due = startedAt + (total / bytesPerSecond) * 1000;
  if (due > Date.now()) await sleep(due - Date.now());
}
process.stderr.write(`slow sink read ${total} bytes\n`);
