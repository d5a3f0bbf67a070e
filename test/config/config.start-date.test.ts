import { expect } from 'chai';
import { loadConfig } from '../../src/config/index.js';
import { loadObject, onlyProblemOf, testKey, writeConfigFile } from './helpers.js';

const base = { domain: 'acme', credentials: { access_token: testKey } };

const accepted: [startDate: string, instant: string][] = [
  ['2024-01-31T10:20:30Z', '2024-01-31T10:20:30.000Z'],
  ['2024-01-31T10:20:30.123Z', '2024-01-31T10:20:30.123Z'],
  ['2024-01-31T10:20:30+05:30', '2024-01-31T04:50:30.000Z'],
  ['2024-01-31T10:20:30-08:00', '2024-01-31T18:20:30.000Z'],
  ['2024-01-31t10:20:30z', '2024-01-31T10:20:30.000Z'],
  ['2024-01-31 10:20:30Z', '2024-01-31T10:20:30.000Z'],
  ['2024-01-31T10:20:30', '2024-01-31T10:20:30.000Z'],
  ['2024-01-31T10:20:30.5', '2024-01-31T10:20:30.500Z'],
  ['2024-01-31', '2024-01-31T00:00:00.000Z'],
  ['2024-02-29', '2024-02-29T00:00:00.000Z'],
];

const rejected: [startDate: string, expected: RegExp][] = [
  ['yesterday', /is not a valid start date\./],
  ['31/01/2024', /is not a valid start date\./],
  ['2024-01-31T10:20', /is not a valid start date\./],
  ['2024-01-31T10:20:30+0530', /is not a valid start date\./],
  ['2024-01-31T10:20:30 UTC', /is not a valid start date\./],
  ['2024-1-31', /is not a valid start date\./],
  ['2024-13-01', /is not a real date or time\./],
  ['2023-02-29', /is not a real date or time\./],
  ['2024-02-30T00:00:00Z', /is not a real date or time\./],
  ['2024-01-31T25:00:00Z', /is not a real date or time\./],
  ['2024-01-31T10:61:00Z', /is not a real date or time\./],
];

describe('config start_date', () => {
  for (const [startDate, instant] of accepted) {
    it(`reads ${startDate}`, () => {
      expect(loadObject({ ...base, start_date: startDate }).startDate.toISOString()).to.equal(
        instant,
      );
    });
  }

  it('defaults to 30 days before now', () => {
    expect(loadObject(base).startDate.toISOString()).to.equal('2024-05-16T12:00:00.000Z');
  });

  for (const [startDate, expected] of rejected) {
    it(`rejects ${startDate}`, () => {
      const problem = onlyProblemOf({ ...base, start_date: startDate });
      expect(problem).to.include(`start_date ${JSON.stringify(startDate)} (set in `);
      expect(problem).to.match(expected);
    });
  }

  it('gives valid examples', () => {
    const problem = onlyProblemOf({ ...base, start_date: 'yesterday' });
    expect(problem).to.match(
      /Write a value such as "2024-01-31T00:00:00Z" or "2024-01-31", or leave it out for the default\.$/,
    );
  });

  it('gives examples for an impossible date', () => {
    const problem = onlyProblemOf({ ...base, start_date: '2024-02-30' });
    expect(problem).to.include('"2024-01-31T00:00:00Z"');
  });

  it('rejects a number', () => {
    const problem = onlyProblemOf({ ...base, start_date: 20240131 });
    expect(problem).to.match(
      /^start_date 20240131 \(set in .*\) is a number, but it must be a string\./,
    );
  });

  it('defaults from the clock without now', () => {
    const before = Date.now();
    const startDate = loadConfig([writeConfigFile(base)], {}).startDate.getTime();
    const thirtyDays = 30 * 24 * 60 * 60 * 1000;
    expect(startDate).to.be.within(before - thirtyDays, Date.now() - thirtyDays);
  });
});
