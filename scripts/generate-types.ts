/**
 * Writes `src/generated/*.ts`: one TypeScript interface per stream, generated from the
 * hand-written JSON Schemas in `schemas/` with json-schema-to-typescript.
 *
 * Run it with `npm run generate:types` after changing a schema. The test suite calls
 * `renderStreamTypes()` and fails when the committed files differ from what it returns.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { packageRoot } from '../src/package-root.js';

export const schemasFolder = join(packageRoot, 'schemas');
export const generatedFolder = join(packageRoot, 'src', 'generated');

const banner = `/* This file is generated from schemas/ by \`npm run generate:types\`. Do not edit it by hand. */`;

/** Renders the generated files in memory, keyed by file name. */
export async function renderStreamTypes(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const exports: string[] = [];

  for (const schemaFile of readdirSync(schemasFolder).filter((name) => name.endsWith('.json')).sort()) {
    const stream = schemaFile.replace(/\.json$/, '');
    const schema = JSON.parse(readFileSync(join(schemasFolder, schemaFile), 'utf8')) as JSONSchema;
    const typeName = String(schema.title);
    const source = await compile(schema, typeName, { bannerComment: banner, additionalProperties: true });
    files.set(`${stream}.ts`, source);
    exports.push(`export type { ${typeName} } from './${stream}.js';`);
  }

  files.set('index.ts', `${banner}\n\n${exports.join('\n')}\n`);
  return files;
}

async function main(): Promise<void> {
  const files = await renderStreamTypes();
  for (const [name, source] of files) writeFileSync(join(generatedFolder, name), source);
  process.stderr.write(`wrote ${files.size} files to ${generatedFolder}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
