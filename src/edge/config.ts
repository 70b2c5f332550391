import * as z from 'zod/mini';

/**
 * The deployment's edge settings, read beside src/config.ts (which owns the rest):
 * the secret CloudFront sends to prove a request came through it, and the bucket
 * large exports are written to. Validated once at start-up.
 */
const environment = z.object({
  STAGE: z.optional(z.string()),
  /** Shared with the CloudFront distribution's custom origin header; required in prod. */
  ORIGIN_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** Where exports too large for a Lambda response go (a presigned URL answers the request). */
  EXPORT_BUCKET: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/))),
  AWS_REGION: z.optional(z.string().check(z.minLength(1))),
});

export interface EdgeConfig {
  /** Null outside production when unset: local runs and tests reach the function directly. */
  originSecret: string | null;
  exportBucket: { name: string; region: string } | null;
}

export function loadEdgeConfig(env: Record<string, string | undefined>): EdgeConfig {
  const result = z.safeParse(environment, env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid edge configuration: ${problems}`);
  }
  const e = result.data;
  // Anything but an explicit dev/local stage is production: a missing STAGE must not open the API.
  const production = e.STAGE !== 'dev' && e.STAGE !== 'local';
  if (production && !e.ORIGIN_SECRET) {
    throw new Error('Invalid edge configuration: ORIGIN_SECRET is required in production (the CloudFront origin header)');
  }
  if (e.EXPORT_BUCKET && !e.AWS_REGION) throw new Error('Invalid edge configuration: EXPORT_BUCKET needs AWS_REGION');
  return {
    originSecret: e.ORIGIN_SECRET ?? null,
    exportBucket: e.EXPORT_BUCKET ? { name: e.EXPORT_BUCKET, region: e.AWS_REGION! } : null,
  };
}
