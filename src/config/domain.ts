import { isIPv4 } from 'node:net';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';

/** Host suffix of Gainsight's own tenant hosts; a bare tenant name is placed in front of it. */
export const gainsightHostSuffix = 'gainsightcloud.com';

/**
 * Result of reading the `domain` setting: the base URL, or why the value was rejected and what to
 * write. `hidesValue` is true when the value must not be quoted because it contains user info,
 * which may be a password.
 */
export type DomainResult =
  { ok: true; baseUrl: string } | { ok: false; problem: string; hidesValue: boolean };

const hostnameFormat = new Ajv();
formatsPlugin.default(hostnameFormat, ['hostname']);
const isHostname = hostnameFormat.compile({ type: 'string', format: 'hostname' });

const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i;
const tenantPattern = /^[^.:/?#@]+$/;

/**
 * Turns the `domain` setting into the base URL of the API (an origin, without a trailing slash).
 *
 * - `acme` (a tenant name, no dot) gives `https://acme.gainsightcloud.com`.
 * - A host, with an optional port (`acme.eu.gainsightcloud.com`, `gs.example.com:8443`), gives
 *   `https://` and that host.
 * - An `https://` URL without path, query or fragment is used as it is (a trailing `/` is fine).
 * - `http://` is accepted only for loopback hosts (127.0.0.0/8, `localhost`, `[::1]`), because the
 *   access key would otherwise cross the network unencrypted. That is how a local simulator is
 *   reached.
 *
 * A rejected value gets a `problem` sentence that starts with the reason and ends with the value
 * to write instead. It may quote the host, but never user info.
 */
export function resolveDomain(domain: string): DomainResult {
  if (!schemePattern.test(domain) && tenantPattern.test(domain)) return resolveTenantName(domain);

  const url = parseUrl(schemePattern.test(domain) ? domain : `https://${domain}`);
  if (url === undefined) {
    return rejected(
      `is not a valid host name or URL. Write the tenant name (acme), the host ` +
        `(acme.eu.gainsightcloud.com) or the URL (https://acme.gainsightcloud.com).`,
    );
  }

  const suggestion = `"https://${url.host}"`;

  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      hidesValue: true,
      problem:
        `contains user info before "@", which the tap never sends. Write ${suggestion} ` +
        `and put the access key in credentials.access_token.`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return rejected(
      `uses the scheme "${url.protocol}", which is not supported. Write ${suggestion}.`,
    );
  }
  if (url.pathname !== '/' || domain.includes('?') || domain.includes('#')) {
    return rejected(
      `contains a path, query or fragment. The tap adds the API paths itself, so write ` +
        `only the host: ${suggestion}.`,
    );
  }
  if (!isValidHost(url.hostname)) {
    return rejected(
      `has an invalid host name "${url.hostname}". Write a host such as acme.eu.gainsightcloud.com.`,
    );
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return rejected(
      `uses http://, which is allowed only for loopback hosts (127.0.0.0/8, localhost, [::1]) ` +
        `because the access key would travel unencrypted. Write ${suggestion}.`,
    );
  }

  return { ok: true, baseUrl: url.origin };
}

/** Tells whether a URL host name (as `URL.hostname` gives it) is a loopback address. */
export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return isIPv4(hostname) && hostname.startsWith('127.');
}

function resolveTenantName(tenant: string): DomainResult {
  if (!isHostname(tenant)) {
    return rejected(
      `is not a valid tenant name. A tenant name has only letters, digits and inner hyphens, ` +
        `such as acme; or write the host (acme.eu.gainsightcloud.com) or the URL ` +
        `(https://acme.gainsightcloud.com).`,
    );
  }

  return { ok: true, baseUrl: `https://${tenant.toLowerCase()}.${gainsightHostSuffix}` };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

// `URL` has already validated IP literals. Names get the stricter RFC 1123 check of ajv-formats,
// because `URL` accepts names such as `acme_corp.com` that DNS cannot resolve.
function isValidHost(hostname: string): boolean {
  if (hostname.startsWith('[') || isIPv4(hostname)) return true;
  return isHostname(hostname);
}

function rejected(problem: string): DomainResult {
  return { ok: false, problem, hidesValue: false };
}
