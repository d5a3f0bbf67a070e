import { expect } from 'chai';
import { loadObject, onlyProblemOf, testKey } from './helpers.js';

const credentials = { access_token: testKey };

const accepted: [domain: string, baseUrl: string][] = [
  ['acme', 'https://acme.gainsightcloud.com'],
  ['Acme-Corp', 'https://acme-corp.gainsightcloud.com'],
  ['acme.eu.gainsightcloud.com', 'https://acme.eu.gainsightcloud.com'],
  ['acme.gainsightcloud.com/', 'https://acme.gainsightcloud.com'],
  ['gs.example.com', 'https://gs.example.com'],
  ['gs.example.com:8443', 'https://gs.example.com:8443'],
  ['https://acme.us2.gainsightcloud.com', 'https://acme.us2.gainsightcloud.com'],
  ['https://acme.gainsightcloud.com/', 'https://acme.gainsightcloud.com'],
  ['https://gs.example.com:8443', 'https://gs.example.com:8443'],
  ['HTTPS://ACME.GAINSIGHTCLOUD.COM', 'https://acme.gainsightcloud.com'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['http://127.45.6.7:9000/', 'http://127.45.6.7:9000'],
  ['http://localhost:3000', 'http://localhost:3000'],
  ['http://[::1]:8080', 'http://[::1]:8080'],
  ['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
];

const rejected: [domain: string, expected: RegExp][] = [
  [
    'http://acme.gainsightcloud.com',
    /uses http:\/\/, which is allowed only for loopback hosts .* Write "https:\/\/acme\.gainsightcloud\.com"\.$/,
  ],
  ['http://128.0.0.1:8080', /allowed only for loopback hosts/],
  ['http://localhost.example.com', /allowed only for loopback hosts/],
  [
    'ftp://acme.gainsightcloud.com',
    /uses the scheme "ftp:", which is not supported\. Write "https:\/\/acme\.gainsightcloud\.com"\.$/,
  ],
  [
    'https://acme.gainsightcloud.com/v1',
    /contains a path, query or fragment\. .* write only the host: "https:\/\/acme\.gainsightcloud\.com"\.$/,
  ],
  ['acme.gainsightcloud.com/v1/data', /contains a path, query or fragment/],
  ['https://acme.gainsightcloud.com?x=1', /contains a path, query or fragment/],
  ['https://acme.gainsightcloud.com/?', /contains a path, query or fragment/],
  ['https://acme.gainsightcloud.com#top', /contains a path, query or fragment/],
  [
    'https://admin@acme.gainsightcloud.com',
    /contains user info before "@", which the tap never sends\. Write "https:\/\/acme\.gainsightcloud\.com"/,
  ],
  ['acme_corp', /is not a valid tenant name\. .* such as acme/],
  ['-acme', /is not a valid tenant name/],
  ['acme_corp.example.com', /has an invalid host name "acme_corp\.example\.com"/],
  ['acme..gainsightcloud.com', /has an invalid host name/],
  ['https://', /is not a valid host name or URL\. Write the tenant name/],
  ['acme.com:port', /is not a valid host name or URL/],
  ['acme gainsight', /is not a valid domain\. Write a value such as "acme"/],
  ['', /^domain \(set in .*\) is empty\. Write a value such as "acme"/],
];

describe('config domain', () => {
  for (const [domain, baseUrl] of accepted) {
    it(`accepts ${domain}`, () => {
      expect(loadObject({ domain, credentials }).baseUrl).to.equal(baseUrl);
    });
  }

  it('keeps the domain as given', () => {
    expect(loadObject({ domain: 'Acme', credentials }).domain).to.equal('Acme');
  });

  for (const [domain, expected] of rejected) {
    it(`rejects ${JSON.stringify(domain)}`, () => {
      const problem = onlyProblemOf({ domain, credentials });
      expect(problem).to.match(/^domain /);
      expect(problem).to.match(expected);
    });
  }

  it('quotes a rejected value', () => {
    const problem = onlyProblemOf({ domain: 'http://acme.gainsightcloud.com', credentials });
    expect(problem).to.match(
      /^domain "http:\/\/acme\.gainsightcloud\.com" \(set in .*\) uses http:/,
    );
  });

  it('hides user info', () => {
    const problem = onlyProblemOf({
      domain: 'https://admin:hunter2@acme.gainsightcloud.com',
      credentials,
    });
    expect(problem).not.to.include('hunter2');
    expect(problem).not.to.include('admin');
  });

  it('rejects a missing domain', () => {
    const problem = onlyProblemOf({ credentials });
    expect(problem).to.match(
      /^domain is missing\. Set it in a config file or in TAP_GAINSIGHT_DOMAIN with --config ENV\. Write a value such as "acme", "acme\.eu\.gainsightcloud\.com" or/,
    );
  });

  it('rejects a domain that is not a string', () => {
    const problem = onlyProblemOf({ domain: 42, credentials });
    expect(problem).to.match(/^domain 42 \(set in .*\) is a number, but it must be a string\./);
  });
});
