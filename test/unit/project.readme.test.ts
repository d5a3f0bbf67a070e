import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSettings } from '../../src/config/index.js';
import { packageRoot } from '../../src/package-root.js';
import { streamDefinitions } from '../../src/streams/definitions.js';

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');

describe('project: README', () => {
  it('documents every setting', () => {
    for (const setting of listSettings().filter((entry) => entry.aliasOf === undefined)) {
      expect(readme, setting.name).to.include(`\`${setting.name}\``);
    }
  });

  it('lists every stream with its object', () => {
    for (const stream of streamDefinitions) expect(readme, stream.name).to.include(`| \`${stream.name}\` | \`${stream.objectName}\` |`);
  });
});
