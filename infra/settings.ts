import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { TABLE_NAMES, type TableName } from '../src/store/tables.js';
import { RATINGS_PER_ADDRESS_PER_MINUTE } from '../src/services/ratings/ratings.js';
import { DYNAMO_WORST_CASE_MS } from '../src/store/client.js';

/**
 * Deployment settings, read from CDK context (`-c key=value` or `cdk.json`) and
 * validated before any construct exists, so a typo or a missing key fails the synth
 * instead of deploying something unintended.
 */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** CloudFront only accepts certificates from ACM in this region, and WAF web ACLs for CloudFront live here too. */
export const EDGE_REGION = 'us-east-1';

export interface CustomDomain {
  /** The site's host name, e.g. `scores.example.org`; the web origin is `https://<name>`. */
  readonly name: string;
  /** An ACM certificate in us-east-1 that covers `name`. */
  readonly certificateArn: string;
  /** A Route 53 public hosted zone to put the alias record in; without it, point DNS at CloudFront yourself. */
  readonly hostedZone: { readonly id: string; readonly name: string } | undefined;
}

/** How Cognito sends invitations and codes: through SES, from a verified identity. */
export interface EmailSender {
  /** The verified SES identity: a domain (`example.org`) or an address. */
  readonly identity: string;
  readonly fromEmail: string;
}

export interface StageSettings {
  readonly stage: Stage;
  /** Production keeps its data: RETAIN policies, deletion protection, backups. */
  readonly protectData: boolean;
  /**
   * Termination protection of the stacks. Off on a first deployment: the CLI turns it on before
   * it executes the change set, so a failed first create would leave a stack that cannot be deleted.
   */
  readonly terminationProtection: boolean;
  /** Region of the API and web stacks; required with the edge stacks (cross-region references need it). */
  readonly region: string | undefined;
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
  readonly domain: CustomDomain | undefined;
  /** Without one (dev only), Cognito's own sender with its small daily quota. */
  readonly email: EmailSender | undefined;
  readonly lambdaMemoryMb: number;
  readonly lambdaTimeout: Duration;
  /** Default route throttling of the API stage, in requests per second. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly logRetention: RetentionDays;
  /** Address subscribed to the alarm topics and the budget; required in production. */
  readonly alarmEmail: string | undefined;
  /** Monthly cost budget in USD, alerting at 80% actual and 100% forecast; none without an alarm email. */
  readonly monthlyBudgetUsd: number | undefined;
  /**
   * The edge in us-east-1: a WAF web ACL on the distribution and the CloudFront alarms. Always in
   * production; in dev with `-c edge=true`.
   */
  readonly edge: { readonly rateLimitPer5Minutes: number; readonly ratingRateLimitPer5Minutes: number } | undefined;
  /** Daily AWS Backup of the tables, copied to this vault (another region or account). */
  readonly backupCopyVaultArn: string | undefined;
  /** Tables to put behind the function instead of the stack's own, e.g. after a point-in-time restore. */
  readonly tableOverrides: Readonly<Partial<Record<TableName, string>>>;
  /** Bump to make CloudFormation resolve the Secrets Manager references again after a rotation. */
  readonly secretsRevision: number;
}

/** Context keys a deployment may set. */
export const CONTEXT = {
  stage: 'stage',
  region: 'region',
  firstDeploy: 'firstDeploy',
  domainName: 'domainName',
  certificateArn: 'certificateArn',
  hostedZoneId: 'hostedZoneId',
  hostedZoneName: 'hostedZoneName',
  webOrigin: 'webOrigin',
  authDomainPrefix: 'authDomainPrefix',
  sesIdentity: 'sesIdentity',
  sesFromEmail: 'sesFromEmail',
  alarmEmail: 'alarmEmail',
  monthlyBudgetUsd: 'monthlyBudgetUsd',
  edge: 'edge',
  wafRateLimit: 'wafRateLimit',
  wafRatingRateLimit: 'wafRatingRateLimit',
  backupCopyVaultArn: 'backupCopyVaultArn',
  lambdaMemoryMb: 'lambdaMemoryMb',
  lambdaTimeoutSeconds: 'lambdaTimeoutSeconds',
  throttleRateLimit: 'throttleRateLimit',
  throttleBurstLimit: 'throttleBurstLimit',
  secretsRevision: 'secretsRevision',
} as const;

