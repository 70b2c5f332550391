import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { settingsFromContext } from './settings.js';
import { ScoringApiStack, ScoringWebStack, stackName, webStackName } from './stack.js';

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: object }).context;

function synthWeb(stage: 'dev' | 'prod') {
  const app = new App({
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], stage, ...(stage === 'prod' ? { webOrigin: 'https://scores.example.org' } : {}) },
  });
  const settings = settingsFromContext((key) => app.node.tryGetContext(key));
  const api = new ScoringApiStack(app, stackName(stage), { settings });
  const stack = new ScoringWebStack(app, webStackName(stage), { settings, httpApi: api.httpApi });
  return { stack, template: Template.fromStack(stack) };
}

describe.each(['dev', 'prod'] as const)('%s web stack', (stage) => {
  const { stack, template } = synthWeb(stage);

  it('serves the client from a private, encrypted bucket through CloudFront, with the API on the same origin', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.objectLike({}),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distribution.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(['/export/*', '/graphql']);
    expect(distribution.Logging).toBeDefined();
  });

  it('is clean under cdk-nag AwsSolutions with only reviewed acknowledgements, and has no CDK warnings', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
