import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDevVerifier, loadOrCreateDevKey, type DevKeyPair } from '../auth/devIssuer.js';
import { derivedSeatKey } from '../auth/seatTokens.js';
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
  /** Signs pagination cursors (kept in the data directory). */
  cursorKey: string;
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
  const cursorKey = await loadOrCreateSecret(options.dataDir, 'cursor-signing-key');
  const seatKey = derivedSeatKey(await loadOrCreateSecret(options.dataDir, 'seat-token-signing-key'));
  const seatTokenKey = async () => seatKey;
  const handler = createApiHandler({
    cursorKey,
    dynamo,
    tables,
    verifier: createDevVerifier(keys.publicJwk),
    development: true,
    logger: options.quiet ? silentLogger : createLogger(),
    seatTokenKey,
  });
  return { handler, services: createServices(createStore(dynamo, tables), { cursorKey, seatTokenKey }), keys, cursorKey, tables };
}

/**
 * A random secret kept in the data directory (e.g. the cursor-signing key), so that
 * what it signed stays valid across restarts of `npm start`.
 */
export async function loadOrCreateSecret(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  // `wx`: if another process created it meanwhile, keep theirs.
  await writeFile(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return (await readFile(path, 'utf8')).trim();
}
