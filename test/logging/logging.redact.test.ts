import { expect } from 'chai';
import { Secret } from '../../src/config/index.js';
import { redact } from '../../src/logging/redact.js';

describe('logging redact', () => {
  it('replaces every occurrence', () => {
    expect(redact('key abc and abc again', ['abc'])).to.equal(
      'key [redacted] and [redacted] again',
    );
  });

  it('accepts a Secret', () => {
    expect(redact('header: s3cr3t', [new Secret('s3cr3t')])).to.equal('header: [redacted]');
  });

  it('replaces several secrets', () => {
    expect(redact('one two three', ['one', 'three'])).to.equal('[redacted] two [redacted]');
  });

  it('replaces the JSON-escaped form', () => {
    const secret = 'a"b\\c';
    const body = JSON.stringify({ error: `bad key ${secret}` });
    expect(redact(body, [secret])).to.equal('{"error":"bad key [redacted]"}');
  });

  it('replaces the URL-encoded form', () => {
    expect(redact('GET /x?key=a%2Fb%3D', ['a/b='])).to.equal('GET /x?key=[redacted]');
  });

  it('replaces the longest form first', () => {
    expect(redact('abcd', ['ab', 'abcd'])).to.equal('[redacted]');
  });

  it('ignores an empty secret', () => {
    expect(redact('text', [''])).to.equal('text');
  });

  it('leaves text without secrets unchanged', () => {
    expect(redact('plain text', [])).to.equal('plain text');
  });
});
