import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { GraphQLHandler } from '../handler.js';

/** API Gateway's own payload limit for HTTP APIs is far above this; the GraphQL API needs no more. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The local HTTP front door: turns each request into the API Gateway HTTP API
 * (payload 2.0) event that AWS would send, and runs the very handler Lambda runs.
 */
export function createLocalServer(handler: GraphQLHandler): Server {
  return createServer((request, response) => {
    serve(handler, request, response).catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', message: 'local server fault', error: String(error) }));
      if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, '{"errors":[{"message":"Internal server error"}]}');
    });
  });
}

async function serve(handler: GraphQLHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/graphql') {
    send(response, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not found; the API is at /graphql' }));
    return;
  }
  const body = await readBody(request);
  if (body === null) {
    send(response, 413, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Request body larger than 1 MB' }));
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

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function toEvent(request: IncomingMessage, url: URL, body: string): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
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

function lambdaContext() {
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
