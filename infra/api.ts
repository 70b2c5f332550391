import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TABLE_NAMES } from '../src/store/tables.js';
import type { StageSettings } from './settings.js';
import type { ScoringTables } from './tables.js';
import type { UserDirectory } from './users.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GRAPHQL_PATH = '/graphql';

/**
 * esbuild turns `require()` calls of bundled CommonJS packages into a shim that
 * throws in an ES module ("Dynamic require of node:diagnostics_channel is not
 * supported") unless a real `require` exists.
 */
const CREATE_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export interface GraphqlApiProps {
  readonly settings: StageSettings;
  readonly tables: ScoringTables;
  readonly users: UserDirectory;
}

/** The GraphQL Lambda function behind an API Gateway HTTP API at `/graphql`. */
export class GraphqlApi extends Construct {
  readonly function: NodejsFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const { settings, tables, users } = props;
    const removalPolicy = settings.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const functionLogs = new logs.LogGroup(this, 'FunctionLogs', { retention: settings.logRetention, removalPolicy });
    // Its own role instead of AWSLambdaBasicExecutionRole, which may write to any log group.
    const role = new iam.Role(this, 'FunctionRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    functionLogs.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      description: `GraphQL scoring API (${settings.stage})`,
      entry: `${PROJECT_ROOT}src/lambda.ts`,
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
        STAGE: settings.stage,
        ...Object.fromEntries(TABLE_NAMES.map((name) => [`TABLE_${name.toUpperCase()}`, tables.tables[name].tableName])),
        COGNITO_USER_POOL_ID: users.userPool.userPoolId,
        COGNITO_CLIENT_ID: users.webClient.userPoolClientId,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        // Prefer the ES module build of dependencies that ship both, matching the output format.
        mainFields: ['module', 'main'],
        banner: CREATE_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        // Stack traces need the mappings only; embedded sources would triple the map's size.
        sourcesContent: false,
        // The Node.js 22 runtime provides AWS SDK v3.
        externalModules: ['@aws-sdk/*'],
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned on purpose: it is a supported LTS runtime and the one this service is built and tested for. ' +
        'Moving to a newer Node.js is a deliberate upgrade of the toolchain and tests, not a side effect of a CDK release.',
    });
    tables.grantItemAccess(this.function);

    const api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-graphql`,
      description: `GraphQL scoring API (${settings.stage})`,
      createDefaultStage: false,
      // With CORS configured, API Gateway answers preflight requests itself.
      corsPreflight: {
        allowOrigins: [...settings.webOrigins],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        // Apollo Server's CSRF prevention accepts these headers as proof of a preflighted request.
        allowHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
        maxAge: Duration.hours(1),
      },
    });
    const routes = api.addRoutes({
      path: GRAPHQL_PATH,
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('GraphqlIntegration', this.function),
    });
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
    this.url = `${stage.url}${GRAPHQL_PATH.slice(1)}`;
  }
}
