import { expect } from 'chai';
import { floorToSecond, formatFilterInstant, parseCalendarDate, parseInstant, wholeSecondToInstant } from '../../src/dates/instant.js';

describe('dates: parseInstant', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['2024-02-05T08:34:35.253Z', '2024-02-05T08:34:35.253Z'],
    ['2024-02-05T07:17:16Z', '2024-02-05T07:17:16.000Z'],
    ['2024-02-05T10:00:00+05:30', '2024-02-05T04:30:00.000Z'],
    ['2024-02-05T10:00:00-0500', '2024-02-05T15:00:00.000Z'],
    ['2024-02-05 00:00:00', '2024-02-05T00:00:00.000Z'],
    ['2024-02-05T00:00:00', '2024-02-05T00:00:00.000Z'],
    ['2024-02-19', '2024-02-19T00:00:00.000Z'],
    [1521743018667, '2018-03-22T18:23:38.667Z'],
    ['1521743018667', '2018-03-22T18:23:38.667Z'],
    ['', undefined],
    ['next tuesday', undefined],
    ['2024-02-30T00:00:00Z', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ];

  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const parsed = parseInstant(input);
      expect(parsed === undefined ? undefined : new Date(parsed).toISOString()).to.equal(expected);
    });
  }

  it('reads values without a zone as UTC', () => {
    expect(parseInstant('2024-06-01T12:00:00')).to.equal(Date.UTC(2024, 5, 1, 12));
  });
});

describe('dates: parseCalendarDate', () => {
  it('keeps an ISO date', () => expect(parseCalendarDate('2024-02-19')).to.equal('2024-02-19'));
  it('takes the date part of a date-time as written', () => expect(parseCalendarDate('2024-02-19T23:30:00-05:00')).to.equal('2024-02-19'));
  it('reads epoch milliseconds as a UTC date', () => expect(parseCalendarDate(Date.UTC(2024, 1, 19))).to.equal('2024-02-19'));
  it('reads MM-DD-YYYY', () => expect(parseCalendarDate('03-22-2018')).to.equal('2018-03-22'));
  it('rejects an impossible day', () => expect(parseCalendarDate('2024-02-30')).to.equal(undefined));
  it('rejects the empty string', () => expect(parseCalendarDate('')).to.equal(undefined));
});

describe('dates: filter values', () => {
  it('rounds down to the second', () => expect(floorToSecond(Date.parse('2024-01-01T00:00:05.999Z'))).to.equal(Date.parse('2024-01-01T00:00:05Z')));
  it('formats whole seconds without milliseconds', () => expect(formatFilterInstant(Date.parse('2024-01-01T00:00:05Z'))).to.equal('2024-01-01T00:00:05Z'));
});

describe('dates: wholeSecondToInstant', () => {
  it('adds milliseconds to a whole-second value', () => expect(wholeSecondToInstant('2024-02-05T07:17:16Z')).to.equal('2024-02-05T07:17:16.000Z'));
  it('rejects an impossible day', () => expect(wholeSecondToInstant('2023-02-29T07:17:16Z')).to.equal(undefined));
  it('rejects an impossible hour', () => expect(wholeSecondToInstant('2024-02-05T24:17:16Z')).to.equal(undefined));
  it('rejects an offset', () => expect(wholeSecondToInstant('2024-02-05T07:17:16+01:00')).to.equal(undefined));
  it('rejects milliseconds', () => expect(wholeSecondToInstant('2024-02-05T07:17:16.5Z')).to.equal(undefined));
});
