import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsFromContext } from './settings.js';
import { ScoringApiStack, ScoringWebStack, stackName, webStackName } from './stack.js';

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: object }).context;

/**
 * `webDist` defaults to web/dist, which exists only after `npm run build:web`; the tests that
 * depend on it pass a directory of their own.
 */
function synthWeb(stage: 'dev' | 'prod', webDist?: string) {
  const app = new App({
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], stage, ...(stage === 'prod' ? { webOrigin: 'https://scores.example.org' } : {}) },
  });
  const settings = settingsFromContext((key) => app.node.tryGetContext(key));
  const api = new ScoringApiStack(app, stackName(stage), { settings });
  const stack = new ScoringWebStack(app, webStackName(stage), { settings, api, webDist });
  return { app, api, stack, template: Template.fromStack(stack) };
}

/** A stand-in for the built client. */
const BUILT = mkdtempSync(join(tmpdir(), 'bxgc-web-dist-'));
mkdirSync(join(BUILT, 'assets'));
writeFileSync(join(BUILT, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(BUILT, 'assets', 'index-abc123.js'), 'console.log("client")');
afterAll(() => rmSync(BUILT, { recursive: true, force: true }));

type Resolvable = Record<string, any>;

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

  describe('with the client built', () => {
    const built = synthWeb(stage, BUILT);
    const [, deployment] = Object.entries(built.template.findResources('Custom::CDKBucketDeployment'))[0]!;
    const properties = deployment.Properties as Resolvable;

    it('deploys the build and config.json, and invalidates both names the browser reloads', () => {
      expect(properties.SourceObjectKeys).toHaveLength(2);
      expect(properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
      expect(properties.Prune).toBe(true);
    });

    it('writes config.json for the hosted UI and app client of the API stack', () => {
      // The second source is config.json, staged in the assembly with a marker per deploy-time value.
      const hash = (properties.SourceObjectKeys[1] as string).replace(/\.zip$/, '');
      const config = JSON.parse(readFileSync(join(built.app.outdir, `asset.${hash}`, 'config.json'), 'utf8')) as { auth: Record<string, string> };
      expect(config).toEqual({ auth: { kind: 'cognito', domain: expect.any(String), clientId: expect.any(String), scopes: ['openid', 'email', 'profile'] } });

      const markers = properties.SourceMarkers[1] as Record<string, Resolvable>;
      const apiOutputs = (Template.fromStack(built.api).toJSON() as Resolvable).Outputs;
      /** A value of config.json as the literal parts and API-stack values it becomes at deployment. */
      const deployed = (text: string) =>
        text
          .split(/(<<marker:0xbaba:\d+>>)/)
          .filter((part) => part !== '')
          .map((part) => {
            const output = markers[part]?.['Fn::GetStackOutput'];
            if (!output) return markers[part] ?? part;
            expect(output.StackName).toBe(stackName(stage));
            return apiOutputs[output.OutputName].Value;
          });
      expect(deployed(config.auth.domain!)).toEqual(apiOutputs.HostedUiUrl.Value['Fn::Join'][1]);
      expect(deployed(config.auth.clientId!)).toEqual([apiOutputs.UserPoolClientId.Value]);
    });

    it('stays clean under cdk-nag with the deployment', () => {
      const report = new AwsSolutionsChecks().validateScope(built.stack);
      expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
      expect(Annotations.fromStack(built.stack).findWarning('*', Match.anyValue())).toEqual([]);
    });
  });

  it('leaves the bucket empty, config.json included, while the client is not built', () => {
    const { stack, template } = synthWeb(stage, join(BUILT, 'missing'));
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('web/dist not built'))).toHaveLength(1);
  });
});
