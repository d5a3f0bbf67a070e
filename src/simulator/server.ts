/**
 * The HTTP server: authentication, rate limit, fault injection, latency and the response
 * envelope around the routes, plus the control API. It binds 127.0.0.1 only.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parse as parseLosslessJson } from 'lossless-json';

import { CONTROL_PREFIX, handleControl, type ControlContext } from './control.js';
import { errorEnvelope, noDataEnvelope, successEnvelope, type Envelope } from './envelope.js';
import { ApiError, invalidRequest, rateLimited, unauthorized } from './errors.js';
import type { Fault, FaultSchedule } from './faults.js';
import { serializeJson } from './json.js';
import { hash32 } from './random.js';
import type { RateLimiter } from './rate-limit.js';
import { matchRoute, type RouteContext } from './routes.js';

/** Largest request body accepted, in bytes. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = Symbol('request body too large');

/** A request body as read: text, undefined when empty, or TOO_LARGE. */
type RawBody = string | undefined | typeof TOO_LARGE;

/** Limit advertised in `x-ratelimit-limit` when no rate limit is enforced: Gainsight's documented 100 per minute. */
const DOCUMENTED_RATE_LIMIT = 100;

export interface ServerContext extends RouteContext, ControlContext {
  seed: number;
  accessKey: string;
  rateLimiter: RateLimiter | undefined;
  faults: FaultSchedule;
  latencyMs: number;
  log: ((line: string) => void) | undefined;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class SimulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private requestCount = 0;

