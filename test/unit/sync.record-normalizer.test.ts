import { expect } from 'chai';
import { createLogger } from '../../src/logging/logger.js';
import type { ValueKind } from '../../src/streams/field-types.js';
import { RecordNormalizer } from '../../src/sync/record-normalizer.js';

const kinds = new Map<string, ValueKind>([
  ['ModifiedDate', 'date-time'],
  ['RenewalDate', 'date'],
  ['Arr', 'number'],
  ['Name', 'string'],
]);

function normalize(record: Record<string, unknown>, warnings: string[] = []) {
  const logger = createLogger({ level: 'warn', sink: (_level, text) => warnings.push(text), timestamps: false });
  new RecordNormalizer([...kinds.keys()], kinds, logger).normalize(record);
  return record;
}

describe('sync: record normalisation', () => {
  it('writes epoch milliseconds as RFC 3339 UTC', () => {
    expect(normalize({ ModifiedDate: 1707122075253 }).ModifiedDate).to.equal('2024-02-05T08:34:35.253Z');
  });

  it('adds milliseconds to whole-second ISO values', () => {
    expect(normalize({ ModifiedDate: '2024-02-05T07:17:16Z' }).ModifiedDate).to.equal('2024-02-05T07:17:16.000Z');
  });

  it('converts offsets to UTC', () => {
    expect(normalize({ ModifiedDate: '2024-02-05T09:17:16+02:00' }).ModifiedDate).to.equal('2024-02-05T07:17:16.000Z');
  });

  it('turns empty-string dates into null', () => {
    expect(normalize({ ModifiedDate: '', RenewalDate: '' })).to.deep.equal({ ModifiedDate: null, RenewalDate: null });
  });

  it('writes epoch dates as calendar dates', () => {
    expect(normalize({ RenewalDate: Date.UTC(2024, 1, 19) }).RenewalDate).to.equal('2024-02-19');
  });

  it('gives identical output for epoch and ISO answers', () => {
    const fromEpoch = normalize({ ModifiedDate: Date.UTC(2024, 1, 5, 7, 17, 16), RenewalDate: Date.UTC(2024, 1, 19) });
    const fromIso = normalize({ ModifiedDate: '2024-02-05T07:17:16Z', RenewalDate: '2024-02-19' });
    expect(fromEpoch).to.deep.equal(fromIso);
  });

  it('leaves numbers and strings alone', () => {
    expect(normalize({ Arr: 125000.57, Name: '' })).to.deep.equal({ Arr: 125000.57, Name: '' });
  });

  it('passes an unreadable date on, warning once', () => {
    const warnings: string[] = [];
    expect(normalize({ ModifiedDate: 'soon' }, warnings).ModifiedDate).to.equal('soon');
    expect(warnings).to.have.length(1);
  });
});
