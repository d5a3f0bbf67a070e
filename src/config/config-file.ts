import { readFileSync } from 'node:fs';
import { parse } from 'lossless-json';
import { isJsonObject, type ConfigLayer } from './merge-layers.js';

/** Result of reading one `--config` file: its settings, or the one line that describes its problem. */
export type ConfigFileResult = { ok: true; layer: ConfigLayer } | { ok: false; problem: string };

const example = '{"domain": "acme", "credentials": {"access_token": "..."}}';

/**
 * Reads and parses a config file. Any problem (not found, unreadable, empty, invalid JSON, not an
 * object) becomes one line that names the file and the fix.
 *
 * The file is parsed with lossless-json rather than `JSON.parse`, because V8's syntax errors quote
 * the text around the error, which may be the access key; lossless-json quotes at most the
 * few characters of one escape sequence. It also rejects a key given twice with different values.
 */
export function readConfigFile(path: string): ConfigFileResult {
  const name = `Config file "${path}"`;

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problem: `${name} ${describeReadError(error)}` };
  }

  // Editors on Windows may save UTF-8 with a byte order mark, which is not JSON.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return { ok: false, problem: `${name} is empty. Write one JSON object, such as ${example}.` };
  }

  let values: unknown;
  try {
    values = parse(text, null, (digits) => Number(digits));
  } catch (error) {
    return {
      ok: false,
      problem: `${name} is not valid JSON: ${describeSyntaxError(error, text)}. Fix the JSON at that spot.`,
    };
  }

  if (!isJsonObject(values)) {
    return {
      ok: false,
      problem: `${name} contains ${describeJsonType(values)}, but it must contain one JSON object, such as ${example}.`,
    };
  }

  return { ok: true, layer: { values, originOf: () => path } };
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;

  switch (code) {
    case 'ENOENT':
      return 'was not found. Check the path given to --config.';
    case 'EISDIR':
      return 'is a folder. Give --config the path of a JSON file.';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied. Make it readable by the user that runs the tap.';
    default:
      return `cannot be read (${code ?? String(error)}). Check the path given to --config.`;
  }
}

// Turns lossless-json's "… at position N" into a line and column, and escapes control characters
// it may quote (such as a raw line break inside a string) so the message stays on one line.
function describeSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(.*) at position (\d+)$/s.exec(message);
  const reason = escapeControlCharacters(match ? match[1] : message);
  if (!match) return reason;

  const position = Number(match[2]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}

function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) =>
    JSON.stringify(character).slice(1, -1),
  );
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'JSON null';
  return `a JSON ${typeof value}`;
}