  constructor(private readonly context: ServerContext) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => this.failInternally(response, error));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on 127.0.0.1 and returns the bound port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  }

  /** Stops listening, cancels delayed responses and stalls, and destroys every open socket. */
  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.on('close', () => {
      const milliseconds = Math.round(performance.now() - started);
      const outcome = response.writableFinished ? '' : ' (connection destroyed)';
      this.context.log?.(`${method} ${url.pathname}${url.search} ${response.statusCode} ${milliseconds}ms${outcome}`);
    });

    const raw = await readBody(request);
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      this.handleControl(request, response, method, url, raw);
      return;
    }
    this.handleApi(request, response, method, url, raw);
  }

  private handleApi(request: IncomingMessage, response: ServerResponse, method: string, url: URL, raw: RawBody): void {
    const requestId = this.nextRequestId();
    const route = matchRoute(method, url.pathname);
    this.context.stats.countRequest(route.endpoint);

    if (!this.isAuthorized(request)) return this.deliver(response, this.errorReply(requestId, unauthorized()), undefined);
    route.count?.(this.context);

    if (this.context.rateLimiter !== undefined) {
      const decision = this.context.rateLimiter.take();
      if (!decision.allowed) {
        this.context.stats.rateLimited++;
        const reply = this.errorReply(requestId, rateLimited(this.context.rateLimiter.limit));
        reply.headers['retry-after'] = String(decision.retryAfterSeconds);
        return this.deliver(response, reply, undefined);
      }
    }

    const fault = this.context.faults.take(url.pathname);
    const injected = fault === undefined ? undefined : faultReply(this, requestId, fault);
    if (injected !== undefined) return this.deliver(response, injected, fault);

    let reply: Reply;
    try {
      const result = route.handle(this.context, () => parseBody(raw));
      reply =
        result.kind === 'data'
          ? this.envelopeReply(200, successEnvelope(requestId, result.data))
          : this.envelopeReply(200, noDataEnvelope(requestId));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = this.errorReply(requestId, error);
    }
    this.deliver(response, reply, fault);
  }

  private handleControl(request: IncomingMessage, response: ServerResponse, method: string, url: URL, raw: RawBody): void {
    if (!this.isAuthorized(request)) {
      return this.deliver(response, this.jsonReply(401, { error: 'missing or wrong accesskey header' }), undefined, 0);
    }
    let body: unknown;
    try {
      body = parseBody(raw);
    } catch (error) {
      return this.deliver(response, this.jsonReply(400, { error: (error as Error).message }), undefined, 0);
    }
    const path = url.pathname.slice(CONTROL_PREFIX.length);
    const result = handleControl(this.context, method, path, url.searchParams, body);
    this.deliver(response, this.jsonReply(result.status, result.body), undefined, 0);
  }

  private isAuthorized(request: IncomingMessage): boolean {
    // Node lower-cases header names, so `Accesskey` and `AccessKey` arrive as `accesskey`.
    return request.headers['accesskey'] === this.context.accessKey;
  }

  /** Derives a UUID-shaped request id from the seed and the request count, so runs repeat byte for byte. */
  private nextRequestId(): string {
    const count = this.requestCount++;
    const hex = [0, 1, 2, 3].map((part) => hash32(this.context.seed, 'request', count, part).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  jsonReply(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): Reply {
    const buffer = Buffer.from(typeof body === 'string' ? body : serializeJson(body), 'utf8');
    return {
      status,
      headers: {
        'content-type': contentType,
        'content-length': String(buffer.length),
        'x-ratelimit-limit': String(this.context.rateLimiter?.limit ?? DOCUMENTED_RATE_LIMIT),
      },
      body: buffer,
    };
  }

  envelopeReply(status: number, envelope: Envelope): Reply {
    return this.jsonReply(status, envelope);
  }

  errorReply(requestId: string, error: ApiError): Reply {
    return this.jsonReply(error.status, errorEnvelope(requestId, error));
  }

  /** Sends a reply after the configured latency, shaped by a reset, stall or truncate fault. */
  private deliver(response: ServerResponse, reply: Reply, fault: Fault | undefined, latencyMs = this.context.latencyMs): void {
    const delay = latencyMs + (fault?.kind === 'latency' ? fault.ms : 0);
    const send = () => {
      if (response.destroyed) return;
      switch (fault?.kind) {
        case 'reset': {
          // Full Content-Length, half the body, then the socket dies mid-body.
          response.writeHead(reply.status, reply.headers);
          response.write(reply.body.subarray(0, Math.max(1, reply.body.length >> 1)), () => response.socket?.destroy());
          return;
        }
        case 'stall': {
          response.writeHead(reply.status, reply.headers);
          response.flushHeaders();
          this.schedule(fault.seconds * 1000, () => response.socket?.destroy());
          return;
        }
        case 'truncate': {
          // A clean response whose JSON is cut short: the Content-Length matches the cut body.
          const cut = reply.body.subarray(0, reply.body.length >> 1);
          response.writeHead(reply.status, { ...reply.headers, 'content-length': String(cut.length) });
          response.end(cut);
          return;
        }
        default:
          response.writeHead(reply.status, reply.headers);
          response.end(reply.body);
      }
    };
    if (delay > 0) this.schedule(delay, send);
    else send();
  }

  private schedule(milliseconds: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, milliseconds);
    this.timers.add(timer);
  }

  private failInternally(response: ServerResponse, error: unknown): void {
    this.context.log?.(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const reply = this.errorReply(this.nextRequestId(), new ApiError(500, null, 'Internal simulator error'));
    response.writeHead(reply.status, reply.headers);
    response.end(reply.body);
  }
}

/**
 * Builds the reply a fault sends in place of the real response, or returns undefined for the
 * faults that shape the real response (reset, stall, truncate, latency).
 */
function faultReply(server: SimulatorServer, requestId: string, fault: Fault): Reply | undefined {
  switch (fault.kind) {
    case 'http-429': {
      const reply = server.errorReply(requestId, new ApiError(429, 'GS_APIG_2404', 'Rate limit exceeded'));
      reply.headers['retry-after'] = String(fault.retryAfter);
      return reply;
    }
    case 'http-500':
      return server.errorReply(requestId, new ApiError(500, null, 'Internal Server Error'));
    case 'http-502':
    case 'http-503': {
      // Gateways in front of an API return these with an HTML page, not the JSON envelope.
      const status = fault.kind === 'http-502' ? 502 : 503;
      const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
      return server.jsonReply(status, `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`, 'text/html');
    }
    case 'result-false':
      // Not one of the documented empty results, so a client must treat it as a failure.
      return server.envelopeReply(200, errorEnvelope(requestId, new ApiError(200, 'GSOBJ_1099', 'Query failed because of an internal error, please retry')));
    default:
      return undefined;
  }
}

/** Reads a request body; a body over MAX_BODY_BYTES is dropped and reported as too large. */
function readBody(request: IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) resolve(TOO_LARGE);
      else resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** Parses a JSON body, keeping integers beyond 2^53 exact as bigint. */
function parseBody(raw: RawBody): unknown {
  if (raw === TOO_LARGE) throw invalidRequest(`The request body is larger than ${MAX_BODY_BYTES} bytes; send a smaller one`);
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return parseLosslessJson(raw, null, (text) => {
      const number = Number(text);
      return /^-?\d+$/.test(text) && !Number.isSafeInteger(number) ? BigInt(text) : number;
    });
  } catch (error) {
    throw invalidRequest(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
