import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDevVerifier, issueDevToken } from '../src/auth/devIssuer.js';
import type { Role } from '../src/domain/model.js';
import type { Logger } from '../src/graphql/plugins.js';
import { createApiHandler, type ApiHandler } from '../src/handler.js';
import { LOCAL_AWS, startDynamoLocal } from '../src/local/dynamoLocal.js';
import { createLocalRuntime, type LocalRuntime } from '../src/local/environment.js';
import { createDynamo, type Dynamo } from '../src/store/client.js';
import { PROJECT_ROOT } from '../scripts/lambdaBundle.js';
import { GraphQLClient, startBenchServer } from './http.js';
import type { Cleanup } from './lifecycle.js';

export interface BenchEnvironment {
  runtime: LocalRuntime;
  /** The store's own client (with its cost meter), for loading data the way the services write it. */
  db: Dynamo;
  /** A plain lib-dynamodb client: the "raw DynamoDB" side of the overhead comparison. */
  raw: DynamoDBDocumentClient;
  client: GraphQLClient;
  /** Origin of the HTTP server, e.g. http://127.0.0.1:54321 (for the export routes). */
  origin: string;
  /** Unexpected errors the server logged, by request id: the detail a client never sees. */
  serverErrors: Map<string, string>;
  /** DynamoDB Local's endpoint, for a part that needs a client of its own. */
  endpoint: string;
  /**
   * A handler composed as the server's (same tables, keys and error log) over a DynamoDB client of
   * its own, configured with `dynamo` over the store's defaults (e.g. longer timeouts for a crowd of
   * transactions on DynamoDB Local); its client is destroyed with the environment. Called in-process.
   */
  handlerWith(dynamo: DynamoDBClientConfig): ApiHandler;
  /** Scratch space under `.bench/` (git-ignored): the signing key and the bundles. */
  workDir: string;
  token(sub: string, roles: Role[], name?: string): Promise<string>;
}

/** A fresh scratch directory under `.bench/` (git-ignored), removed at the end unless BENCH_KEEP is set. */
export async function createWorkDir(cleanup: Cleanup): Promise<string> {
  await mkdir(join(PROJECT_ROOT, '.bench'), { recursive: true });
  const workDir = await mkdtemp(join(PROJECT_ROOT, '.bench', 'run-'));
  cleanup.add('scratch directory', () => (process.env.BENCH_KEEP ? undefined : rm(workDir, { recursive: true, force: true })));
  return workDir;
}

/**
 * DynamoDB Local in memory, the tables, the same handler Lambda runs, and the local
 * HTTP front door on 127.0.0.1. Everything started is registered with `cleanup`.
 */
export async function startEnvironment(cleanup: Cleanup, workDir: string): Promise<BenchEnvironment> {
  // The SDK would otherwise warn on every client about this machine's Node version.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamo = await startDynamoLocal();
  cleanup.add('DynamoDB Local', () => dynamo.stop());

  const runtime = await createLocalRuntime({ endpoint: dynamo.endpoint, tablePrefix: 'bench', dataDir: workDir, quiet: true });
  const db = createDynamo({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
  // The runtime's own handler, composed the same way, but with a logger that keeps
  // unexpected errors (and drops the per-request lines), so a failure can say why.
  const serverErrors = new Map<string, string>();
  const logger: Logger = {
    info: () => {},
    error: (message, fields) => serverErrors.set(String(fields.requestId), `${message}: ${JSON.stringify(fields.error ?? fields)}`),
  };
  const handlerWith = (config: DynamoDBClientConfig): ApiHandler => {
    const client = createDynamo({ ...LOCAL_AWS, endpoint: dynamo.endpoint, ...config });
    cleanup.add('a handler’s DynamoDB client', () => client.destroy());
    return createApiHandler({
      dynamo: client,
      tables: runtime.tables,
      verifier: createDevVerifier(runtime.keys.publicJwk),
      development: true,
      logger,
      cursorKey: runtime.cursorKey,
    });
  };
  const server = await startBenchServer(handlerWith({}));
  cleanup.add('HTTP server', () => server.close());

  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint }));
  const client = new GraphQLClient(server.url);
  cleanup.add('DynamoDB and HTTP clients', () => {
    client.close();
    db.destroy();
    raw.destroy();
  });

  return {
    runtime,
    db,
    raw,
    client,
    origin: new URL(server.url).origin,
    serverErrors,
    endpoint: dynamo.endpoint,
    handlerWith,
    workDir,
    token: (sub, roles, name) => issueDevToken(runtime.keys.privateJwk, { sub, name: name ?? sub, roles }),
  };
}
