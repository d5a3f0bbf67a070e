import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors/index.js';

/**
 * Reads and parses a JSON input file (catalog or state). `label` names the option it came from,
 * such as `--state`. Each problem is one `ConfigError` line naming the file and what to do.
 */
export function readJsonFile(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = { ENOENT: 'file not found', EISDIR: 'is a folder, not a file', EACCES: 'permission denied' };
    const reason = reasons[code ?? ''] ?? String(code ?? error);
    throw new ConfigError(`${label} ${path}: ${reason}`);
  }

  if (text.trim() === '') throw new ConfigError(`${label} ${path}: the file is empty; it must hold a JSON object`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${label} ${path}: invalid JSON (${(error as Error).message})`);
  }
}
