import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';

/** Path of the built CLI, run as a user runs it. */
export const tapBin = join(packageRoot, 'dist', 'src', 'cli', 'tap-gainsight.js');

export interface TapRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface TapRunOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with each stdout chunk; may kill the child. */
  onStdout?: (chunk: string, child: ReturnType<typeof spawn>) => void;
  /** Called with each stderr chunk; may kill the child. */
  onStderr?: (chunk: string, child: ReturnType<typeof spawn>) => void;
  /** Copies the tap's log lines to this process's stderr as they come. */
  echoStderr?: boolean;
  timeoutMs?: number;
}

/** Runs `tap-gainsight` with arguments and collects its output and exit status. */
export function runTap(args: string[], options: TapRunOptions = {}): Promise<TapRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tapBin, ...args], {
      env: { ...process.env, LOG_LEVEL: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, child);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (options.echoStderr) process.stderr.write(chunk);
      options.onStderr?.(chunk, child);
    });

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tap-gainsight ${args.join(' ')} timed out; stderr:\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Creates a temporary folder for one test file's configs, catalogs and states. */
export function makeWorkFolder(): { folder: string; write(name: string, content: unknown): string } {
  const folder = mkdtempSync(join(tmpdir(), 'tap-gainsight-test-'));
  return {
    folder,
    write(name: string, content: unknown): string {
      const path = join(folder, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path;
    },
  };
}

/** A parsed Singer message. */
export interface SingerMessage {
  type: string;
  stream?: string;
  record?: Record<string, unknown>;
  schema?: Record<string, unknown>;
  key_properties?: string[];
  bookmark_properties?: string[];
  time_extracted?: string;
  value?: { bookmarks: Record<string, Record<string, unknown>>; currently_syncing: string | null };
}

/** Parses Singer output, one message per line; throws on a line that is not JSON. */
export function parseMessages(stdout: string): SingerMessage[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as SingerMessage;
      } catch {
        throw new Error(`stdout line ${index + 1} is not JSON: ${line.slice(0, 200)}`);
      }
    });
}

/** Counts RECORD messages per stream. */
export function recordCounts(messages: SingerMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of messages) if (message.type === 'RECORD') counts[message.stream as string] = (counts[message.stream as string] ?? 0) + 1;
  return counts;
}

/** Returns the value of the last STATE message. */
export function lastState(messages: SingerMessage[]): SingerMessage['value'] {
  const states = messages.filter((message) => message.type === 'STATE');
  return states[states.length - 1]?.value;
}
