import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { LAMBDA_ALIASES, LAMBDA_BUNDLE_OPTIONS, LAMBDA_RESOLVE_EXTENSIONS } from '../scripts/lambdaBundle.js';
import { TABLE_NAMES } from '../src/store/tables.js';
import type { StageSettings } from './settings.js';
import type { ScoringTables } from './tables.js';
import type { UserDirectory } from './users.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GRAPHQL_PATH = '/graphql';
export const EXPORT_PATH = '/export/{proxy+}';

export interface GraphqlApiProps {
  readonly settings: StageSettings;
  readonly tables: ScoringTables;
  readonly users: UserDirectory;
}

/** How long an export spilled to S3 stays there; its presigned link dies after five minutes anyway. */
const EXPORT_OBJECT_LIFETIME = Duration.days(1);

/** The GraphQL Lambda function behind an API Gateway HTTP API at `/graphql`. */
export class GraphqlApi extends Construct {
  readonly function: NodejsFunction;
  /** Serves GET/HEAD /export/* (src/lambdaExports.ts). */
  readonly exportFunction: NodejsFunction;
  readonly functionLogs: logs.LogGroup;
  readonly url: string;
  readonly httpApi: apigw.HttpApi;
  /**
   * Sent by CloudFront as a custom origin header and checked by the function (src/edge/originGuard.ts),
   * so the execute-api URL alone is refused.
   */
  readonly originSecret: secretsmanager.Secret;
  /** Signs pagination cursors; the same for every instance of the function. */
  readonly cursorSigningKey: secretsmanager.Secret;
  /**
   * Signs the tokens of judge seats joined by QR code (`joinRound`). Read by the function at run
   * time through `SEAT_TOKEN_SECRET_ARN`; a new value signs every joined judge out.
   */
  readonly seatTokenKey: secretsmanager.Secret;
  /**
   * Wraps the data keys that seal raters' phone numbers (src/crypto/kmsDataKeys.ts). Retained
   * where data is protected: without it the stored numbers cannot be read back for a callback.
   */
  readonly phoneKey: kms.Key;
  readonly exportBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const { settings, tables, users } = props;
    const removalPolicy = settings.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const functionLogs = new logs.LogGroup(this, 'FunctionLogs', { retention: settings.logRetention, removalPolicy });
    this.functionLogs = functionLogs;

    this.originSecret = generatedSecret(this, 'OriginSecret', 'Shared between CloudFront (custom origin header) and the GraphQL function');
    this.cursorSigningKey = generatedSecret(this, 'CursorSigningKey', 'Signs the GraphQL API’s pagination cursors');
    // Not retained in production either, like the other two: it guards no data, only the sessions of
    // judges joined to a round, and a stack that is gone has no API left to accept those tokens.
    this.seatTokenKey = generatedSecret(
      this,
      'SeatTokenSigningKey',
      'Seat token signing key: signs the tokens of judges who joined a round by QR code; a new value signs them all out',
      'The function reads the value by ARN when it signs or verifies a judge-seat token, and a new value makes every ' +
        'token signed with the old one invalid: every judge joined to a round would be signed out, mid-show if a ' +
        'schedule chose the moment. It is rotated by hand between events (infra/README.md: new value, then a ' +
        'deployment with a new secretsRevision so every function instance reads it).',
    );

    this.phoneKey = new kms.Key(this, 'PhoneKey', {
      description:
        'Seals raters’ phone numbers (envelope encryption): the GraphQL function generates data keys with it and decrypts them for an audited callback',
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });

