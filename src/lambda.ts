import { createDevVerifier } from './auth/devIssuer.js';
import { loadConfig } from './config.js';
import { jsonLogger } from './graphql/plugins.js';
import { createGraphQLHandler } from './handler.js';
import { createDynamo } from './store/client.js';

/** AWS Lambda entry point: API Gateway HTTP API (payload 2.0) → GraphQL. */
const config = loadConfig(process.env);

if (!config.devPublicJwk) {
  throw new Error('AUTH_DEV_PUBLIC_JWK is required until a Cognito verifier is configured');
}

export const handler = createGraphQLHandler({
  dynamo: createDynamo({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) }),
  tables: config.tables,
  verifier: createDevVerifier(config.devPublicJwk),
  development: config.stage !== 'prod',
  logger: jsonLogger,
});
