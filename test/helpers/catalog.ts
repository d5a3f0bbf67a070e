import { readFileSync } from 'node:fs';
import { catalogSamplePath } from '../../scripts/generate-samples.js';

/** A Singer catalog as discover writes it, typed as far as tests edit it. */
export interface TestCatalog {
  streams: Array<{
    tap_stream_id: string;
    schema: { properties: Record<string, unknown> };
    metadata: Array<{ breadcrumb: string[]; metadata: Record<string, unknown> }>;
  }>;
}

/** Returns the sample catalog (discover's output at seed 42) with only the named streams selected. */
export function sampleCatalogSelecting(streams: readonly string[]): TestCatalog {
  const catalog = JSON.parse(readFileSync(catalogSamplePath, 'utf8')) as TestCatalog;
  for (const stream of catalog.streams) {
    const top = stream.metadata.find((entry) => entry.breadcrumb.length === 0) as { metadata: Record<string, unknown> };
    top.metadata.selected = streams.includes(stream.tap_stream_id);
  }
  return catalog;
}
