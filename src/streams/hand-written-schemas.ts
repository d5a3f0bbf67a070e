import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { StreamDefinition } from './definitions.js';
import type { JsonSchema } from './json-schema.js';

const cache = new Map<string, JsonSchema>();

/** Returns a fresh copy of a stream's hand-written schema from `schemas/<stream>.json`. */
export function loadHandWrittenSchema(stream: StreamDefinition): JsonSchema {
  let schema = cache.get(stream.name);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', `${stream.name}.json`), 'utf8')) as JsonSchema;
    cache.set(stream.name, schema);
  }
  return structuredClone(schema);
}
