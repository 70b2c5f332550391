import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../src/edge/originGuard.js';
import { builtClient, PROD_CONTEXT, PROD_DOMAIN, synthApp } from './testing.js';

const BUILT = builtClient();
afterAll(() => rmSync(BUILT, { recursive: true, force: true }));

type Resolvable = Record<string, any>;

function synthWeb(stage: 'dev' | 'prod', webDist: string = BUILT, context: Record<string, unknown> = {}) {
  const { app, stacks } = synthApp(stage, { webDist, context });
  return { app, stacks, stack: stacks.web, template: Template.fromStack(stacks.web) };
}

function distributionConfig(template: Template): Resolvable {
  return Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
}

function nagFindings(stack: Parameters<AwsSolutionsChecks['validateScope']>[0]) {
  return new AwsSolutionsChecks().validateScope(stack).violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
}

describe.each(['dev', 'prod'] as const)('%s web stack', (stage) => {
  const prod = stage === 'prod';
  const { app, stacks, stack, template } = synthWeb(stage);
  const distribution = distributionConfig(template);

  it('serves the client from a private, encrypted bucket through CloudFront, with the API on the same origin', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.objectLike({}),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distribution.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(['/export/*', '/graphql']);
    expect(distribution.Logging).toBeDefined();
  });

  it('sends the origin secret to the API as a custom header resolved from the API stack’s secret', () => {
    const apiOrigin = distribution.Origins.find((o: Resolvable) => o.CustomOriginConfig);
    expect(apiOrigin.OriginCustomHeaders).toEqual([
      {
        HeaderName: ORIGIN_SECRET_HEADER,
        HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { 'Fn::ImportValue': expect.stringMatching(/OriginSecret/) }, ':SecretString:::}}']] },
      },
    ]);
  });

  it('references the API stack strongly (exports and imports), never by stack output lookups', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toContain('Fn::GetStackOutput');
    const imports = [...json.matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map((m) => m[1]!);
    const apiOutputs = Object.values((Template.fromStack(stacks.api).toJSON() as Resolvable).Outputs)
      .map((o: any) => o.Export?.Name)
      .filter(Boolean);
    expect(new Set(imports)).toEqual(new Set(apiOutputs));
    expect(imports.length).toBeGreaterThanOrEqual(3);
  });

  it('answers with HSTS, a CSP limited to the site and the hosted UI, and no framing, on every behaviour', () => {
    const [policyId, policy] = Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!;
    const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'; script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\//);
    expect(csp).toContain('amazoncognito.com');
    for (const behavior of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('caches hashed assets for good and keeps old ones; revalidates index.html, rate.html and config.json', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map((d) => d.Properties as Resolvable);
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => d.DestinationBucketKeyPrefix === 'assets/')!;
    const root = deployments.find((d) => d.DestinationBucketKeyPrefix === undefined)!;
    expect(assets.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(assets.Prune).toBe(false);
    expect(root.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(root.Prune).toBe(false);
    expect(root.SourceObjectKeys).toHaveLength(2);
    expect(root.DistributionPaths).toEqual(['/index.html', '/rate.html', '/config.json']);
  });

  it('routes client paths to index.html and a QR code’s rating page to rate.html, before the cache', () => {
    const [fn] = Object.values(template.findResources('AWS::CloudFront::Function')).map((f) => f.Properties as Resolvable);
    expect(fn!.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
    ]);
    const handler = new Function(`${fn!.FunctionCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const routed = (uri: string) => handler({ request: { uri } }).uri;
    expect(routed('/rate/7KQ2MXW9PA')).toBe('/rate.html');
    expect(routed('/rate/7KQ2MXW9PA/')).toBe('/rate.html');
    expect(routed('/rate')).toBe('/rate.html');
    expect(routed('/judge/rounds/01J')).toBe('/index.html');
    expect(routed('/organizer')).toBe('/index.html');
    expect(routed('/rates')).toBe('/index.html');
    expect(routed('/assets/rate-Dk2LIu9M.js')).toBe('/assets/rate-Dk2LIu9M.js');
    expect(routed('/rate.html')).toBe('/rate.html');
    expect(routed('/config.json')).toBe('/config.json');
  });

  it('writes config.json for the hosted UI and app client of the API stack', () => {
    const root = Object.values(template.findResources('Custom::CDKBucketDeployment'))
      .map((d) => d.Properties as Resolvable)
      .find((d) => d.DestinationBucketKeyPrefix === undefined)!;
    const hash = (root.SourceObjectKeys[1] as string).replace(/\.zip$/, '');
    const config = JSON.parse(readFileSync(join(app.outdir, `asset.${hash}`, 'config.json'), 'utf8')) as { auth: Record<string, string> };
    expect(config).toEqual({ auth: { kind: 'cognito', domain: expect.any(String), clientId: expect.any(String), scopes: ['openid', 'email', 'profile'] } });
    const markers = root.SourceMarkers[1] as Record<string, Resolvable>;
    expect(
      Object.values(markers)
        .map((m) => JSON.stringify(m))
        .join(),
    ).toMatch(/Fn::ImportValue.*HostedUi.*|Fn::ImportValue.*WebClient/);
  });

  it('is clean under cdk-nag AwsSolutions with only reviewed acknowledgements, and has no CDK warnings', () => {
    expect(nagFindings(stack)).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  if (prod) {
    it('serves the organizer’s domain with its us-east-1 certificate, TLS 1.2 (2021) and a Route 53 alias', () => {
      expect(distribution.Aliases).toEqual([PROD_DOMAIN]);
      expect(distribution.ViewerCertificate).toEqual({
        AcmCertificateArn: PROD_CONTEXT.certificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      const records = Object.values(template.findResources('AWS::Route53::RecordSet')).map((r) => r.Properties);
      expect(records.map((r) => [r.Type, r.Name, r.HostedZoneId])).toEqual([
        ['A', `${PROD_DOMAIN}.`, PROD_CONTEXT.hostedZoneId],
        ['AAAA', `${PROD_DOMAIN}.`, PROD_CONTEXT.hostedZoneId],
      ]);
      expect(JSON.stringify(template.toJSON().Outputs.WebUrl.Value)).toBe(JSON.stringify(`https://${PROD_DOMAIN}`));
    });

    it('attaches the WAF web ACL of the us-east-1 edge stack', () => {
      expect(JSON.stringify(distribution.WebACLId)).toMatch(/ExportsReader.*FirewallWebAcl.*Arn/);
      const firewall = stacks.edge!.firewall;
      expect(firewall.region).toBe('us-east-1');
      expect(stack.region).toBe(PROD_CONTEXT.region);
      const [, acl] = Object.entries(Template.fromStack(firewall).findResources('AWS::WAFv2::WebACL'))[0]!;
      expect(acl.Properties.Scope).toBe('CLOUDFRONT');
      const rules = acl.Properties.Rules as Resolvable[];
      expect(rules[0]).toMatchObject({
        Name: 'RatePerClientIp',
        Action: { Block: {} },
        Statement: { RateBasedStatement: { Limit: 3000, AggregateKeyType: 'IP' } },
      });
      expect(rules.slice(2).map((r) => r.Statement.ManagedRuleGroupStatement.Name)).toEqual([
        'AWSManagedRulesAmazonIpReputationList',
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
      ]);
      expect(nagFindings(firewall)).toEqual([]);
    });

    it('limits each client IP to 300 public rating requests in 5 minutes: /graphql bodies naming submitRating or ratingForm, or a query string naming ratingForm', () => {
      const [, acl] = Object.entries(Template.fromStack(stacks.edge!.firewall).findResources('AWS::WAFv2::WebACL'))[0]!;
      const rules = acl.Properties.Rules as Resolvable[];
      const rule = rules.find((r) => r.Name === 'RatingRatePerClientIp')!;
      expect(rule).toMatchObject({ Priority: 1, Action: { Block: {} }, VisibilityConfig: { MetricName: 'bixue-ganchao-prod-rating-rate-per-ip' } });
      // Priorities are distinct and in order: both rate rules before the managed groups.
      expect(rules.map((r) => r.Priority)).toEqual(rules.map((_, i) => i));
      const { ScopeDownStatement: scope, ...rate } = rule.Statement.RateBasedStatement;
      expect(rate).toEqual({ Limit: 300, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
      const [path, operations] = scope.AndStatement.Statements as [Resolvable, Resolvable];
      expect(path.ByteMatchStatement).toEqual({
        FieldToMatch: { UriPath: {} },
        PositionalConstraint: 'EXACTLY',
        SearchString: '/graphql',
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      });
      expect(operations.OrStatement.Statements.map((s: Resolvable) => s.ByteMatchStatement)).toEqual([
        {
          FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
          PositionalConstraint: 'CONTAINS',
          SearchString: 'submitRating',
          TextTransformations: [{ Priority: 0, Type: 'JS_DECODE' }],
        },
        {
          FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
          PositionalConstraint: 'CONTAINS',
          SearchString: 'ratingForm',
          TextTransformations: [{ Priority: 0, Type: 'JS_DECODE' }],
        },
        {
          FieldToMatch: { QueryString: {} },
          PositionalConstraint: 'CONTAINS',
          SearchString: 'ratingForm',
          TextTransformations: [{ Priority: 0, Type: 'URL_DECODE' }],
        },
      ]);
    });

    it('alarms on CloudFront’s 5xx rate and the monthly budget in us-east-1, to the required subscriber', () => {
      const alarmsStack = stacks.edge!.alarms;
      expect(alarmsStack.region).toBe('us-east-1');
      const edge = Template.fromStack(alarmsStack);
      edge.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/CloudFront', MetricName: '5xxErrorRate', Threshold: 5, EvaluationPeriods: 2 });
      edge.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: PROD_CONTEXT.alarmEmail });
      edge.hasResourceProperties('AWS::Budgets::Budget', {
        Budget: Match.objectLike({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 50, Unit: 'USD' } }),
      });
      expect(nagFindings(alarmsStack)).toEqual([]);
    });

    it('refuses to synthesize without the built client', () => {
      expect(() => synthWeb('prod', join(BUILT, 'missing'))).toThrow(/web client is not built/);
    });
  } else {
    it('leaves the bucket empty, config.json included, while the client is not built', () => {
      const empty = synthWeb(stage, join(BUILT, 'missing'));
      empty.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
      expect(Annotations.fromStack(empty.stack).findInfo('*', Match.stringLikeRegexp('web/dist not built'))).toHaveLength(1);
    });

    it('runs without the edge stacks unless asked, and with -c edge=true gets them', () => {
      expect(stacks.edge).toBeUndefined();
      const withEdge = synthApp('dev', { webDist: BUILT, context: { edge: 'true', region: 'ap-east-1' } }).stacks;
      expect(withEdge.edge?.firewall.region).toBe('us-east-1');
    });
  }
});
