import { expect } from 'chai';
import { checkRequest, isLoopbackHost } from '../../src/client/endpoints.js';
import { parseJsonBody, parseQueryBody, restoreExactNumbers, stringifyChangedRecord, stringifyRecord } from '../../src/client/json-body.js';
import { backoffDelay, parseRetryAfter } from '../../src/client/retry-policy.js';
import { UnsafeRequestError } from '../../src/errors/index.js';

const base = new URL('https://acme.gainsightcloud.com');

describe('client: allow-list', () => {
  it('allows the query endpoint', () => {
    expect(checkRequest('POST', new URL('/v1/data/objects/query/Company', base), base)).to.equal('query');
  });

  it('allows the batch describe', () => {
    expect(checkRequest('POST', new URL('/v1/meta/services/objects/describe', base), base)).to.equal('describe');
  });

  it('rejects a write path', () => {
    expect(() => checkRequest('POST', new URL('/v1/data/objects/Company', base), base)).to.throw(UnsafeRequestError);
  });

  it('rejects a delete on the query path', () => {
    expect(() => checkRequest('DELETE', new URL('/v1/data/objects/query/Company', base), base)).to.throw(UnsafeRequestError);
  });

  it('rejects another host', () => {
    expect(() => checkRequest('POST', new URL('https://evil.example/v1/data/objects/query/Company'), base)).to.throw(UnsafeRequestError, /evil\.example/);
  });

  it('rejects plain http to a remote host', () => {
    const remote = new URL('http://acme.gainsightcloud.com');
    expect(() => checkRequest('POST', new URL('/v1/data/objects/query/Company', remote), remote)).to.throw(UnsafeRequestError, /https/);
  });

  it('allows plain http to loopback', () => {
    const local = new URL('http://127.0.0.1:8080');
    expect(checkRequest('POST', new URL('/v1/data/objects/query/Company', local), local)).to.equal('query');
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.9.9.9', '[::1]'].every(isLoopbackHost)).to.equal(true);
    expect(['128.0.0.1', 'localhost.example', '10.0.0.1'].some(isLoopbackHost)).to.equal(false);
  });
});

describe('client: JSON bodies', () => {
  const roundTrip = (text: string) => restoreExactNumbers(JSON.stringify(parseJsonBody(text).value));

  it('keeps every digit of a field above 2^53', () => {
    expect(roundTrip('{"data":{"records":[{"Big":9007199254740993,"Arr":1.5}]}}')).to.equal('{"data":{"records":[{"Big":9007199254740993,"Arr":1.5}]}}');
  });

  it('keeps every digit of a long decimal', () => {
    expect(roundTrip('{"Rate":0.12345678901234567891}')).to.equal('{"Rate":0.12345678901234567891}');
  });

  it('keeps every digit inside an array', () => {
    expect(roundTrip('{"Ids":[12345678901234567890,1]}')).to.equal('{"Ids":[12345678901234567890,1]}');
  });

  it('leaves long digit runs in strings alone', () => {
    const text = '{"Note":"ref,\\"A\\":12345678901234567890, ok","Big":12345678901234567890}';
    expect((parseJsonBody(text).value as { Note: string }).Note).to.equal('ref,"A":12345678901234567890, ok');
    expect(roundTrip(text)).to.equal(text);
  });

  it('keeps safe numbers as numbers', () => {
    const parsed = parseJsonBody('{"Arr":125000.57,"Id":"12345678901234567890"}');
    expect((parsed.value as { Arr: unknown }).Arr).to.equal(125000.57);
    expect((parsed.value as { Id: unknown }).Id).to.equal('12345678901234567890');
  });

  it('marks a body that holds unsafe numbers', () => {
    expect(parseJsonBody('{"records":[{"Big":12345678901234567890,"Small":1}]}').exactNumbers).to.equal('anywhere');
  });

  it('marks nothing in a body of safe numbers', () => {
    expect(parseJsonBody('{"Small":1,"Date":"2024-02-05T08:34:35.253Z"}').exactNumbers).to.equal(undefined);
  });

  it('restores markers per record in named fields', () => {
    const parsed = parseJsonBody('{"records":[{"Big":12345678901234567890},{"Big":1}]}');
    const records = (parsed.value as { records: Array<Record<string, unknown>> }).records;
    expect(records.map((record) => stringifyRecord(record, parsed.exactNumbers))).to.deep.equal(['{"Big":12345678901234567890}', '{"Big":1}']);
  });

  it('throws on a truncated body', () => {
    expect(() => parseJsonBody('{"result":true,"data":{"records":[{"Gsid":"1P0')).to.throw(SyntaxError);
  });

  it('throws on a truncated long number', () => {
    expect(() => parseJsonBody('{"Big":12345678901234567890')).to.throw(SyntaxError);
  });
});

