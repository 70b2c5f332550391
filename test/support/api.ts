import { inject } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { generateDevKey, issueDevToken, createDevVerifier, type DevKeyPair } from '../../src/auth/devIssuer.js';
import type { Role } from '../../src/domain/model.js';
import type { Logger } from '../../src/graphql/plugins.js';
import { createApiHandler, type ApiHandler } from '../../src/handler.js';
import { LOCAL_AWS } from '../../src/local/dynamoLocal.js';
import { lambdaContext } from '../../src/local/http.js';
import { createDynamo, type Dynamo, type InitializeMiddlewareEntry } from '../../src/store/client.js';
import { tableNamesFor } from '../../src/store/tables.js';

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Record<string, string>;
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string; reason?: string; [k: string]: unknown } }[];
  extensions?: { cost?: { dynamodbRequests: number; readCapacityUnits: number; writeCapacityUnits: number } };
}

export interface TestApi {
  handler: ApiHandler;
  dynamo: Dynamo;
  keys: DevKeyPair;
  tables: ReturnType<typeof tableNamesFor>;
  token(user: string, roles: Role | Role[], name?: string): Promise<string>;
  /** Sends one GraphQL POST, as API Gateway would deliver it, straight to the Lambda handler. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** The same with any credential headers (`authorization`, `x-api-key`). */
  request<T = any>(body: { query: string; variables?: Record<string, unknown> }, headers: Record<string, string>): Promise<GraphQLResponse<T>>;
}

/** Signs cursors in tests; any 32 bytes do. */
export const TEST_CURSOR_KEY = 'test-cursor-signing-key-0123456789abcdef';

/** Unexpected errors are printed so a failing test shows the cause the client never sees. */
const errorsOnly: Logger = { info: () => {}, error: (message, fields) => console.error(message, fields) };

export async function createTestApi(options: { middleware?: InitializeMiddlewareEntry[]; now?: () => Date; requestTimeoutMs?: number } = {}): Promise<TestApi> {
  const keys = await generateDevKey();
  const dynamo = createDynamo(
    {
      ...LOCAL_AWS,
      endpoint: inject('dynamoEndpoint'),
      // DynamoDB Local on a 2-core machine answers a crowd of transactions slowly; AWS answers in milliseconds.
      ...(options.requestTimeoutMs ? { requestHandler: { connectionTimeout: options.requestTimeoutMs, requestTimeout: options.requestTimeoutMs } } : {}),
    },
    options.middleware,
  );
  const tables = tableNamesFor(inject('tablePrefix'));
  const handler = createApiHandler({
    dynamo,
    tables,
    verifier: createDevVerifier(keys.publicJwk),
    development: true,
    logger: errorsOnly,
    cursorKey: TEST_CURSOR_KEY,
    ...(options.now ? { now: options.now } : {}),
  });
  const request: TestApi['request'] = async (body, headers) => {
    const result = await handler(
      apiGatewayEvent({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
      lambdaContext(),
    );
    return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, ...JSON.parse(result.body ?? '{}') };
  };
  return {
    handler,
    dynamo,
    keys,
    tables,
    request,
    token: (user, roles, name) => issueDevToken(keys.privateJwk, { sub: user, name: name ?? user, roles: Array.isArray(roles) ? roles : [roles] }),
    gql: (query, variables, token) => request({ query, variables }, token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** An API Gateway HTTP API payload-2.0 event, shaped as AWS sends it. */
export function apiGatewayEvent(options: {
  method: 'GET' | 'POST' | 'OPTIONS';
  body?: string;
  headers?: Record<string, string>;
  rawQueryString?: string;
  isBase64Encoded?: boolean;
}): APIGatewayProxyEventV2 {
  const now = Date.now();
  const query = new URLSearchParams(options.rawQueryString ?? '');
  return {
    version: '2.0',
    routeKey: 'ANY /graphql',
    rawPath: '/graphql',
    rawQueryString: options.rawQueryString ?? '',
    headers: {
      accept: 'application/json',
      host: 'abc123.execute-api.ap-east-1.amazonaws.com',
      'user-agent': 'vitest',
      'x-amzn-trace-id': 'Root=1-5f84c7a9-0b3d1e2f3a4b5c6d7e8f9a0b',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...options.headers,
    },
    queryStringParameters: options.rawQueryString ? Object.fromEntries(query) : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: options.method, path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: `req-${now}-${Math.random().toString(36).slice(2, 8)}`,
      routeKey: 'ANY /graphql',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

export { lambdaContext };
