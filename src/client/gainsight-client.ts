import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import fetch, { FetchError, type RequestInit, type Response } from 'node-fetch';
import {
  ApiError,
  AuthenticationError,
  InvalidFieldError,
  RetriesExhaustedError,
  UnsafeRequestError,
  type ApiErrorContext,
} from '../errors/index.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import { packageInfo } from '../package-root.js';
import { checkRequest, describePath, queryPath, type EndpointName } from './endpoints.js';
import { parseJsonBody, parseQueryBody, type ParsedBody } from './json-body.js';
import { RateLimiter } from './rate-limiter.js';
import { backoffDelay, parseRetryAfter } from './retry-policy.js';
import { Semaphore } from './semaphore.js';
import type { ObjectDescription, QueryPage, QueryRequest } from './types.js';

/** The settings the client needs, a subset of the resolved configuration. */
export interface ClientSettings {
  /** Origin of the tenant, such as `https://acme.gainsightcloud.com`. */
  baseUrl: string;
  accessKey: { reveal(): string };
  requestTimeoutMs: number;
  /** Retries after the first attempt, for transient faults only. */
  maxRetries: number;
  requestsPerMinute: number;
  maxConcurrentRequests: number;
}

export interface ClientOptions {
  logger?: Logger;
  /** Stops new requests from starting; a request already sent is finished. */
  stopSignal?: AbortSignal;
  /** First and longest wait between retries, in milliseconds. */
  backoff?: { baseMs: number; maxMs: number };
}

/** The purpose of one request, for error messages and retry logs. */
export interface RequestContext {
  stream?: string;
}

/** Per-endpoint call counts of a run. */
export interface RequestCounts {
  query: number;
  describe: number;
  'list-objects': number;
  retries: number;
}

type Envelope = {
  result?: unknown;
  errorCode?: unknown;
  errorDesc?: unknown;
  requestId?: unknown;
  message?: unknown;
  title?: unknown;
  data?: unknown;
};

/** Parses a response body, given as text and as the bytes it was decoded from. */
type BodyParser = (text: string, body: Buffer) => ParsedBody;

/** The outcome of one attempt that did not throw a permanent error. */
type Attempt =
  | { kind: 'data'; data: unknown; body: ParsedBody; receivedAt: Date }
  | { kind: 'empty'; receivedAt: Date }
  | { kind: 'retry'; cause: string; waitMs: number | undefined; throttled: boolean };

// Gainsight's responses that mean "no rows": a 200 with `result:false` and this description, and an
// HTTP 400 with GSOBJ_1011 "No entity matches the given criteria".
const noDataDescription = /no data found/i;
const noEntityCode = 'GSOBJ_1011';
const throttledCode = 'GS_APIG_2404';
const authenticationCodes: Record<string, string> = {
  GS_APIG_2401: 'the access key was rejected: check credentials.access_token (Gainsight Administration > Connectors 2.0 > Gainsight API)',
  GSOBJ_1024: 'the authorization headers were rejected: check credentials.access_token',
  GS_APIG_2402: "this machine's IP address is not on the tenant's allow-list: ask a Gainsight admin to add it (Administration > Security > IP allow-list)",
};
const retriableStatuses = new Set([429, 500, 502, 503, 504]);

/**
 * The Gainsight NXT REST client. Every request passes through `send`, which checks it against the
 * read-only allow-list, waits for the shared rate limiter and concurrency bound, applies the
 * timeout, and retries transient faults with backoff.
 */
export class GainsightClient {
  readonly counts: RequestCounts = { query: 0, describe: 0, 'list-objects': 0, retries: 0 };

  private readonly baseUrl: URL;
  private readonly logger: Logger;
  private readonly limiter: RateLimiter;
  private readonly semaphore: Semaphore;
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly backoff: { baseMs: number; maxMs: number };
  private firstServerDate: Date | undefined;

  constructor(
    private readonly settings: ClientSettings,
    private readonly options: ClientOptions = {},
  ) {
    this.baseUrl = new URL(settings.baseUrl);
    this.logger = options.logger ?? silentLogger;
    this.limiter = new RateLimiter(settings.requestsPerMinute);
    this.semaphore = new Semaphore(settings.maxConcurrentRequests);
    this.backoff = options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
    const agentOptions = { keepAlive: true, maxSockets: settings.maxConcurrentRequests };
    this.agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  }

  /**
   * The server's clock at the first response of the run (the HTTP `Date` header), so bookmarks can
   * be capped by the server's time as well as the local one.
   */
  get serverDate(): Date | undefined {
    return this.firstServerDate;
  }

  /** Reads one page of an object through the query API. */
  async query(objectName: string, request: QueryRequest, context: RequestContext = {}): Promise<QueryPage> {
    // Records carry the selected fields in select order, which lets the parser locate each record.
    const parseBody: BodyParser = (text, body) => parseQueryBody(text, body, request.select[0] ?? '');
    const outcome = await this.send('POST', queryPath(objectName), request, context, parseBody);
    if (outcome.kind === 'empty') return { records: [], receivedAt: outcome.receivedAt };
    const page: QueryPage = { records: extractRecords(outcome.data, context), receivedAt: outcome.receivedAt };
    if (outcome.body.exactNumbers !== undefined) page.exactNumbers = outcome.body.exactNumbers;
    if (outcome.body.recordSources !== undefined) page.recordSources = outcome.body.recordSources;
    return page;
  }

