import { UnsafeRequestError } from '../errors/index.js';

/** The read-only Gainsight endpoints the tap calls. Nothing else is ever sent. */
export type EndpointName = 'query' | 'describe' | 'list-objects';

interface AllowedEndpoint {
  name: EndpointName;
  method: 'GET' | 'POST';
  path: RegExp;
}

// Every path the tap may call, in one place. POST is allowed only where Gainsight uses it to read:
// the query API and the batch describe both take their parameters in a JSON body.
const allowList: readonly AllowedEndpoint[] = [
  { name: 'query', method: 'POST', path: /^\/v1\/data\/objects\/query\/[A-Za-z][A-Za-z0-9_]*$/ },
  { name: 'describe', method: 'POST', path: /^\/v1\/meta\/services\/objects\/describe$/ },
  { name: 'list-objects', method: 'GET', path: /^\/v1\/meta\/services\/objects\/list$/ },
];

/** Returns the path of the query endpoint for an object. */
export function queryPath(objectName: string): string {
  return `/v1/data/objects/query/${encodeURIComponent(objectName)}`;
}

export const describePath = '/v1/meta/services/objects/describe';
export const listObjectsPath = '/v1/meta/services/objects/list';

/**
 * Checks a request against the allow-list and against the configured host before any network
 * I/O, and returns the endpoint's name. Throws `UnsafeRequestError` for anything else: another
 * host, a scheme other than https (http only to loopback), or a path or method not listed.
 */
export function checkRequest(method: string, url: URL, baseUrl: URL): EndpointName {
  if (url.origin !== baseUrl.origin) {
    throw new UnsafeRequestError(`rejected a request to ${url.host}: the tap only calls ${baseUrl.host}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new UnsafeRequestError(`rejected sending the access key over ${url.protocol} to ${url.host}: use https`);
  }

  const endpoint = allowList.find((entry) => entry.method === method && entry.path.test(url.pathname));
  if (endpoint === undefined) {
    throw new UnsafeRequestError(`rejected ${method} ${url.pathname}: not one of the read endpoints the tap uses`);
  }
  return endpoint.name;
}

/** True for 127.0.0.0/8, `localhost` and `[::1]`, the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
