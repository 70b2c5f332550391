import type { JWK } from 'jose';
import type { TokenVerifier } from './auth/claims.js';
import { createCognitoVerifier } from './auth/cognito.js';
import { createDevVerifier } from './auth/devIssuer.js';
import { secretSeatKey } from './auth/seatKeySecret.js';
import { kmsDataKeys } from './crypto/kmsDataKeys.js';
import { loadConfig, type AuthConfig } from './config.js';
import { loadEdgeConfig } from './edge/config.js';
import { requireOriginSecret } from './edge/originGuard.js';
import { s3ExportSink } from './exports/spill.js';
import type { ApiHandler, HandlerOptions } from './graphqlHandler.js';
import { createLogger } from './logging.js';
import { createDynamo } from './store/client.js';

/** What both Lambda entry points (GraphQL, exports) read from their environment. */
const config = loadConfig(process.env);
const edge = loadEdgeConfig(process.env);

function verifierFor(auth: AuthConfig): TokenVerifier {
  return auth.kind === 'cognito' ? createCognitoVerifier(auth) : createDevVerifier(auth.publicJwk as JWK);
}

export const lambdaOptions: HandlerOptions = {
  dynamo: createDynamo({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) }),
  tables: config.tables,
  verifier: verifierFor(config.auth),
  development: config.stage !== 'prod',
  cursorKey: config.cursorKey,
  ...(config.seatTokenSecretArn ? { seatTokenKey: secretSeatKey(config.seatTokenSecretArn, config.region) } : {}),
  ...(config.phoneKeyId ? { phoneKeys: kmsDataKeys(config.phoneKeyId, config.region) } : {}),
  logger: createLogger(),
  ...(edge.exportBucket ? { exportSink: s3ExportSink({ bucket: edge.exportBucket.name, region: edge.exportBucket.region }) } : {}),
};

/** Deployed, requests must come through CloudFront (and its WAF); the execute-api URL alone is refused. */
export function behindEdge(handler: ApiHandler): ApiHandler {
  return edge.originSecret ? requireOriginSecret(edge.originSecret, handler) : handler;
}