describe('client: query bodies', () => {
  const body = (records: string) => `{"result":true,"data":{"records":[${records}]}}`;
  const parse = (text: string, firstField = 'Gsid') => {
    const parsed = parseQueryBody(text, Buffer.from(text), firstField);
    const data = (parsed.value as { data: Array<Record<string, unknown>> | { records: Array<Record<string, unknown>> } }).data;
    return { parsed, records: Array.isArray(data) ? data : data.records };
  };
  // Serializes as the output does: a kept text when there is one, else the record itself.
  const written = (text: string, firstField = 'Gsid') => {
    const { parsed, records } = parse(text, firstField);
    return records.map((record, index) => parsed.recordSources?.[index]?.toString() ?? stringifyRecord(record, parsed.exactNumbers));
  };

  it('keeps each record text as sent', () => {
    const text = body('{"Gsid":"A","Big":9007199254740993},{"Gsid":"B","Big":7}, {"Gsid":"C","Note":"x}]y"}');
    expect(parse(text).parsed.recordSources?.map(String)).to.deep.equal(['{"Gsid":"A","Big":9007199254740993}', '{"Gsid":"B","Big":7}', '{"Gsid":"C","Note":"x}]y"}']);
  });

  it('reads records in a bare data list', () => {
    expect(parse('{"result":true,"data":[{"Gsid":"A","Big":9007199254740993}]}').parsed.recordSources?.map(String)).to.deep.equal(['{"Gsid":"A","Big":9007199254740993}']);
  });

  it('cuts records with multi-byte characters', () => {
    const text = body('{"Gsid":"A","Name":"株式会社 Zoë 😀"},{"Gsid":"B","Name":"x"}');
    expect(parse(text).parsed.recordSources?.map(String)).to.deep.equal(['{"Gsid":"A","Name":"株式会社 Zoë 😀"}', '{"Gsid":"B","Name":"x"}']);
  });

  it('cuts nothing from a body that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(body('{"Gsid":"A","Name":"')), Buffer.from([0xff]), Buffer.from('"}]}}')]);
    expect(parseQueryBody(bytes.toString('utf8'), bytes, 'Gsid').recordSources).to.equal(undefined);
  });

  it('cuts no texts from a body with line breaks', () => {
    const text = '{"result":true,"data":{"records":[\n{"Gsid":"A","Big":9007199254740993}\n]}}';
    expect(parse(text).parsed.recordSources).to.equal(undefined);
    expect(written(text)).to.deep.equal(['{"Gsid":"A","Big":9007199254740993}']);
  });

  it('stays exact when records start with another field', () => {
    expect(written(body('{"Name":"A","Big":9007199254740993}'), 'Gsid')).to.deep.equal(['{"Name":"A","Big":9007199254740993}']);
  });

  it('keeps exact digits when texts cannot be cut', () => {
    const text = '{"result":true,"data":{"records":[\n{"Gsid":"A","Big":9007199254740993}]}}';
    expect(parse(text).parsed.exactNumbers).to.equal('records');
  });

  it('leaves look-alike digits in strings alone', () => {
    const text = '{"result":true,"data":[{"Name":"A","Note":"x,\\"Big\\":12345678901234567890","Big":12345678901234567891}]}';
    expect(written(text)).to.deep.equal(['{"Name":"A","Note":"x,\\"Big\\":12345678901234567890","Big":12345678901234567891}']);
  });

  it('stays exact for long numbers in arrays', () => {
    expect(written(body('{"Name":"A","Ids":[12345678901234567890]}'))).to.deep.equal(['{"Name":"A","Ids":[12345678901234567890]}']);
  });
});

describe('client: changed records', () => {
  it('takes long numbers from the record text', () => {
    const record = { Gsid: 'A', Big: 9007199254740992, Day: '2024-01-01' };
    expect(stringifyChangedRecord(record, Buffer.from('{"Gsid":"A","Big":9007199254740993,"Day":""}'))).to.equal('{"Gsid":"A","Big":9007199254740993,"Day":"2024-01-01"}');
  });

  it('keeps changed values of a record with nested long numbers', () => {
    const record = { Gsid: 'A', Ids: [12345678901234567000], Day: null };
    expect(stringifyChangedRecord(record, Buffer.from('{"Gsid":"A","Ids":[12345678901234567890],"Day":""}'))).to.equal('{"Gsid":"A","Ids":[12345678901234567890],"Day":null}');
  });

  it('serializes a record without long numbers', () => {
    expect(stringifyChangedRecord({ Gsid: 'A', Day: null }, Buffer.from('{"Gsid":"A","Day":""}'))).to.equal('{"Gsid":"A","Day":null}');
  });
});

describe('client: retry timing', () => {
  it('reads Retry-After seconds', () => expect(parseRetryAfter('2')).to.equal(2000));

  it('reads a Retry-After HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).to.equal(5000);
  });

  it('ignores an unreadable Retry-After', () => expect(parseRetryAfter('soon')).to.equal(undefined));

  it('doubles the backoff ceiling per attempt', () => {
    const options = { baseMs: 1000, maxMs: 60_000, random: () => 0.999999 };
    expect([1, 2, 3].map((attempt) => Math.round(backoffDelay(attempt, options) / 1000))).to.deep.equal([1, 2, 4]);
  });

  it('keeps at least half the ceiling', () => {
    expect(backoffDelay(3, { baseMs: 1000, maxMs: 60_000, random: () => 0 })).to.equal(2000);
  });

  it('caps the backoff', () => {
    expect(backoffDelay(20, { baseMs: 1000, maxMs: 60_000, random: () => 0.999999 })).to.be.at.most(60_000);
  });
});