/** `-c tableCompetitions=<name>` points the function at a restored copy of that table. */
export const tableOverrideKey = (name: TableName) => `table${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** What production cannot run without, with an example each: all missing ones are reported at once. */
const REQUIRED_IN_PROD = {
  region: 'ap-east-1 (or the CLI profile region)',
  domainName: 'scores.example.org',
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/… (us-east-1)',
  authDomainPrefix: 'xiaoshan-scores',
  alarmEmail: 'ops@example.org',
  sesIdentity: 'example.org',
  sesFromEmail: 'no-reply@example.org',
  backupCopyVaultArn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:bixue-ganchao-copy',
} as const;

interface StageDefaults {
  readonly protectData: boolean;
  readonly webOrigin: string | undefined;
  readonly throttle: StageSettings['throttle'];
  readonly logRetention: RetentionDays;
  readonly edge: boolean;
  readonly monthlyBudgetUsd: number | undefined;
}

/** The only differences between stages; everything else is the same everywhere. */
const STAGE_DEFAULTS: Record<Stage, StageDefaults> = {
  dev: {
    protectData: false,
    webOrigin: '*',
    throttle: { rateLimit: 20, burstLimit: 40 },
    logRetention: RetentionDays.TWO_WEEKS,
    edge: false,
    monthlyBudgetUsd: undefined,
  },
  prod: {
    protectData: true,
    // No default: a production API answers only the web app it was deployed for (https://<domainName>).
    webOrigin: undefined,
    throttle: { rateLimit: 200, burstLimit: 400 },
    logRetention: RetentionDays.THREE_MONTHS,
    edge: true,
    monthlyBudgetUsd: 50,
  },
};

const DEFAULT_MEMORY_MB = 1024;
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * API Gateway stops waiting for an HTTP API integration after 30 s; a function
 * timeout below that makes the function's own timeout fire, be logged and counted.
 */
const MAX_TIMEOUT_SECONDS = 29;

/**
 * The function must outlast the DynamoDB client's worst case for one call (every attempt timing
 * out, every back-off at its maximum) plus a second for the rest of the request; otherwise Lambda
 * kills it mid-retry and the caller sees a 503 from API Gateway instead of SERVICE_UNAVAILABLE.
 */
export const MIN_TIMEOUT_SECONDS = Math.ceil(DYNAMO_WORST_CASE_MS / 1000) + 1;

/**
 * Requests per client IP and 5 minutes before WAF blocks it. A hall of judges behind one NAT
 * address and a big screen polling every 2 s stay far below this.
 */
const DEFAULT_WAF_RATE_LIMIT = 3000;

/**
 * Requests per client IP and 5 minutes to the public rating operations (`ratingForm`,
 * `submitRating`) before WAF blocks it: a citizen's rating is one of each, and the API itself takes
 * RATINGS_PER_ADDRESS_PER_MINUTE ratings from an address a minute, so WAF stops only what the API
 * would refuse anyway, before it reaches the function.
 */
export const DEFAULT_WAF_RATING_RATE_LIMIT = 2 * RATINGS_PER_ADDRESS_PER_MINUTE * 5;

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
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const CERTIFICATE_ARN = new RegExp(`^arn:aws[a-z-]*:acm:${EDGE_REGION}:\\d{12}:certificate/[0-9a-f-]{36}$`);
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const BACKUP_VAULT_ARN = /^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[A-Za-z0-9_.-]{2,50}$/;
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

export interface SettingsDefaults {
  /** The region the CLI would deploy to (`CDK_DEFAULT_REGION`), used when `-c region` is absent. */
  readonly region?: string | undefined;
}

export function settingsFromContext(read: (key: string) => unknown, fallback: SettingsDefaults = {}): StageSettings {
  const stage = parseStage(read(CONTEXT.stage));
  const defaults = STAGE_DEFAULTS[stage];
  if (stage === 'prod') requireProductionKeys(read, fallback);

  const region = optionalMatch(read, CONTEXT.region, REGION, 'a region such as ap-east-1') ?? fallback.region;
  const domain = parseCustomDomain(read);
  const edgeEnabled = defaults.edge || flag(read, CONTEXT.edge);
  if (edgeEnabled && region === undefined) {
    throw new Error(
      `Context "${CONTEXT.region}" is required with the edge stacks (WAF and CloudFront alarms in ${EDGE_REGION}): ` +
        `cross-region references need an explicit region, e.g. -c ${CONTEXT.region}=ap-east-1`,
    );
  }
  const timeoutSeconds = integer(read, CONTEXT.lambdaTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS);
  const webOrigins = parseWebOrigins(stage, domain, read(CONTEXT.webOrigin) ?? defaults.webOrigin);
  const alarmEmail = parseEmail(read, CONTEXT.alarmEmail);
  const backupCopyVaultArn = optionalMatch(read, CONTEXT.backupCopyVaultArn, BACKUP_VAULT_ARN, 'a backup vault ARN');
  return {
    stage,
    protectData: defaults.protectData,
    terminationProtection: defaults.protectData && !flag(read, CONTEXT.firstDeploy),
    region,
    webOrigins,
    authOrigins: webOrigins.includes('*') ? [...LOCAL_AUTH_ORIGINS] : webOrigins,
    authDomainPrefix: parseDomainPrefix(read(CONTEXT.authDomainPrefix) ?? `bixue-ganchao-${stage}`),
    domain,
    email: parseEmailSender(read),
    lambdaMemoryMb: integer(read, CONTEXT.lambdaMemoryMb, DEFAULT_MEMORY_MB, 128, 10_240),
    lambdaTimeout: Duration.seconds(timeoutSeconds),
    throttle: {
      rateLimit: integer(read, CONTEXT.throttleRateLimit, defaults.throttle.rateLimit, 1, 10_000),
      burstLimit: integer(read, CONTEXT.throttleBurstLimit, defaults.throttle.burstLimit, 1, 5_000),
    },
    logRetention: defaults.logRetention,
    alarmEmail,
    monthlyBudgetUsd: alarmEmail === undefined ? undefined : (optionalInteger(read, CONTEXT.monthlyBudgetUsd, 1, 1_000_000) ?? defaults.monthlyBudgetUsd),
    edge: edgeEnabled
      ? {
          rateLimitPer5Minutes: integer(read, CONTEXT.wafRateLimit, DEFAULT_WAF_RATE_LIMIT, 100, 2_000_000_000),
          ratingRateLimitPer5Minutes: integer(read, CONTEXT.wafRatingRateLimit, DEFAULT_WAF_RATING_RATE_LIMIT, 10, 2_000_000_000),
        }
      : undefined,
    backupCopyVaultArn,
    tableOverrides: Object.fromEntries(
      TABLE_NAMES.flatMap((name) => {
        const value = optionalMatch(read, tableOverrideKey(name), TABLE_NAME, 'a DynamoDB table name');
        return value === undefined ? [] : [[name, value]];
      }),
    ),
    secretsRevision: integer(read, CONTEXT.secretsRevision, 1, 1, 1_000_000),
  };
}

function requireProductionKeys(read: (key: string) => unknown, fallback: SettingsDefaults): void {
  const missing = Object.entries(REQUIRED_IN_PROD).filter(([key]) => read(key) === undefined && !(key === CONTEXT.region && fallback.region));
  if (missing.length > 0) {
    throw new Error(
      `Production needs these context keys: ${missing.map(([key, example]) => `-c ${key}=${example}`).join(' ')} ` +
        `(see docs/operations.md, "Before the first deployment")`,
    );
  }
}

function parseStage(value: unknown): Stage {
  const stage = value ?? 'dev';
  if (!STAGES.includes(stage as Stage)) {
    throw new Error(`Context "${CONTEXT.stage}" must be one of ${STAGES.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return stage as Stage;
}