  /** Describes several objects in one call. Objects the tenant lacks are absent from the result. */
  async describe(objectNames: string[]): Promise<ObjectDescription[]> {
    const body = { objectNames, includeChilds: 'false', populatePickListOptions: 'false' };
    const outcome = await this.send('POST', describePath, body, {});
    if (outcome.kind === 'empty') return [];
    if (!Array.isArray(outcome.data)) throw new ApiError('describe returned no list of objects');
    return outcome.data as ObjectDescription[];
  }

  /** Closes kept-alive connections so the process can exit. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    context: RequestContext,
    parseBody: BodyParser = parseJsonBody,
  ): Promise<Extract<Attempt, { kind: 'data' | 'empty' }>> {
    const url = new URL(path, this.baseUrl);
    const endpoint = checkRequest(method, url, this.baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let lastCause = '';

    for (let attempt = 0; attempt <= this.settings.maxRetries; attempt += 1) {
      const outcome = await this.semaphore.run(async () => {
        await this.limiter.acquire(this.options.stopSignal);
        this.counts[endpoint] += 1;
        return this.attempt(method, url, payload, context, parseBody);
      });
      if (outcome.kind !== 'retry') return outcome;

      lastCause = outcome.cause;
      if (attempt === this.settings.maxRetries) break;

      const waitMs = outcome.waitMs ?? backoffDelay(attempt + 1, this.backoff);
      if (outcome.throttled) this.limiter.pauseUntil(Date.now() + waitMs);
      this.counts.retries += 1;
      this.log(context).warn('request failed, retrying', {
        endpoint,
        cause: outcome.cause,
        wait_seconds: (waitMs / 1000).toFixed(1),
        retry: `${attempt + 1}/${this.settings.maxRetries}`,
      });
      await sleep(waitMs, undefined, { signal: this.options.stopSignal });
    }

    const attempts = this.settings.maxRetries + 1;
    throw new RetriesExhaustedError(
      `${endpointLabel(endpoint)} failed after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}, last cause: ${lastCause}; ` +
        'run the tap again later with the last STATE it wrote, or raise max_retries',
      { stream: context.stream },
    );
  }

  private async attempt(
    method: string,
    url: URL,
    payload: string | undefined,
    context: RequestContext,
    parseBody: BodyParser,
  ): Promise<Attempt> {
    const controller = new AbortController();
    const timeoutMs = this.settings.requestTimeoutMs;
    const timer = setTimeout(() => controller.abort(), timeoutMs);

    let response: Response;
    let body: Buffer;
    try {
      response = await fetch(url.href, this.requestInit(method, payload, controller.signal));
      if (response.status >= 300 && response.status < 400) throw redirectError(response, context);
      body = withoutByteOrderMark(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      if (controller.signal.aborted) {
        return { kind: 'retry', cause: `timed out after ${timeoutMs / 1000} s`, waitMs: undefined, throttled: false };
      }
      // node-fetch wraps every network fault (refused, reset, cut-off body) in a FetchError. Other
      // errors, such as a redirect refused above or a header Node will not send, fail the same
      // way on every attempt, so they are not retried.
      if (error instanceof FetchError) return { kind: 'retry', cause: networkCause(error), waitMs: undefined, throttled: false };
      throw error;
    } finally {
      clearTimeout(timer);
    }

    const receivedAt = new Date();
    this.noteServerDate(response.headers.get('date'));
    return this.classify(response, body, receivedAt, context, parseBody);
  }

  private requestInit(method: string, payload: string | undefined, signal: AbortSignal): RequestInit {
    return {
      method,
      body: payload,
      signal,
      // A redirect could carry the access key to another host, so it is never followed.
      redirect: 'manual',
      agent: (target: URL) => (target.protocol === 'http:' ? this.agents.http : this.agents.https),
      headers: {
        accesskey: this.settings.accessKey.reveal(),
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': `${packageInfo.name}/${packageInfo.version}`,
      },
    };
  }

  /** Sorts a complete response into data, an empty result, a retriable fault or a thrown error. */
  private classify(
    response: Response,
    body: Buffer,
    receivedAt: Date,
    context: RequestContext,
    parseBody: BodyParser,
  ): Attempt {
    const status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));

    let envelope: Envelope | undefined;
    let parsedBody: ParsedBody | undefined;
    try {
      const parsed = parseBody(body.toString('utf8'), body);
      if (parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
        envelope = parsed.value as Envelope;
        parsedBody = parsed;
      }
    } catch {
      envelope = undefined;
    }

    const errorCode = typeof envelope?.errorCode === 'string' ? envelope.errorCode : undefined;
    const requestId = typeof envelope?.requestId === 'string' ? envelope.requestId : undefined;
    const errorContext: ApiErrorContext = { stream: context.stream, status, errorCode, requestId };

    if (status === 429 || errorCode === throttledCode) {
      return { kind: 'retry', cause: `throttled (HTTP ${status}${errorCode ? ` ${errorCode}` : ''})`, waitMs: retryAfterMs, throttled: true };
    }
    if (retriableStatuses.has(status)) {
      return { kind: 'retry', cause: `HTTP ${status}`, waitMs: retryAfterMs, throttled: false };
    }

    const authenticationAdvice = errorCode === undefined ? undefined : authenticationCodes[errorCode];
    if (status === 401 || authenticationAdvice !== undefined) {
      throw new AuthenticationError(`Gainsight rejected the request: ${authenticationAdvice ?? authenticationCodes.GS_APIG_2401}`, errorContext);
    }
    if (status === 403) {
      throw new AuthenticationError('Gainsight denied access (HTTP 403): check that the access key may read this object', errorContext);
    }

    if (envelope === undefined) {
      // A success status with a body that does not parse is a cut-off or garbled response.
      if (status >= 200 && status < 300) return { kind: 'retry', cause: 'response body is not complete JSON', waitMs: undefined, throttled: false };
      throw new ApiError(`Gainsight responded with HTTP ${status} and a body that is not JSON`, errorContext);
    }

    const description = typeof envelope.errorDesc === 'string' ? envelope.errorDesc : typeof envelope.message === 'string' ? envelope.message : '';
    if (errorCode === noEntityCode) return { kind: 'empty', receivedAt };
    if (errorCode === 'GSOBJ_1002') throw invalidFieldError(description, errorContext);

    if (status >= 200 && status < 300) {
      if (envelope.result === true) return { kind: 'data', data: envelope.data, body: parsedBody as ParsedBody, receivedAt };
      if (envelope.result === false && noDataDescription.test(description)) return { kind: 'empty', receivedAt };
      const title = typeof envelope.title === 'string' ? `${envelope.title}: ` : '';
      throw new ApiError(`Gainsight returned result:false: ${title}${description || 'no description'}`, errorContext);
    }

    const title = typeof envelope.title === 'string' ? `${envelope.title}: ` : '';
    throw new ApiError(`Gainsight rejected the request: ${title}${description || `HTTP ${status}`}`, errorContext);
  }

  private noteServerDate(header: string | null): void {
    if (this.firstServerDate !== undefined || header === null) return;
    const time = Date.parse(header);
    if (!Number.isNaN(time)) this.firstServerDate = new Date(time);
  }

  private log(context: RequestContext): Logger {
    return context.stream === undefined ? this.logger : this.logger.forStream(context.stream);
  }
}

