import { tableNamesFor, type TableNames } from './store/tables.js';
import * as z from 'zod/mini';

/**
 * Runtime configuration from the environment, validated once at start-up so a
 * misconfigured deployment fails loudly instead of serving wrong answers.
 */
const environment = z.object({
  // No default: an unset STAGE must never switch on development behaviour.
  STAGE: z.enum(['local', 'dev', 'prod']),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'local'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  TABLE_PREFIX: z._default(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,200}$/)), 'bxgc'),
  TABLE_DIRECTORY: z.optional(z.string().check(z.minLength(3))),
  TABLE_RUBRICS: z.optional(z.string().check(z.minLength(3))),
  TABLE_COMPETITIONS: z.optional(z.string().check(z.minLength(3))),
  /** Public JWK (JSON) of the local/dev token issuer. Never in prod. */
  AUTH_DEV_PUBLIC_JWK: z.optional(z.string().check(z.minLength(2))),
  COGNITO_USER_POOL_ID: z.optional(z.string().check(z.regex(/^[\w-]+_[0-9A-Za-z]+$/))),
  COGNITO_CLIENT_ID: z.optional(z.string().check(z.regex(/^[0-9A-Za-z]+$/))),
  /** Secret that signs pagination cursors; the same for every instance of a deployment. */
  CURSOR_SIGNING_KEY: z.string().check(z.minLength(32)),
  /** Secrets Manager secret whose value signs judge-seat tokens (deployed); without it the key derives from the cursor key. */
  SEAT_TOKEN_SECRET_ARN: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:secretsmanager:[\w-]+:\d{12}:secret:.+$/))),
  /** KMS key (id or ARN) whose data keys seal raters' phone numbers (deployed); without it they derive from the cursor key. */
  PHONE_KEY_ID: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});

/** Which identity provider verifies bearer tokens. */
export type AuthConfig = { kind: 'cognito'; userPoolId: string; clientId: string } | { kind: 'dev'; publicJwk: Record<string, unknown> };

export interface RuntimeConfig {
  stage: 'local' | 'dev' | 'prod';
  region: string;
  endpoint: string | undefined;
  tables: TableNames;
  auth: AuthConfig;
  cursorKey: string;
  seatTokenSecretArn: string | undefined;
  phoneKeyId: string | undefined;
}

export function loadConfig(env: Record<string, string | undefined>): RuntimeConfig {
  const result = z.safeParse(environment, env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = result.data;
  const defaults = tableNamesFor(e.TABLE_PREFIX);
  return {
    stage: e.STAGE,
    region: e.AWS_REGION,
    endpoint: e.DYNAMODB_ENDPOINT,
    tables: {
      directory: e.TABLE_DIRECTORY ?? defaults.directory,
      rubrics: e.TABLE_RUBRICS ?? defaults.rubrics,
      competitions: e.TABLE_COMPETITIONS ?? defaults.competitions,
    },
    auth: authConfig(e),
    cursorKey: e.CURSOR_SIGNING_KEY,
    seatTokenSecretArn: e.SEAT_TOKEN_SECRET_ARN,
    phoneKeyId: e.PHONE_KEY_ID,
  };
}

function authConfig(e: z.infer<typeof environment>): AuthConfig {
  if (e.COGNITO_USER_POOL_ID || e.COGNITO_CLIENT_ID) {
    if (!e.COGNITO_USER_POOL_ID || !e.COGNITO_CLIENT_ID) throw new Error('Invalid configuration: COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID go together');
    return { kind: 'cognito', userPoolId: e.COGNITO_USER_POOL_ID, clientId: e.COGNITO_CLIENT_ID };
  }
  if (e.STAGE === 'prod') throw new Error('Invalid configuration: prod needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID');
  if (!e.AUTH_DEV_PUBLIC_JWK) throw new Error('Invalid configuration: set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, or AUTH_DEV_PUBLIC_JWK outside prod');
  try {
    return { kind: 'dev', publicJwk: JSON.parse(e.AUTH_DEV_PUBLIC_JWK) as Record<string, unknown> };
  } catch {
    throw new Error('Invalid configuration: AUTH_DEV_PUBLIC_JWK is not JSON');
  }
}
