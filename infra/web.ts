import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, Fn, RemovalPolicy, Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_SECRET_HEADER } from '../src/edge/originGuard.js';
import { EXPORT_PATH, GRAPHQL_PATH } from './api.js';
import type { CustomDomain } from './settings.js';

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

/** Hashed build output (Vite): a file's name changes with its content, so it may be cached for good. */
export const HASHED_ASSETS_DIR = 'assets';

/** Two years, the HSTS preload list's minimum. */
const HSTS_MAX_AGE = Duration.days(730);

export interface WebHostingProps {
  readonly httpApi: apigw.HttpApi;
  readonly auth: WebAuthConfig;
  readonly protectData: boolean;
  /** The built client; defaults to web/dist. */
  readonly dist?: string;
  /**
   * Fail the synth when the client is not built (production): an empty bucket answers every page
   * with 403. Otherwise the bucket is left as it is, with an info message.
   */
  readonly requireBuild: boolean;
  /** Sent to the API as a custom origin header; the function refuses requests without it. */
  readonly originSecret: string;
  /** The organizer's own host name and its us-east-1 certificate; without it, the *.cloudfront.net name. */
  readonly domain: CustomDomain | undefined;
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach. */
  readonly webAclArn: string | undefined;
  /** Changing it updates the distribution, so CloudFormation resolves the origin secret again. */
  readonly secretsRevision: number;
}

/**
 * The web client on S3 behind CloudFront, with `/graphql` and `/export/*` routed
 * to the API through the same distribution: the browser talks to one origin, so
 * no CORS is involved and the API's CSRF guard holds.
 */
export class WebHosting extends Construct {
  readonly url: string;
  readonly distribution: cloudfront.Distribution;

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

    // Client-side routes (/judge, /screen/…) are served index.html, and a QR code's rating page
    // (/rate/<code>) rate.html; files keep their paths.
    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        'function handler(event) { var r = event.request; ' +
          "if (r.uri === '/rate' || r.uri.indexOf('/rate/') === 0) { r.uri = '/rate.html'; } " +
          "else if (r.uri.indexOf('.') === -1) { r.uri = '/index.html'; } return r; }",
      ),
    });
    const api = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      // CloudFront replaces any viewer header of this name, so only it can present the secret.
      customHeaders: { [ORIGIN_SECRET_HEADER]: props.originSecret },
    });
    const headers = securityHeaders(this, props.auth);
    const apiBehavior = (methods: cloudfront.AllowedMethods): cloudfront.BehaviorOptions => ({
      origin: api,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: methods,
      // The API decides caching itself (ETag, Cache-Control on published results) per caller.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    });

    const domain = props.domain;
    const distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `Bixue Ganchao web client and API (secrets revision ${props.secretsRevision})`,
      defaultRootObject: 'index.html',
      ...(domain
        ? {
            domainNames: [domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Honours each object's Cache-Control (immutable assets, no-cache for index.html, rate.html and config.json).
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
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
    this.distribution = distribution;
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Judges, organizers and audiences use the site wherever an event takes place, including while travelling; ' +
        'access is controlled by sign-in and roles, not by the country a request comes from.',
    });
    if (!props.webAclArn) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'Development deployments run without the edge stack unless -c edge=true: abuse is bounded there by API Gateway ' +
          'stage throttling and the API’s own query limits (depth, cost, aliases, tokens, body size). Production always ' +
          'attaches the WAF web ACL of the edge stack.',
      });
    }
    if (!domain) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain (development only) the distribution serves the default *.cloudfront.net certificate, ' +
          'whose TLS policy CloudFront fixes; with domainName and certificateArn it uses TLSv1.2_2021.',
      });
    }
    if (domain?.hostedZone) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: domain.hostedZone.id, zoneName: domain.hostedZone.name });
      const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution));
      new route53.ARecord(this, 'AliasV4', { zone, recordName: domain.name, target });
      new route53.AaaaRecord(this, 'AliasV6', { zone, recordName: domain.name, target });
    }

    const dist = props.dist ?? WEB_DIST;
    if (existsSync(join(dist, 'index.html'))) {
      deployClient(this, { dist, site, distribution, auth: props.auth });
      acknowledgeDeploymentProvider(this, site);
    } else if (props.requireBuild) {
      throw new Error(`The web client is not built (${dist}/index.html is missing): run npm run build:web, or deploy with npm run deploy:prod`);
    } else {
      Annotations.of(this).addInfo(`web/dist not built: the site bucket is created but left empty (run npm run build:web)`);
    }
    this.url = domain ? `https://${domain.name}` : `https://${distribution.distributionDomainName}`;
  }
}