/**
 * Returns the records of a query response. Gainsight's samples show both `data.records` (Timeline,
 * delete log) and a bare list in `data` (Company, Custom Object, CTA), so both are accepted.
 */
function extractRecords(data: unknown, context: RequestContext): Array<Record<string, unknown>> {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return data as Array<Record<string, unknown>>;
  if (typeof data === 'object' && Array.isArray((data as { records?: unknown }).records)) {
    return (data as { records: Array<Record<string, unknown>> }).records;
  }
  throw new ApiError('query response has neither data.records nor a list in data', { stream: context.stream });
}

function redirectError(response: Response, context: RequestContext): UnsafeRequestError {
  const location = response.headers.get('location') ?? '';
  let target = location;
  try {
    target = new URL(location, response.url).host;
  } catch {
    // An unreadable Location is reported as it came.
  }
  return new UnsafeRequestError(
    `Gainsight responded with a redirect to ${target || 'an unnamed location'}, which the tap does not follow so the access key stays with the configured host; check the domain setting`,
    { stream: context.stream, status: response.status },
  );
}

function networkCause(error: FetchError): string {
  return typeof error.code === 'string' ? `${error.code}: ${error.message}` : error.message;
}

/** Builds the error for GSOBJ_1002, naming the stream and the field the tenant rejected. */
function invalidFieldError(description: string, context: ApiErrorContext): InvalidFieldError {
  const fields = fieldsNamedIn(description);
  const stream = context.stream === undefined ? 'the request' : `stream ${context.stream}`;
  const named = fields.length === 0 ? `a field of ${stream}` : `${fields.length === 1 ? 'field' : 'fields'} ${fields.join(', ')} of ${stream}`;
  return new InvalidFieldError(
    `Gainsight rejected ${named} as invalid (${JSON.stringify(description || 'invalid field')}): ` +
      'run --discover for a catalog of the fields this tenant has, or deselect the field',
    fields,
    context,
  );
}

// GSOBJ_1002 descriptions end with the fields, for example "Invalid field, please re-check data
// mapping: Industry" or "...: Industry, Stage".
function fieldsNamedIn(description: string): string[] {
  const colon = description.lastIndexOf(':');
  if (colon === -1) return [];
  return description
    .slice(colon + 1)
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name));
}

function endpointLabel(endpoint: EndpointName): string {
  return endpoint === 'query' ? 'query request' : `${endpoint} request`;
}

// A UTF-8 byte order mark is not part of the JSON text; TextDecoder drops it the same way.
function withoutByteOrderMark(body: Buffer): Buffer {
  return body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? body.subarray(3) : body;
}
