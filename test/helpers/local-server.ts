import { createServer, type IncomingHttpHeaders } from 'node:http';

/** A request as a local test server received it. */
export interface ReceivedRequest {
  method: string;
  /** Path with its query string. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Epoch milliseconds at which the request's headers arrived. */
  receivedAt: number;
}

/** What a local test server sends back. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Chooses the reply to a request; `index` counts the server's requests from 0. */
export type ReplyHandler = (request: ReceivedRequest, index: number) => Reply | Promise<Reply>;

export interface LocalServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** `127.0.0.1:PORT`, as an error message names the server. */
  host: string;
  /** Every request received so far, in arrival order. */
  requests: ReceivedRequest[];
  stop(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 that records each request and replies with `handler`. */
export async function startLocalServer(handler: ReplyHandler): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];

  const server = createServer((request, response) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: ReceivedRequest = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt,
      };
      requests.push(received);

      Promise.resolve(handler(received, requests.length - 1))
        .then((reply) => {
          response.writeHead(reply.status, reply.headers ?? {});
          response.end(reply.body ?? '');
        })
        .catch((error: unknown) => {
          response.writeHead(599, { 'content-type': 'text/plain' });
          response.end(`test server handler failed: ${String(error)}`);
        });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Headers that describe one connection or one encoding of the body, which the proxy re-creates.
const hopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/** Sends a received request on to `baseUrl` (a simulator) and returns its response as a reply. */
export async function forward(request: ReceivedRequest, baseUrl: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !hopHeaders.has(name) && name !== 'host') headers[name] = value;
  }

  const response = await fetch(new URL(request.path, baseUrl), {
    method: request.method,
    headers,
    ...(request.body === '' ? {} : { body: request.body }),
  });

  const replyHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!hopHeaders.has(name)) replyHeaders[name] = value;
  });
  return { status: response.status, headers: replyHeaders, body: await response.text() };
}

/** Returns the JSON body of a Gainsight error response. */
export function gainsightError(errorCode: string | null, errorDesc: string, requestId = 'test-request-0001'): string {
  return JSON.stringify({ result: false, errorCode, errorDesc, requestId, message: errorDesc, data: null });
}