    // Exports too large for a Lambda response (src/exports/spill.ts): written once, read through a presigned link, gone within a day.
    this.exportBucket = new s3.Bucket(this, 'ExportBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: EXPORT_OBJECT_LIFETIME, abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // The web client downloads a large export with fetch(), which follows the 303 here: the
      // presigned GET must be allowed from the app's origins (no credentials travel with it).
      cors: [{ allowedMethods: [s3.HttpMethods.GET], allowedOrigins: [...settings.webOrigins], maxAge: 3600 }],
      removalPolicy,
    });
    Validations.of(this.exportBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Objects here are exports that already passed the API’s authentication and visibility checks, each logged with its ' +
        'caller by the function and by the API access log; they expire within a day. Server access logs would record only ' +
        'the presigned downloads of those same files.',
    });
    // Its own role instead of AWSLambdaBasicExecutionRole, which may write to any log group.
    const role = new iam.Role(this, 'FunctionRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    functionLogs.grantWrite(role);

    // Both functions: one role, one log group, the same environment and bundling; only the entry differs.
    const apiFunction = (functionId: string, entry: string, description: string) =>
      new NodejsFunction(this, functionId, {
        description,
        entry: `${PROJECT_ROOT}${entry}`,
        handler: 'handler',
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: settings.lambdaMemoryMb,
        timeout: settings.lambdaTimeout,
        role,
        logGroup: functionLogs,
        environment: {
          // Explicit: the function treats an unset STAGE as production.
          STAGE: settings.stage,
          ...Object.fromEntries(TABLE_NAMES.map((name) => [`TABLE_${name.toUpperCase()}`, tables.live[name].tableName])),
          COGNITO_USER_POOL_ID: users.userPool.userPoolId,
          COGNITO_CLIENT_ID: users.webClient.userPoolClientId,
          // CloudFormation dynamic references: resolved at deployment, never written into the template.
          CURSOR_SIGNING_KEY: this.cursorSigningKey.secretValue.unsafeUnwrap(),
          ORIGIN_SECRET: this.originSecret.secretValue.unsafeUnwrap(),
          // A new value makes CloudFormation update the function, and so resolve the secrets again (docs/operations.md).
          SECRETS_REVISION: String(settings.secretsRevision),
          // Read at run time by ARN (the role may read this one secret), not resolved into the environment.
          SEAT_TOKEN_SECRET_ARN: this.seatTokenKey.secretArn,
          PHONE_KEY_ID: this.phoneKey.keyArn,
          EXPORT_BUCKET: this.exportBucket.bucketName,
          NODE_OPTIONS: '--enable-source-maps',
        },
        // The same esbuild settings the benchmark measures (scripts/lambdaBundle.ts).
        bundling: {
          forceDockerBundling: false,
          format: OutputFormat.ESM,
          target: LAMBDA_BUNDLE_OPTIONS.target as string,
          mainFields: [...(LAMBDA_BUNDLE_OPTIONS.mainFields ?? [])],
          banner: LAMBDA_BUNDLE_OPTIONS.banner?.js,
          minify: LAMBDA_BUNDLE_OPTIONS.minify,
          sourceMap: true,
          sourcesContent: LAMBDA_BUNDLE_OPTIONS.sourcesContent,
          externalModules: [...(LAMBDA_BUNDLE_OPTIONS.external ?? [])],
          esbuildArgs: {
            ...Object.fromEntries(Object.entries(LAMBDA_ALIASES).map(([from, to]) => [`--alias:${from}`, `${PROJECT_ROOT}${to.slice(2)}`])),
            '--resolve-extensions': LAMBDA_RESOLVE_EXTENSIONS.join(','),
          },
        },
      });
    this.function = apiFunction('Function', 'src/lambda.ts', `GraphQL scoring API (${settings.stage})`);
    // Exports (CSV, JSON Lines, XLSX) run apart, so the spreadsheet library stays out of the GraphQL bundle.
    this.exportFunction = apiFunction('ExportFunction', 'src/lambdaExports.ts', `Exports of the scoring API (${settings.stage})`);
    for (const fn of [this.function, this.exportFunction]) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'nodejs22.x is pinned on purpose: it is a supported LTS runtime and the one this service is built and tested for. ' +
          'Moving to a newer Node.js is a deliberate upgrade of the toolchain and tests, not a side effect of a CDK release.',
      });
    }
    // The shared role: both functions read and write items (exports record an API key's last use).
    tables.grantItemAccess(role);
    // GetSecretValue and DescribeSecret on the seat token key alone (the role is shared, so the exports function may too).
    this.seatTokenKey.grantRead(this.function);
    // Data keys for raters' phone numbers, and their unwrapping for a callback; nothing else on the key (no Encrypt of arbitrary data, no key administration).
    this.phoneKey.grant(this.function, 'kms:GenerateDataKey', 'kms:Decrypt');
    // Write an export and sign its GET link; nothing else in the bucket (no listing, no deletion).
    iam.Grant.addToPrincipal({ grantee: role, actions: ['s3:PutObject', 's3:GetObject'], resourceArns: [this.exportBucket.arnForObjects('exports/*')] });
    const bucketId = Stack.of(this).getLogicalId(this.exportBucket.node.defaultChild as CfnElement);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/exports/*]`,
      reason:
        'Each spilled export gets a new random key (exports/<date>/<uuid>/<file>), so no fixed object ARN exists to grant; ' +
        'the grant is limited to that prefix of the function’s own export bucket, and to writing and reading objects there.',
    });

    const api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-graphql`,
      description: `GraphQL scoring API (${settings.stage})`,
      createDefaultStage: false,
      // With CORS configured, API Gateway answers preflight requests itself.
      corsPreflight: {
        allowOrigins: [...settings.webOrigins],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        // Apollo Server's CSRF prevention accepts these headers as proof of a preflighted request.
        allowHeaders: ['authorization', 'x-api-key', 'content-type', 'if-none-match', 'apollo-require-preflight', 'x-apollo-operation-name'],
        exposeHeaders: ['etag'],
        maxAge: Duration.hours(1),
      },
    });
    const integration = new HttpLambdaIntegration('GraphqlIntegration', this.function);
    const exportIntegration = new HttpLambdaIntegration('ExportIntegration', this.exportFunction);
    const routes = [
      ...api.addRoutes({ path: GRAPHQL_PATH, methods: [apigw.HttpMethod.ANY], integration }),
      // CSV, JSON Lines and XLSX exports for BI tools and people (src/exports/handler.ts).
      ...api.addRoutes({ path: EXPORT_PATH, methods: [apigw.HttpMethod.GET, apigw.HttpMethod.HEAD], integration: exportIntegration }),
    ];
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization happens in the function: every GraphQL field requires a verified bearer token and checks the ' +
          "caller's roles (src/graphql/access.ts). A gateway JWT authorizer on this ANY route would also intercept the " +
          'CORS preflight, which browsers send without a token, and break the web app.',
      });
    }

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: settings.logRetention, removalPolicy });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            error: '$context.error.message',
          }),
        ),
      },
    });
    this.httpApi = api;
    this.url = `${stage.url}${GRAPHQL_PATH.slice(1)}`;
  }
}

/** Why the secrets resolved into the function and the distribution at deployment have no automatic rotation. */
const DEPLOYMENT_SECRET_ROTATION =
  'The value is read by CloudFormation dynamic references into the function and the CloudFront origin header at ' +
  'deployment; a rotation Lambda would change it behind their backs. It is rotated by the documented procedure ' +
  '(docs/operations.md: new value, then a deployment with a new secretsRevision).';

/**
 * A random secret of 64 letters and digits (safe in an HTTP header and an environment variable).
 * Rotation is manual and documented (`rotationReason`, acknowledged for cdk-nag): the origin secret
 * and the cursor key are copied into the CloudFront distribution and the function at deployment, so
 * an automatic rotation would leave both holding the old value.
 */
function generatedSecret(scope: Construct, id: string, description: string, rotationReason = DEPLOYMENT_SECRET_ROTATION): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: rotationReason });
  return secret;
}
