import { tableNamesFor, type TableNames } from './store/tables.js';
import * as z from 'zod/mini';

/**
 * Runtime configuration from the environment, validated once at start-up so a
 * misconfigured deployment fails loudly instead of serving wrong answers.
 */
const environment = z.object({
  STAGE: z._default(z.enum(['local', 'dev', 'prod']), 'dev'),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'local'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  TABLE_PREFIX: z._default(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,200}$/)), 'bxgc'),
  TABLE_DIRECTORY: z.optional(z.string().check(z.minLength(3))),
  TABLE_RUBRICS: z.optional(z.string().check(z.minLength(3))),
  TABLE_COMPETITIONS: z.optional(z.string().check(z.minLength(3))),
  /** Public JWK (JSON) of the local/dev token issuer. */
  AUTH_DEV_PUBLIC_JWK: z.optional(z.string().check(z.minLength(2))),
});

export interface RuntimeConfig {
  stage: 'local' | 'dev' | 'prod';
  region: string;
  endpoint: string | undefined;
  tables: TableNames;
  devPublicJwk: Record<string, unknown> | undefined;
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
    devPublicJwk: e.AUTH_DEV_PUBLIC_JWK ? (JSON.parse(e.AUTH_DEV_PUBLIC_JWK) as Record<string, unknown>) : undefined,
  };
}
