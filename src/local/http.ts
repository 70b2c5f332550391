import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isReservedKey } from '../domain/dict.js';
import type { ApiHandler } from '../handler.js';

/** API Gateway's own payload limit for HTTP APIs is far above this; the GraphQL API needs no more. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface DevIdentity {
  id: string;
  name: string;
  roles: string[];
  token: string;
}

export interface LocalServerOptions {
  /** Built web client to serve at `/` (single-page app: unknown paths get index.html, `/rate/<code>` rate.html). */
  staticDir?: string;
  /** Local sign-in: the demo identities and their tokens, at GET /dev/identities. */
  devIdentities?: () => Promise<DevIdentity[]>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The local HTTP front door: turns each API request into the API Gateway HTTP API
 * (payload 2.0) event that AWS would send, and runs the very handler Lambda runs;
 * serves the web client and the local sign-in identities beside it.
 */
export function createLocalServer(handler: ApiHandler, options: LocalServerOptions = {}): Server {
  const server = createServer((request, response) => {
    route(handler, options, request, response).catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', message: 'local server fault', error: String(error) }));
      if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, '{"errors":[{"message":"Internal server error"}]}');
    });
  });
  // Node closes idle keep-alive connections after 5 s, so clients that pool connections
  // (browsers, HTTP agents, load balancers at ~60 s) race the close and see "socket hang
  // up". Keep them longer than those pools do; the header timeout must exceed it.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}

/** Idle keep-alive connections stay open this long (longer than common client pools). */
export const KEEP_ALIVE_MS = 65_000;

async function route(handler: ApiHandler, options: LocalServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/graphql' || url.pathname.startsWith('/export/')) return serveApi(handler, request, response, url);
  if (url.pathname === '/dev/identities' && options.devIdentities) {
    send(response, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(await options.devIdentities()));
    return;
  }
  if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD') && (await serveStatic(options.staticDir, url.pathname, response))) return;
  send(response, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not found; the API is at /graphql' }));
}

/** The citizens' rating page (a QR code's link, `/rate/<code>`) is a page of its own. */
const RATING_PAGE_PATH = /^\/rate(\/|$)/;

/** Serves a file of the built client, or the page of a client-side route (index.html, rate.html). Never outside `root`. */
async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<boolean> {
  const base = resolve(root);
  let candidates: string[];
  if (RATING_PAGE_PATH.test(pathname)) candidates = [join(base, 'rate.html')];
  else {
    const wanted = resolve(base, `.${decodeURIComponent(pathname)}`);
    if (wanted !== base && !wanted.startsWith(`${base}${sep}`)) return false;
    candidates = [wanted, join(base, 'index.html')];
  }
  for (const file of candidates) {
    try {
      const info = await stat(file);
      if (!info.isFile()) continue;
      const immutable = file.includes(`${sep}assets${sep}`);
      send(
        response,
        200,
        {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
        await readFile(file),
      );
      return true;
    } catch {
      // not there: try the next candidate
    }
  }
  return false;
}

async function serveApi(handler: ApiHandler, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const body = await readBody(request);
  if (body === null) {
    // The whole body has been read (and dropped), so the client gets to read this answer
    // instead of a reset; the connection is closed after it.
    send(
      response,
      413,
      { 'content-type': 'application/json', connection: 'close' },
      JSON.stringify({ errors: [{ message: 'Request body larger than 1 MB', extensions: { code: 'BAD_REQUEST' } }] }),
    );
    return;
  }
  const result = await handler(toEvent(request, url, body), lambdaContext());
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  send(response, result.statusCode ?? 200, headers, result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

function send(response: ServerResponse, status: number, headers: Record<string, string | string[]>, body: string | Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}

/** The body, or null when it is over MAX_BODY_BYTES (then read to the end and dropped, never buffered). */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

export function toEvent(request: IncomingMessage, url: URL, body: string): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie' && !isReservedKey(name)) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // Query parameter names are the caller's: never let one reach Object.prototype.
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (isReservedKey(name)) continue;
    query[name] = Object.hasOwn(query, name) ? `${query[name]},${value}` : value;
  }
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: request.headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: url.search ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? body : undefined,
    isBase64Encoded: false,
  };
}

/** The Lambda context the local server hands the handler (the handler reads none of it). */
export function lambdaContext() {
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'bixue-ganchao-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:bixue-ganchao-local',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
