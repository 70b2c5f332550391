import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDevVerifier, loadOrCreateDevKey, type DevKeyPair } from '../auth/devIssuer.js';
import { createApiHandler, type ApiHandler } from '../handler.js';
import { silentLogger } from '../graphql/plugins.js';
import { createLogger } from '../logging.js';
import { createServices, type Services } from '../services/index.js';
import { ensureTables } from '../store/bootstrap.js';
import { createDynamo } from '../store/client.js';
import { createStore } from '../store/index.js';
import { tableNamesFor, type TableNames } from '../store/tables.js';
import { LOCAL_AWS } from './dynamoLocal.js';

/** Where local state lives: DynamoDB Local's files and the dev signing key. */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? '.data');
}

export interface LocalRuntime {
  handler: ApiHandler;
  services: Services;
  keys: DevKeyPair;
  tables: TableNames;
}

/** Wires the same handler Lambda runs to a local DynamoDB endpoint and the dev token issuer. */
export async function createLocalRuntime(options: { endpoint: string; tablePrefix: string; dataDir: string; quiet?: boolean }): Promise<LocalRuntime> {
  const tables = tableNamesFor(options.tablePrefix);
  const admin = new DynamoDBClient({ ...LOCAL_AWS, endpoint: options.endpoint });
  await ensureTables(admin, tables);
  admin.destroy();
  const dynamo = createDynamo({ ...LOCAL_AWS, endpoint: options.endpoint });
  const keys = await loadOrCreateDevKey(options.dataDir);
  const handler = createApiHandler({
    dynamo,
    tables,
    verifier: createDevVerifier(keys.publicJwk),
    development: true,
    logger: options.quiet ? silentLogger : createLogger(),
  });
  return { handler, services: createServices(createStore(dynamo, tables)), keys, tables };
}
