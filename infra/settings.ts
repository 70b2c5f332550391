import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * Deployment settings, read from CDK context (`-c key=value` or `cdk.json`) and
 * validated before any construct exists, so a typo fails the synth instead of
 * deploying something unintended.
 */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageSettings {
  readonly stage: Stage;
  /** Production keeps its data: RETAIN policies, deletion and termination protection. */
  readonly protectData: boolean;
  /** Browser origins allowed by CORS. */
  readonly webOrigins: readonly string[];
  /**
   * Origins the Cognito hosted UI may send the browser back to (`<origin>/auth/callback`,
   * `<origin>/` after sign-out): the listed https and loopback origins, or with `*` the
   * local client's (`npm run dev:web`, `npm start`).
   */
  readonly authOrigins: readonly string[];
  /** Prefix of the hosted UI's domain, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly authDomainPrefix: string;
  readonly lambdaMemoryMb: number;
  readonly lambdaTimeout: Duration;
  /** Default route throttling of the API stage, in requests per second. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly logRetention: RetentionDays;
  /** Optional address subscribed to the alarm topic. */
  readonly alarmEmail: string | undefined;
}

/** Context keys a deployment may set. */
export const CONTEXT = {
  stage: 'stage',
  webOrigin: 'webOrigin',
  lambdaMemoryMb: 'lambdaMemoryMb',
  lambdaTimeoutSeconds: 'lambdaTimeoutSeconds',
  throttleRateLimit: 'throttleRateLimit',
  throttleBurstLimit: 'throttleBurstLimit',
  alarmEmail: 'alarmEmail',
  authDomainPrefix: 'authDomainPrefix',
} as const;

interface StageDefaults {
  readonly protectData: boolean;
  readonly webOrigin: string | undefined;
  readonly throttle: StageSettings['throttle'];
  readonly logRetention: RetentionDays;
}

/** The only differences between stages; everything else is the same everywhere. */
const STAGE_DEFAULTS: Record<Stage, StageDefaults> = {
  dev: {
    protectData: false,
    webOrigin: '*',
    throttle: { rateLimit: 20, burstLimit: 40 },
    logRetention: RetentionDays.TWO_WEEKS,
  },
  prod: {
    protectData: true,
    // No default: a production API answers only the web app it was deployed for.
    webOrigin: undefined,
    throttle: { rateLimit: 200, burstLimit: 400 },
    logRetention: RetentionDays.THREE_MONTHS,
  },
};

const DEFAULT_MEMORY_MB = 1024;
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * API Gateway stops waiting for an HTTP API integration after 30 s; a function
 * timeout below that makes the function's own timeout fire, be logged and counted.
 */
const MAX_TIMEOUT_SECONDS = 29;

/** Where the local client runs: `npm run dev:web` (Vite) and `npm start`. */
export const LOCAL_AUTH_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:4000'] as const;

/**
 * Cognito's rules for a domain prefix: lowercase letters, digits and inner hyphens, at most
 * 63 characters, none of its reserved words.
 */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_DOMAIN_PREFIX = ['aws', 'amazon', 'cognito'];

const ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

export function settingsFromContext(read: (key: string) => unknown): StageSettings {
  const stage = parseStage(read(CONTEXT.stage));
  const defaults = STAGE_DEFAULTS[stage];
  const timeoutSeconds = integer(read, CONTEXT.lambdaTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
  const webOrigins = parseWebOrigins(stage, read(CONTEXT.webOrigin) ?? defaults.webOrigin);
  return {
    stage,
    protectData: defaults.protectData,
    webOrigins,
    authOrigins: webOrigins.includes('*') ? [...LOCAL_AUTH_ORIGINS] : webOrigins,
    authDomainPrefix: parseDomainPrefix(read(CONTEXT.authDomainPrefix) ?? `bixue-ganchao-${stage}`),
    lambdaMemoryMb: integer(read, CONTEXT.lambdaMemoryMb, DEFAULT_MEMORY_MB, 128, 10_240),
    lambdaTimeout: Duration.seconds(timeoutSeconds),
    throttle: {
      rateLimit: integer(read, CONTEXT.throttleRateLimit, defaults.throttle.rateLimit, 1, 10_000),
      burstLimit: integer(read, CONTEXT.throttleBurstLimit, defaults.throttle.burstLimit, 1, 5_000),
    },
    logRetention: defaults.logRetention,
    alarmEmail: parseEmail(read(CONTEXT.alarmEmail)),
  };
}

function parseStage(value: unknown): Stage {
  const stage = value ?? 'dev';
  if (!STAGES.includes(stage as Stage)) {
    throw new Error(`Context "${CONTEXT.stage}" must be one of ${STAGES.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return stage as Stage;
}

/** A comma-separated list of origins: `https://host[:port]`, and outside production also `*` or a local http origin. */
function parseWebOrigins(stage: Stage, value: unknown): string[] {
  if (value === undefined) {
    throw new Error(`Context "${CONTEXT.webOrigin}" is required for ${stage}, e.g. -c ${CONTEXT.webOrigin}=https://scores.example.org`);
  }
  const origins = String(value)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const allowed = (origin: string) => ORIGIN.test(origin) || (stage !== 'prod' && (origin === '*' || LOCAL_ORIGIN.test(origin)));
  const invalid = origins.filter((origin) => !allowed(origin));
  if (origins.length === 0 || invalid.length > 0) {
    throw new Error(
      `Context "${CONTEXT.webOrigin}" has invalid origins for ${stage}: ${JSON.stringify(invalid.length > 0 ? invalid : value)}; ` +
        (stage === 'prod' ? 'production accepts only https://host[:port]' : 'use *, https://host[:port] or http://localhost[:port]'),
    );
  }
  if (origins.includes('*') && origins.length > 1) {
    throw new Error(`Context "${CONTEXT.webOrigin}" cannot combine * with other origins`);
  }
  return origins;
}

/** Hosted-UI domain prefixes are global per region: a taken one fails the deployment, not the synth. */
function parseDomainPrefix(value: unknown): string {
  if (typeof value !== 'string' || !DOMAIN_PREFIX.test(value) || RESERVED_IN_DOMAIN_PREFIX.some((word) => value.includes(word))) {
    throw new Error(
      `Context "${CONTEXT.authDomainPrefix}" must be 1 to 63 lowercase letters, digits or inner hyphens, without ` +
        `${RESERVED_IN_DOMAIN_PREFIX.join(', ')}; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function integer(read: (key: string) => unknown, key: string, fallback: number, min: number, max: number): number {
  const raw = read(key);
  if (raw === undefined) return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Context "${key}" must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

function parseEmail(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new Error(`Context "${CONTEXT.alarmEmail}" must be an email address; got ${JSON.stringify(value)}`);
  }
  return value;
}
