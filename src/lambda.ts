import type { JWK } from 'jose';
import type { TokenVerifier } from './auth/claims.js';
import { createCognitoVerifier } from './auth/cognito.js';
import { createDevVerifier } from './auth/devIssuer.js';
import { loadConfig, type AuthConfig } from './config.js';
import { createApiHandler } from './handler.js';
import { createLogger } from './logging.js';
import { createDynamo } from './store/client.js';

/** AWS Lambda entry point: API Gateway HTTP API (payload 2.0) → GraphQL. */
const config = loadConfig(process.env);

function verifierFor(auth: AuthConfig): TokenVerifier {
  return auth.kind === 'cognito' ? createCognitoVerifier(auth) : createDevVerifier(auth.publicJwk as JWK);
}

export const handler = createApiHandler({
  dynamo: createDynamo({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) }),
  tables: config.tables,
  verifier: verifierFor(config.auth),
  development: config.stage !== 'prod',
  logger: createLogger(),
});
