import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the package root, the folder that contains `package.json` and `schemas/`. */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Name, version and description from `package.json`. */
export const packageInfo: { name: string; version: string; description: string } = JSON.parse(
  readFileSync(join(packageRoot, 'package.json'), 'utf8'),
);

// Compiled files sit one or more folders below the root (`dist/src/...`), sources one (`src/...`),
// so the root is found by walking up rather than by a fixed number of `..` steps.
function findPackageRoot(start: string): string {
  let folder = start;
  for (;;) {
    try {
      readFileSync(join(folder, 'package.json'));
      return folder;
    } catch {
      const parent = dirname(folder);
      if (parent === folder) throw new Error(`package.json not found above ${start}`);
      folder = parent;
    }
  }
}