/** A custom domain needs its us-east-1 certificate; a hosted zone is optional and must contain the domain. */
function parseCustomDomain(read: (key: string) => unknown): CustomDomain | undefined {
  const name = optionalMatch(read, CONTEXT.domainName, HOST_NAME, 'a lowercase host name such as scores.example.org');
  const certificateArn = read(CONTEXT.certificateArn);
  if (name === undefined) {
    if (certificateArn !== undefined) throw new Error(`Context "${CONTEXT.certificateArn}" needs "${CONTEXT.domainName}"`);
    if (read(CONTEXT.hostedZoneId) !== undefined) throw new Error(`Context "${CONTEXT.hostedZoneId}" needs "${CONTEXT.domainName}"`);
    return undefined;
  }
  if (typeof certificateArn !== 'string' || !CERTIFICATE_ARN.test(certificateArn)) {
    throw new Error(
      `Context "${CONTEXT.certificateArn}" must be the ARN of an ACM certificate in ${EDGE_REGION} covering ${name} ` +
        `(CloudFront accepts no other region); got ${JSON.stringify(certificateArn)}`,
    );
  }
  const zoneId = optionalMatch(read, CONTEXT.hostedZoneId, HOSTED_ZONE_ID, 'a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ');
  const zoneName = optionalMatch(read, CONTEXT.hostedZoneName, HOST_NAME, 'the hosted zone name such as example.org');
  if ((zoneId === undefined) !== (zoneName === undefined)) {
    throw new Error(`Context "${CONTEXT.hostedZoneId}" and "${CONTEXT.hostedZoneName}" go together`);
  }
  if (zoneName !== undefined && name !== zoneName && !name.endsWith(`.${zoneName}`)) {
    throw new Error(`Context "${CONTEXT.domainName}" ${name} is not inside the hosted zone ${zoneName}`);
  }
  return { name, certificateArn, hostedZone: zoneId && zoneName ? { id: zoneId, name: zoneName } : undefined };
}

