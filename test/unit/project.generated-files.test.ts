import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFolder, renderStreamTypes } from '../../scripts/generate-types.js';
import { stateSamplePath } from '../../scripts/generate-samples.js';
import { streamDefinitions } from '../../src/streams/definitions.js';
import { readIncrementalBookmark } from '../../src/sync/bookmark.js';
import { readStateValue } from '../../src/sync/sync-state.js';

describe('project: generated files', () => {
  it('keeps the generated types current', async () => {
    for (const [name, source] of await renderStreamTypes()) {
      expect(readFileSync(join(generatedFolder, name), 'utf8'), `src/generated/${name}: run npm run generate:types`).to.equal(source);
    }
  });

  it('keeps a readable sample state', () => {
    const state = readStateValue(JSON.parse(readFileSync(stateSamplePath, 'utf8')), 'state.sample.json');
    for (const stream of streamDefinitions.filter((definition) => definition.replicationKey !== undefined)) {
      const position = readIncrementalBookmark(stream, state.bookmarks[stream.name], (message) => expect.fail(message));
      expect(position, stream.name).to.not.equal(undefined);
    }
  });
});
