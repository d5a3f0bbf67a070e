import { expect } from 'chai';
import { ConfigError } from '../../src/errors/index.js';
import { findStream } from '../../src/streams/definitions.js';
import { incrementalBookmark, laterPosition, readFullTableBookmark, readIncrementalBookmark } from '../../src/sync/bookmark.js';

const companies = findStream('companies')!;
const timeline = findStream('activity_timelines')!;
const picklist = findStream('da_picklist')!;

function read(bookmark: unknown, warnings: string[] = []) {
  return readIncrementalBookmark(companies, bookmark, (message) => warnings.push(message));
}

describe('sync: bookmarks', () => {
  it('reads an RFC 3339 bookmark', () => {
    expect(read({ replication_key: 'ModifiedDate', replication_key_value: '2024-03-01T10:00:00Z' })).to.deep.equal({ fromMs: Date.parse('2024-03-01T10:00:00Z') });
  });

  it('compares offsets as instants', () => {
    const position = read({ replication_key: 'ModifiedDate', replication_key_value: '2024-03-01T12:00:00+02:00' });
    expect(position?.fromMs).to.equal(Date.parse('2024-03-01T10:00:00Z'));
  });

  it('rounds a millisecond bookmark down to its second', () => {
    expect(read({ replication_key_value: '2024-03-01T10:00:00.500Z' })?.fromMs).to.equal(Date.parse('2024-03-01T10:00:00Z'));
  });

  it('reads an epoch-millisecond bookmark', () => {
    expect(read({ replication_key_value: Date.parse('2024-03-01T10:00:00Z') })?.fromMs).to.equal(Date.parse('2024-03-01T10:00:00Z'));
  });

  it('keeps a tie-breaker Gsid', () => {
    expect(read({ replication_key_value: '2024-03-01T10:00:00Z', last_gsid: '1P02AB' })?.lastGsid).to.equal('1P02AB');
  });

  it('drops a tie-breaker written for another instant', () => {
    expect(read({ replication_key_value: '2024-03-01T10:00:00.250Z', last_gsid: '1P02AB' })?.lastGsid).to.equal(undefined);
  });

  it('ignores a bookmark on another key, with a warning', () => {
    const warnings: string[] = [];
    expect(read({ replication_key: 'CreatedDate', replication_key_value: '2024-03-01T10:00:00Z' }, warnings)).to.equal(undefined);
    expect(warnings).to.have.length(1);
  });

  it('rejects an unreadable value', () => {
    expect(() => read({ replication_key_value: 'yesterday' })).to.throw(ConfigError, /replication_key_value/);
  });

  it('rejects a bookmark that is not an object', () => {
    expect(() => read('2024-03-01')).to.throw(ConfigError, /bookmarks\.companies/);
  });

  it('has no position without a bookmark', () => {
    expect(read(undefined)).to.equal(undefined);
  });

  it('writes the stream replication key', () => {
    expect(incrementalBookmark(timeline, { fromMs: Date.parse('2024-03-01T10:00:00Z') })).to.deep.equal({
      replication_key: 'LastModifiedDate',
      replication_key_value: '2024-03-01T10:00:00.000Z',
    });
  });

  it('reads a full-table tie-breaker', () => {
    expect(readFullTableBookmark(picklist, { last_gsid: 'X1' })).to.deep.equal({ lastGsid: 'X1' });
  });
});

describe('sync: laterPosition', () => {
  const at = (iso: string, lastGsid?: string) => ({ fromMs: Date.parse(iso), ...(lastGsid ? { lastGsid } : {}) });

  it('prefers the later instant', () => {
    expect(laterPosition(at('2024-01-01T00:00:01Z'), at('2024-01-01T00:00:02Z'))).to.deep.equal(at('2024-01-01T00:00:02Z'));
  });

  it('never moves an instant backwards', () => {
    expect(laterPosition(at('2024-01-01T00:00:05Z'), at('2024-01-01T00:00:02Z', 'Z'))).to.deep.equal(at('2024-01-01T00:00:05Z'));
  });

  it('counts a tie-breaker as progress within a second', () => {
    expect(laterPosition(at('2024-01-01T00:00:01Z'), at('2024-01-01T00:00:01Z', 'B'))).to.deep.equal(at('2024-01-01T00:00:01Z', 'B'));
  });

  it('prefers the later tie-breaker', () => {
    expect(laterPosition(at('2024-01-01T00:00:01Z', 'C'), at('2024-01-01T00:00:01Z', 'B'))).to.deep.equal(at('2024-01-01T00:00:01Z', 'C'));
  });
});
