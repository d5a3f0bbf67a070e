import { expect } from 'chai';
import { loadObject, onlyProblemOf, testKey } from './helpers.js';

const base = { domain: 'acme', credentials: { access_token: testKey } };

// Each numeric setting with its range and default.
const ranges: [setting: string, minimum: number, maximum: number, defaultValue: number][] = [
  ['page_size', 1, 5000, 5000],
  ['request_timeout_seconds', 1, 3600, 120],
  ['max_retries', 0, 20, 6],
  ['requests_per_minute', 1, 10000, 95],
  ['max_concurrent_requests', 1, 32, 8],
];

describe('config numbers', () => {
  it('applies every default', () => {
    const config = loadObject(base);
    expect(config.pageSize).to.equal(5000);
    expect(config.requestTimeoutMs).to.equal(120_000);
    expect(config.maxRetries).to.equal(6);
    expect(config.requestsPerMinute).to.equal(95);
    expect(config.maxConcurrentRequests).to.equal(8);
  });

  it('reads every setting', () => {
    const config = loadObject({
      ...base,
      page_size: 250,
      request_timeout_seconds: 30,
      max_retries: 2,
      requests_per_minute: 60,
      max_concurrent_requests: 3,
    });
    expect(config.pageSize).to.equal(250);
    expect(config.requestTimeoutMs).to.equal(30_000);
    expect(config.maxRetries).to.equal(2);
    expect(config.requestsPerMinute).to.equal(60);
    expect(config.maxConcurrentRequests).to.equal(3);
  });

  for (const [setting, minimum, maximum, defaultValue] of ranges) {
    it(`accepts ${setting} bounds`, () => {
      expect(() => loadObject({ ...base, [setting]: minimum })).not.to.throw();
      expect(() => loadObject({ ...base, [setting]: maximum })).not.to.throw();
    });

    it(`rejects ${setting} below ${minimum}`, () => {
      const problem = onlyProblemOf({ ...base, [setting]: minimum - 1 });
      expect(problem).to.match(
        new RegExp(`^${setting} ${minimum - 1} \\(set in .*\\) is out of range\\.`),
      );
      expect(problem).to.include(
        `Write a whole number from ${minimum} to ${maximum}, or leave it out to use ${defaultValue}.`,
      );
    });

    it(`rejects ${setting} above ${maximum}`, () => {
      const problem = onlyProblemOf({ ...base, [setting]: maximum + 1 });
      expect(problem).to.match(
        new RegExp(`^${setting} ${maximum + 1} \\(set in .*\\) is out of range\\.`),
      );
    });
  }

  it('rejects a fraction', () => {
    const problem = onlyProblemOf({ ...base, page_size: 100.5 });
    expect(problem).to.match(
      /^page_size 100\.5 \(set in .*\) is a number, but it must be a whole number\./,
    );
  });

  it('rejects a quoted number', () => {
    const problem = onlyProblemOf({ ...base, page_size: '100' });
    expect(problem).to.match(
      /^page_size "100" \(set in .*\) is a string, but it must be a whole number\. Write 100 without quotes\.$/,
    );
  });

  it('rejects a word', () => {
    const problem = onlyProblemOf({ ...base, max_retries: 'many' });
    expect(problem).to.match(
      /is a string, but it must be a whole number\. Write a whole number from 0 to 20/,
    );
  });

  it('rejects null', () => {
    const problem = onlyProblemOf({ ...base, page_size: null });
    expect(problem).to.match(
      /^page_size null \(set in .*\) is null, but it must be a whole number\./,
    );
  });

  it('rejects a boolean', () => {
    const problem = onlyProblemOf({ ...base, max_concurrent_requests: true });
    expect(problem).to.match(
      /^max_concurrent_requests true \(set in .*\) is a boolean, but it must be a whole number\./,
    );
  });
});
