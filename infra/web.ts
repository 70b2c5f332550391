import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, Fn, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { EXPORT_PATH, GRAPHQL_PATH } from './api.js';

/** The built web client (`npm run build:web`). */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Where the client reads how to sign in (web/src/auth/config.ts); absent, it uses the local demo sign-in. */
export const WEB_CONFIG_FILE = 'config.json';

/** The client's sign-in settings: the Cognito hosted UI and the app client the API accepts tokens of. */
export interface WebAuthConfig {
  readonly kind: 'cognito';
  /** The hosted UI's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domain: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export interface WebHostingProps {
  readonly httpApi: apigw.HttpApi;
  readonly auth: WebAuthConfig;
  readonly protectData: boolean;
  /** The built client; defaults to web/dist. Nothing is deployed while it does not exist. */
  readonly dist?: string;
}

/**
 * The web client on S3 behind CloudFront, with `/graphql` and `/export/*` routed
 * to the API through the same distribution: the browser talks to one origin, so
 * no CORS is involved and the API's CSRF guard holds.
 */
export class WebHosting extends Construct {
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const removalPolicy = props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const logs = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.protectData ? 365 : 30) }],
      removalPolicy,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the access-log destination for the site bucket and the CloudFront distribution; logging its own ' +
        'access would need yet another bucket and would only record the log deliveries themselves.',
    });

    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy,
    });

    // Client-side routes (/judge, /screen/…) are served index.html; files keep their paths.
    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (r.uri.indexOf('.') === -1) { r.uri = '/index.html'; } return r; }",
      ),
    });
    const api = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
    });
    const apiBehavior = (methods: cloudfront.AllowedMethods): cloudfront.BehaviorOptions => ({
      origin: api,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: methods,
      // The API decides caching itself (ETag, Cache-Control on published results) per caller.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    });

    const distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Bixue Ganchao web client and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [GRAPHQL_PATH]: apiBehavior(cloudfront.AllowedMethods.ALLOW_ALL),
        [EXPORT_PATH.replace('{proxy+}', '*')]: apiBehavior(cloudfront.AllowedMethods.ALLOW_GET_HEAD),
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Judges, organizers and audiences use the site wherever an event takes place, including while travelling; ' +
        'access is controlled by sign-in and roles, not by the country a request comes from.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'Abuse is bounded by API Gateway stage throttling and the API’s own query limits (depth, cost, aliases, tokens, ' +
        'body size); a WAF web ACL is a per-deployment cost decision left to the operator and can be attached later.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom domain the distribution serves the default *.cloudfront.net certificate, whose TLS policy ' +
        'CloudFront fixes; set minimumProtocolVersion TLSv1.2_2021 together with a custom domain and certificate.',
    });

    const dist = props.dist ?? WEB_DIST;
    if (existsSync(dist)) {
      new s3deploy.BucketDeployment(this, 'Deploy', {
        // config.json carries deploy-time values (the hosted UI's domain, the client id), so it is
        // written at deployment beside the build rather than baked into it.
        sources: [s3deploy.Source.asset(dist), s3deploy.Source.jsonData(WEB_CONFIG_FILE, { auth: props.auth })],
        destinationBucket: site,
        distribution,
        // Hashed assets never change; these two are read under the same name after every deployment.
        distributionPaths: ['/index.html', `/${WEB_CONFIG_FILE}`],
      });
      acknowledgeDeploymentProvider(this, site);
    } else {
      Annotations.of(this).addInfo(`web/dist not built: the site bucket is created but left empty (run npm run build:web)`);
    }
    this.url = `https://${distribution.distributionDomainName}`;
  }
}

/**
 * BucketDeployment runs a Lambda function that CDK itself defines and maintains
 * (copying the built client into the bucket at deploy time); its runtime and
 * policies are CDK's, not ours to tune.
 */
function acknowledgeDeploymentProvider(scope: Construct, site: s3.Bucket): void {
  const stack = Stack.of(scope);
  const siteArn = `<${stack.getLogicalId(site.node.defaultChild as CfnElement)}.Arn>/*`;
  // cdk-nag v3 acknowledges each finding of a rule on its own.
  const findings: [string, string][] = [
    ['AwsSolutions-L1', 'The runtime version'],
    ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'The AWS managed basic-execution policy'],
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((a): [string, string] => [`AwsSolutions-IAM5[Action::${a}]`, `The ${a} permission`]),
    ...[`arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*`, siteArn, '*'].map((r): [string, string] => [
      `AwsSolutions-IAM5[Resource::${r}]`,
      `Access to ${r === '*' ? 'any resource (CloudFront invalidation)' : r}`,
    ]),
  ];
  for (const provider of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
    for (const [id, what] of findings) {
      Validations.of(provider).acknowledge({
        id,
        reason:
          `${what} belongs to the BucketDeployment provider that aws-cdk-lib defines and maintains; it runs only during ` +
          'deployments to copy the built web client into the site bucket and invalidate the CDN.',
      });
    }
  }
}
