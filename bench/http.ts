import { once } from 'node:events';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandler } from '../src/handler.js';
import { createLocalServer } from '../src/local/http.js';

/** DynamoDB usage of one GraphQL operation, as the API reports it in `extensions.cost`. */
export interface Cost {
  dynamodbRequests: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  requestsByOperation?: Record<string, number>;
}

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLBody<T> {
  data?: T;
  errors?: GraphQLError[];
  extensions?: { cost?: Cost };
}

export interface Timed<T> {
  status: number;
  body: GraphQLBody<T>;
  /** Client-side round trip: request written until the last byte of the response. */
  ms: number;
  /** Time spent inside the Lambda handler, as the server measured it (the billed-duration proxy). */
  serverMs: number;
}

/** Response header that carries the handler's own duration back to the client. */
const SERVER_TIME_HEADER = 'x-bench-handler-ms';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The project's local HTTP front door (API Gateway v2 events → the Lambda handler)
 * on a free port of 127.0.0.1. The handler is wrapped only to time it, so the
 * server's share of each round trip is known without trusting client timings.
 */
export async function startBenchServer(handler: ApiHandler): Promise<BenchServer> {
  const timed: ApiHandler = async (event, context) => {
    const started = performance.now();
    const result = await handler(event, context);
    return { ...result, headers: { ...result.headers, [SERVER_TIME_HEADER]: (performance.now() - started).toFixed(3) } };
  };
  const server = createLocalServer(timed);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A minimal GraphQL-over-HTTP client on node:http with keep-alive, as a browser or
 * BI tool would hold its connection open; enough sockets for every concurrent judge.
 */
export class GraphQLClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128 });

  constructor(private readonly url: string) {}

  async post<T>(query: string, variables: Record<string, unknown>, token: string): Promise<Timed<T>> {
    const payload = Buffer.from(JSON.stringify({ query, variables }));
    const started = performance.now();
    const { status, text, serverMs } = await new Promise<{ status: number; text: string; serverMs: number }>((resolve, reject) => {
      const req = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              serverMs: Number(res.headers[SERVER_TIME_HEADER] ?? Number.NaN),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    const ms = performance.now() - started;
    return { status, body: JSON.parse(text) as GraphQLBody<T>, ms, serverMs };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The data of a response that must have succeeded; anything else stops the benchmark with the server's words. */
export function dataOf<T>(response: Timed<T>, what: string): T {
  if (response.status !== 200 || response.body.errors?.length || response.body.data === undefined) {
    throw new Error(`${what} failed (HTTP ${response.status}): ${JSON.stringify(response.body.errors ?? response.body)}`);
  }
  return response.body.data;
}

/** `extensions.cost` of a response; its absence means the API is not in development mode, which the figures need. */
export function costOf(response: Timed<unknown>): Cost {
  const cost = response.body.extensions?.cost;
  if (!cost) throw new Error('response has no extensions.cost');
  return cost;
}