/**
 * The site's own origin when it has a custom domain, plus any listed in `webOrigin` (a comma-separated
 * list: `https://host[:port]`, and outside production also `*` or a local http origin).
 */
function parseWebOrigins(stage: Stage, domain: CustomDomain | undefined, value: unknown): string[] {
  const own = domain ? [`https://${domain.name}`] : [];
  if (value === undefined) {
    if (own.length > 0) return own;
    throw new Error(`Context "${CONTEXT.domainName}" (or "${CONTEXT.webOrigin}") is required for ${stage}, e.g. -c ${CONTEXT.domainName}=scores.example.org`);
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
  if (origins.includes('*') && own.length > 0) return own;
  return [...new Set([...own, ...origins])];
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

/** Both or neither; the sender address must belong to the identity when that is a domain. */
function parseEmailSender(read: (key: string) => unknown): EmailSender | undefined {
  const identity = read(CONTEXT.sesIdentity);
  const fromEmail = parseEmail(read, CONTEXT.sesFromEmail);
  if (identity === undefined && fromEmail === undefined) return undefined;
  if (typeof identity !== 'string' || fromEmail === undefined) {
    throw new Error(`Context "${CONTEXT.sesIdentity}" and "${CONTEXT.sesFromEmail}" go together`);
  }
  if (EMAIL.test(identity)) {
    if (identity !== fromEmail) throw new Error(`Context "${CONTEXT.sesFromEmail}" must be the verified address ${identity}`);
  } else if (!HOST_NAME.test(identity)) {
    throw new Error(`Context "${CONTEXT.sesIdentity}" must be a verified SES domain or address; got ${JSON.stringify(identity)}`);
  } else if (!fromEmail.endsWith(`@${identity}`)) {
    throw new Error(`Context "${CONTEXT.sesFromEmail}" must be an address at ${identity}; got ${fromEmail}`);
  }
  return { identity, fromEmail };
}

function integer(read: (key: string) => unknown, key: string, fallback: number, min: number, max: number): number {
  return optionalInteger(read, key, min, max) ?? fallback;
}

function optionalInteger(read: (key: string) => unknown, key: string, min: number, max: number): number | undefined {
  const raw = read(key);
  if (raw === undefined) return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Context "${key}" must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

function optionalMatch(read: (key: string) => unknown, key: string, pattern: RegExp, what: string): string | undefined {
  const value = read(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw new Error(`Context "${key}" must be ${what}; got ${JSON.stringify(value)}`);
  return value;
}

/** `-c key=true` on the command line arrives as the string "true". */
function flag(read: (key: string) => unknown, key: string): boolean {
  const value = read(key);
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`Context "${key}" must be true or false; got ${JSON.stringify(value)}`);
}

function parseEmail(read: (key: string) => unknown, key: string): string | undefined {
  const value = read(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !EMAIL.test(value)) {
    throw new Error(`Context "${key}" must be an email address; got ${JSON.stringify(value)}`);
  }
  return value;
}