/**
 * The client in two deployments, because the two halves are cached differently. Hashed assets
 * first, marked immutable and never pruned: a browser still running the previous release (or a
 * cached index.html) can load its chunks after the new release is live. Then index.html, the
 * rating page rate.html, the other root files and config.json, revalidated on every load and
 * invalidated at the edge.
 */
function deployClient(scope: Construct, props: { dist: string; site: s3.Bucket; distribution: cloudfront.Distribution; auth: WebAuthConfig }) {
  const assets = new s3deploy.BucketDeployment(scope, 'DeployAssets', {
    sources: [s3deploy.Source.asset(join(props.dist, HASHED_ASSETS_DIR))],
    destinationBucket: props.site,
    destinationKeyPrefix: `${HASHED_ASSETS_DIR}/`,
    cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.days(365)), s3deploy.CacheControl.immutable()],
    prune: false,
  });
  const root = new s3deploy.BucketDeployment(scope, 'Deploy', {
    // config.json carries deploy-time values (the hosted UI's domain, the client id), so it is
    // written at deployment beside the build rather than baked into it.
    sources: [s3deploy.Source.asset(props.dist, { exclude: [HASHED_ASSETS_DIR] }), s3deploy.Source.jsonData(WEB_CONFIG_FILE, { auth: props.auth })],
    destinationBucket: props.site,
    cacheControl: [s3deploy.CacheControl.noCache()],
    // Pruning here would delete the assets the other deployment keeps.
    prune: false,
    distribution: props.distribution,
    // Hashed assets never change; the two pages and config.json are read under the same name after
    // every deployment (the routing function rewrites client routes to the pages before the cache).
    distributionPaths: ['/index.html', '/rate.html', `/${WEB_CONFIG_FILE}`],
  });
  root.node.addDependency(assets);
}

/**
 * HSTS, a CSP that allows only the site itself and the Cognito hosted UI (token and revocation
 * requests, sign-in and sign-out navigation), no framing, no MIME sniffing. Tokens live in
 * localStorage, so keeping foreign script out is what protects them.
 */
function securityHeaders(scope: Construct, auth: WebAuthConfig): cloudfront.ResponseHeadersPolicy {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${auth.domain}`,
    `form-action 'self' ${auth.domain}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
  return new cloudfront.ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Bixue Ganchao: HSTS, CSP, no framing',
    securityHeadersBehavior: {
      strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
  });
}

/**
 * BucketDeployment runs a Lambda function that CDK itself defines and maintains
 * (copying the built client into the bucket at deploy time); its runtime and
 * policies are CDK's, not ours to tune.
 */
function acknowledgeDeploymentProvider(scope: Construct, site: s3.Bucket): void {
  const stack = Stack.of(scope);
  const siteArn = `<${stack.getLogicalId(site.node.defaultChild as CfnElement)}.Arn>/*`;
  // The bootstrap bucket's ARN names region and partition literally once the stack has a region (with the edge stacks).
  const assetsBucket = Token.isUnresolved(stack.region)
    ? 'arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>'
    : `arn:${stack.partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}`;
  // cdk-nag v3 acknowledges each finding of a rule on its own.
  const findings: [string, string][] = [
    ['AwsSolutions-L1', 'The runtime version'],
    ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'The AWS managed basic-execution policy'],
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((a): [string, string] => [
      `AwsSolutions-IAM5[Action::${a}]`,
      `The ${a} permission`,
    ]),
    ...[`${assetsBucket}/*`, siteArn, '*'].map((r): [string, string] => [
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
