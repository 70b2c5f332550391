import { rmSync } from 'node:fs';
import { Validations, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/domain/model.js';
import { TABLES, TABLE_NAMES, keyAttributes, type TableDefinition } from '../src/store/tables.js';
import { DYNAMO_WORST_CASE_MS } from '../src/store/client.js';
import type { Stage } from './settings.js';
import { INDEX_ACTIONS, ITEM_ACTIONS } from './tables.js';
import { builtClient, PROD_CONTEXT, PROD_ORIGIN, synthApp } from './testing.js';
import { WEB_SCOPES } from './users.js';

const BUILT = builtClient();
afterAll(() => rmSync(BUILT, { recursive: true, force: true }));

interface Synthesized {
  stack: Stack;
  template: Template;
}

const cache = new Map<Stage, Synthesized>();

/** The stack as `cdk synth` builds it (same cdk.json context), minus the slow esbuild bundling. */
function synth(stage: Stage): Synthesized {
  let result = cache.get(stage);
  if (!result) {
    const stack = synthApp(stage, { webDist: BUILT }).stacks.api;
    result = { stack, template: Template.fromStack(stack) };
    cache.set(stage, result);
  }
  return result;
}

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

function resources(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

function only(template: Template, type: string): [string, Resource] {
  const found = Object.entries(resources(template, type));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The two functions of the API, by role: GraphQL and the exports. */
function apiFunctions(template: Template): { graphql: [string, Resource]; exports: [string, Resource] } {
  const found = Object.entries(resources(template, 'AWS::Lambda::Function'));
  expect(found).toHaveLength(2);
  const exports = found.find(([id]) => id.includes('ExportFunction'))!;
  return { graphql: found.find((f) => f !== exports)!, exports };
}

function functionEnvironment(template: Template): Record<string, any> {
  const { graphql, exports } = apiFunctions(template);
  // One configuration for both: the exports run the same code behind another entry point.
  expect(exports[1].Properties.Environment.Variables).toEqual(graphql[1].Properties.Environment.Variables);
  return graphql[1].Properties.Environment.Variables;
}

const keySchema = (key: { partitionKey: string; sortKey: string }) => [
  { AttributeName: key.partitionKey, KeyType: 'HASH' },
  { AttributeName: key.sortKey, KeyType: 'RANGE' },
];

function expectedTable(definition: TableDefinition) {
  return {
    KeySchema: keySchema(definition),
    AttributeDefinitions: keyAttributes(definition).map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    GlobalSecondaryIndexes:
      definition.indexes.length === 0
        ? undefined
        : definition.indexes.map((index) => ({ IndexName: index.name, KeySchema: keySchema(index), Projection: { ProjectionType: 'ALL' } })),
  };
}

/** The key that seals raters' phone numbers (the alarm topic has a key of its own). */
const phoneKey = (template: Template) => Object.entries(resources(template, 'AWS::KMS::Key')).find(([id]) => id.includes('PhoneKey'))!;

describe.each(['dev', 'prod'] as const)('%s stack', (stage) => {
  const protect = stage === 'prod';

  describe('tables', () => {
    it('has exactly one table per definition, each with the key schema and indexes of src/store/tables.ts', () => {
      const { template } = synth(stage);
      const tables = resources(template, 'AWS::DynamoDB::GlobalTable');
      expect(Object.keys(tables)).toHaveLength(TABLE_NAMES.length);
      const environment = functionEnvironment(template);
      for (const name of TABLE_NAMES) {
        // The function's TABLE_<NAME> variable names the table that must match the definition.
        const logicalId = environment[`TABLE_${name.toUpperCase()}`].Ref as string;
        const { KeySchema, AttributeDefinitions, GlobalSecondaryIndexes } = tables[logicalId]!.Properties;
        expect({ KeySchema, AttributeDefinitions, GlobalSecondaryIndexes }, name).toEqual(expectedTable(TABLES[name]));
      }
    });

    it('bills on demand, encrypts at rest and keeps point-in-time recovery', () => {
      for (const table of Object.values(resources(synth(stage).template, 'AWS::DynamoDB::GlobalTable'))) {
        expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
        expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
        expect(table.Properties.Replicas).toHaveLength(1);
        expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      }
    });

    it(protect ? 'are retained and deletion-protected' : 'are removed with the stack', () => {
      for (const table of Object.values(resources(synth(stage).template, 'AWS::DynamoDB::GlobalTable'))) {
        expect(table.DeletionPolicy).toBe(protect ? 'Retain' : 'Delete');
        expect(table.UpdateReplacePolicy).toBe(protect ? 'Retain' : 'Delete');
        expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(protect);
      }
    });
  });

  it(protect ? 'protects the stack, the user pool and the logs' : 'lets the stack be destroyed', () => {
    const { stack, template } = synth(stage);
    expect(stack.terminationProtection).toBe(protect);
    const [, pool] = only(template, 'AWS::Cognito::UserPool');
    expect(pool.Properties.DeletionProtection).toBe(protect ? 'ACTIVE' : 'INACTIVE');
    expect(pool.DeletionPolicy).toBe(protect ? 'Retain' : 'Delete');
    const logGroups = Object.values(resources(template, 'AWS::Logs::LogGroup'));
    expect(logGroups).toHaveLength(2);
    for (const group of logGroups) {
      expect(group.DeletionPolicy).toBe(protect ? 'Retain' : 'Delete');
      expect(group.Properties.RetentionInDays).toBe(protect ? 90 : 14);
    }
  });

  describe('function', () => {
    it('runs Node.js 22 on arm64 with the configuration the code reads', () => {
      const { template } = synth(stage);
      for (const [, fn] of Object.values(apiFunctions(template))) {
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: 1024, Timeout: 10 });
      }
      const [poolId] = only(template, 'AWS::Cognito::UserPool');
      const [clientId] = only(template, 'AWS::Cognito::UserPoolClient');
      const [bucketId] = only(template, 'AWS::S3::Bucket');
      const secretIds = Object.keys(resources(template, 'AWS::SecretsManager::Secret'));
      const dynamicReference = (secretId: string) => ({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] });
      const environment = functionEnvironment(template);
      expect(environment).toEqual({
        STAGE: stage,
        TABLE_DIRECTORY: { Ref: expect.any(String) },
        TABLE_RUBRICS: { Ref: expect.any(String) },
        TABLE_COMPETITIONS: { Ref: expect.any(String) },
        COGNITO_USER_POOL_ID: { Ref: poolId },
        COGNITO_CLIENT_ID: { Ref: clientId },
        CURSOR_SIGNING_KEY: dynamicReference(secretIds.find((id) => id.includes('CursorSigningKey'))!),
        ORIGIN_SECRET: dynamicReference(secretIds.find((id) => id.includes('OriginSecret'))!),
        // Read by the function at run time, not resolved at deployment.
        SEAT_TOKEN_SECRET_ARN: { Ref: secretIds.find((id) => id.includes('SeatTokenSigningKey'))! },
        PHONE_KEY_ID: { 'Fn::GetAtt': [phoneKey(template)[0], 'Arn'] },
        SECRETS_REVISION: '1',
        EXPORT_BUCKET: { Ref: bucketId },
        NODE_OPTIONS: '--enable-source-maps',
      });
    });

    it('keeps secrets out of the template: three generated secrets of 64 letters and digits', () => {
      const secrets = resources(synth(stage).template, 'AWS::SecretsManager::Secret');
      expect(
        Object.keys(secrets)
          .map((id) => id.replace(/^Api|[0-9A-F]{8}$/g, ''))
          .sort(),
      ).toEqual(['CursorSigningKey', 'OriginSecret', 'SeatTokenSigningKey']);
      for (const secret of Object.values(secrets)) {
        expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
        // Like the other secrets, none outlives the stack: they guard no data.
        expect(secret.DeletionPolicy).toBe('Delete');
      }
    });

    it('lets the role read the seat token signing key, and no other secret', () => {
      const { template } = synth(stage);
      const [seatKeyId, seatKey] = Object.entries(resources(template, 'AWS::SecretsManager::Secret')).find(([id]) => id.includes('SeatTokenSigningKey'))!;
      expect(seatKey.Properties.Description).toMatch(/^Seat token signing key: /);
      const { graphql, exports } = apiFunctions(template);
      // One role for both functions (the shared environment names the key for both).
      expect(exports[1].Properties.Role).toEqual(graphql[1].Properties.Role);
      const roleId = graphql[1].Properties.Role['Fn::GetAtt'][0] as string;
      const policies = Object.values(resources(template, 'AWS::IAM::Policy'));
      const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
      const secretStatements = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')));
      expect(secretStatements).toEqual([
        { Effect: 'Allow', Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], Resource: { Ref: seatKeyId } },
      ]);
      const granting = policies.filter((p) => p.Properties.PolicyDocument.Statement.includes(secretStatements[0]));
      expect(granting.map((p) => p.Properties.Roles)).toEqual([[{ Ref: roleId }]]);
      // No resource policy or other principal reaches any of the secrets.
      template.resourceCountIs('AWS::SecretsManager::ResourcePolicy', 0);
    });

    it('seals phone numbers with a rotating KMS key the function may only generate data keys with and decrypt them', () => {
      const { template } = synth(stage);
      const [keyId, key] = phoneKey(template);
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.Properties.PendingWindowInDays).toBe(30);
      // Production keeps the key: without it the stored numbers could not be read back.
      expect(key.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
      const statements = Object.values(resources(template, 'AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
      const kmsStatements = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kms:')));
      expect(kmsStatements).toEqual([{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [keyId, 'Arn'] } }]);
    });

    it('outlasts the DynamoDB client: the timeout exceeds its worst case for one call', () => {
      for (const [, fn] of Object.values(apiFunctions(synth(stage).template))) {
        expect(DYNAMO_WORST_CASE_MS).toBeLessThan(fn.Properties.Timeout * 1000 - 1000);
      }
    });

    it('writes large exports to an encrypted, private bucket that forgets them within a day', () => {
      const { template } = synth(stage);
      const [bucketId, bucket] = only(template, 'AWS::S3::Bucket');
      expect(bucket.Properties).toMatchObject({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 1, Status: 'Enabled' })] },
        // Downloads from the web client follow the 303 with fetch(): GET from the app's origins only.
        CorsConfiguration: { CorsRules: [expect.objectContaining({ AllowedMethods: ['GET'] })] },
      });
      const [, httpApi] = only(template, 'AWS::ApiGatewayV2::Api');
      expect(bucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(httpApi.Properties.CorsConfiguration.AllowOrigins);
      const statements = Object.values(resources(template, 'AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
      const s3 = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
      expect(s3).toEqual([
        expect.objectContaining({
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/exports/*']] },
        }),
      ]);
    });

    it('may only read and write items of the three tables and query their indexes', () => {
      const { template } = synth(stage);
      const statements = Object.values(resources(template, 'AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
      const actions = statements.flatMap((s) => [s.Action].flat() as string[]);
      expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([...ITEM_ACTIONS, ...INDEX_ACTIONS].sort());
      expect(actions.filter((a) => !a.startsWith('dynamodb:')).sort()).toEqual([
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:GetObject',
        's3:PutObject',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.some((a) => a.includes('*'))).toBe(false);
      expect(JSON.stringify(statements.map((s) => s.Resource))).not.toMatch(/"\*"|\/index\/\*/);

      const indexStatement = statements.find((s) => s.Action === 'dynamodb:Query');
      const indexNames = (indexStatement.Resource as any[]).map((arn) => arn['Fn::Join'][1][1]).sort();
      expect(indexNames).toEqual(TABLE_NAMES.flatMap((name) => TABLES[name].indexes.map((i) => `/index/${i.name}`)).sort());
    });
  });

  describe('HTTP API', () => {
    it('routes ANY /graphql to the GraphQL function and GET/HEAD /export/* to the exports function', () => {
      const { template } = synth(stage);
      const { graphql, exports } = apiFunctions(template);
      const integrations = resources(template, 'AWS::ApiGatewayV2::Integration');
      const targetOf = (route: Resource) => {
        const integrationId = String(route.Properties.Target['Fn::Join'][1][1].Ref);
        return integrations[integrationId]!.Properties.IntegrationUri['Fn::GetAtt'][0];
      };
      const routes = Object.values(resources(template, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, targetOf(r)]);
      expect(routes.sort()).toEqual([
        ['ANY /graphql', graphql[0]],
        ['GET /export/{proxy+}', exports[0]],
        ['HEAD /export/{proxy+}', exports[0]],
      ]);
      for (const integration of Object.values(integrations))
        expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    });

    it('allows the configured web origin', () => {
      synth(stage).template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: [protect ? PROD_ORIGIN : '*'], AllowHeaders: Match.arrayWith(['authorization']) }),
      });
    });

    it('throttles and logs access on the default stage', () => {
      const { template } = synth(stage);
      const [, stageResource] = only(template, 'AWS::ApiGatewayV2::Stage');
      expect(stageResource.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: protect ? { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 } : { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      });
      expect(stageResource.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][1]).toBe('Arn');
      expect(JSON.parse(stageResource.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' });
    });
  });

  describe('Cognito', () => {
    it('has one group per role', () => {
      const groups = Object.values(resources(synth(stage).template, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
      expect(groups.sort()).toEqual([...ROLES].sort());
    });

    it('has a hosted UI on a stage-specific domain prefix', () => {
      const { template } = synth(stage);
      const [, domain] = only(template, 'AWS::Cognito::UserPoolDomain');
      const [poolId] = only(template, 'AWS::Cognito::UserPool');
      expect(domain.Properties).toEqual({ Domain: protect ? PROD_CONTEXT.authDomainPrefix : `bixue-ganchao-${stage}`, UserPoolId: { Ref: poolId } });
    });

    it('lets the web client sign in through the hosted UI with the code grant only, back to the web origin', () => {
      const [, client] = only(synth(stage).template, 'AWS::Cognito::UserPoolClient');
      const origins = protect ? [PROD_ORIGIN] : ['http://localhost:5173', 'http://127.0.0.1:4000'];
      expect(client.Properties).toMatchObject({
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: [...WEB_SCOPES],
        SupportedIdentityProviders: ['COGNITO'],
        CallbackURLs: origins.map((origin) => `${origin}/auth/callback`),
        LogoutURLs: origins.map((origin) => `${origin}/`),
        EnableTokenRevocation: true,
      });
    });

    it('has a public web client that signs in with SRP, and strong sign-in settings', () => {
      const { template } = synth(stage);
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      });
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      });
    });
  });

  it(protect ? 'sends invitations through SES from the verified domain' : 'uses Cognito’s own sender without SES settings', () => {
    const [, pool] = only(synth(stage).template, 'AWS::Cognito::UserPool');
    if (!protect) {
      expect(pool.Properties.EmailConfiguration).toBeUndefined();
      return;
    }
    expect(pool.Properties.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: `Bixue Ganchao Scores <${PROD_CONTEXT.sesFromEmail}>`,
      SourceArn: { 'Fn::Join': ['', [`arn:aws:ses:${PROD_CONTEXT.region}:`, { Ref: 'AWS::AccountId' }, `:identity/${PROD_CONTEXT.sesIdentity}`]] },
    });
  });

  it(protect ? 'backs the live tables up daily, with a copy to the vault from context' : 'relies on point-in-time recovery alone', () => {
    const { template } = synth(stage);
    if (!protect) {
      template.resourceCountIs('AWS::Backup::BackupPlan', 0);
      return;
    }
    const [, plan] = only(template, 'AWS::Backup::BackupPlan');
    const [rule] = plan.Properties.BackupPlan.BackupPlanRule;
    expect(rule).toMatchObject({
      RuleName: 'Daily',
      ScheduleExpression: 'cron(0 18 * * ? *)',
      Lifecycle: { DeleteAfterDays: 35 },
      CopyActions: [{ DestinationBackupVaultArn: PROD_CONTEXT.backupCopyVaultArn, Lifecycle: { DeleteAfterDays: 35 } }],
    });
    const [, vault] = only(template, 'AWS::Backup::BackupVault');
    expect(vault.DeletionPolicy).toBe('Retain');
    const [, selection] = only(template, 'AWS::Backup::BackupSelection');
    const tableIds = Object.keys(resources(template, 'AWS::DynamoDB::GlobalTable')).sort();
    const selected = (selection.Properties.BackupSelection.Resources as any[]).map((r) => r['Fn::GetAtt'][0]).sort();
    expect(selected).toEqual(tableIds);
  });

  describe('alarms', () => {
    it('watch logged errors, function errors, throttles, p99 duration, API 5xx and latency and each table, notifying the encrypted topic', () => {
      const { template } = synth(stage);
      const [topicId, topic] = only(template, 'AWS::SNS::Topic');
      expect(topic.Properties.KmsMasterKeyId).toBeDefined();
      const alarms = Object.values(resources(template, 'AWS::CloudWatch::Alarm'));
      expect(alarms).toHaveLength(9 + 2 * TABLE_NAMES.length);
      for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      const metricNames = alarms
        .map((a) => a.Properties.MetricName)
        .filter(Boolean)
        .sort();
      // Errors, throttles and duration for each of the two functions.
      expect(metricNames).toEqual(['5xx', 'Duration', 'Duration', 'ErrorLogLines', 'Errors', 'Errors', 'Latency', 'Throttles', 'Throttles']);
      const api5xx = alarms.find((a) => a.Properties.MetricName === '5xx')!.Properties;
      expect(api5xx).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Threshold: 5 });
      const systemErrors = alarms.filter((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('SystemErrors'));
      expect(systemErrors).toHaveLength(TABLE_NAMES.length);
      for (const duration of alarms.filter((a) => a.Properties.MetricName === 'Duration')) expect(duration.Properties.ExtendedStatistic).toBe('p99');
      const tableAlarms = alarms.filter((a) => a.Properties.Metrics);
      const watchedTables = tableAlarms.flatMap((a) =>
        a.Properties.Metrics.filter((m: any) => m.MetricStat).map(
          (m: any) => m.MetricStat.Metric.Dimensions.find((d: any) => d.Name === 'TableName').Value.Ref,
        ),
      );
      expect(new Set(watchedTables)).toEqual(new Set(Object.keys(resources(template, 'AWS::DynamoDB::GlobalTable'))));
    });

    it('count ERROR lines of the function’s JSON log in a metric', () => {
      const { template } = synth(stage);
      const [, filter] = only(template, 'AWS::Logs::MetricFilter');
      const [groupId] = Object.entries(resources(template, 'AWS::Logs::LogGroup')).find(([id]) => id.includes('FunctionLogs'))!;
      expect(filter.Properties).toEqual({
        LogGroupName: { Ref: groupId },
        FilterPattern: '{ $.level = "ERROR" }',
        MetricTransformations: [{ MetricNamespace: `BixueGanchao/${stage}`, MetricName: 'ErrorLogLines', MetricValue: '1', DefaultValue: 0 }],
      });
    });

    it(protect ? 'reach the required subscriber' : 'reach a subscriber only when one is given', () => {
      const subscriptions = Object.values(resources(synth(stage).template, 'AWS::SNS::Subscription'));
      expect(subscriptions.map((s) => s.Properties.Endpoint)).toEqual(protect ? [PROD_CONTEXT.alarmEmail] : []);
    });

    it('lets CloudWatch use the topic key', () => {
      const [, key] = Object.entries(resources(synth(stage).template, 'AWS::KMS::Key')).find(([id]) => !id.includes('PhoneKey'))!;
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.Properties.KeyPolicy.Statement).toContainEqual(
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      );
    });
  });

  it('outputs the endpoint, the user pool, the hosted UI, the table names and the alarm topic', () => {
    const { template } = synth(stage);
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    // Exports* are the strong references the web stack imports (asserted in web.test.ts).
    expect(
      Object.keys(outputs)
        .filter((name) => !name.startsWith('ExportsOutput'))
        .sort(),
    ).toEqual(
      [
        'GraphqlUrl',
        'UserPoolId',
        'UserPoolClientId',
        'HostedUiUrl',
        'AlarmTopicArn',
        'DirectoryTableName',
        'RubricsTableName',
        'CompetitionsTableName',
      ].sort(),
    );
    expect(JSON.stringify(outputs.GraphqlUrl!.Value)).toMatch(/\/graphql"\]\]\}$/);
    const [domainId] = only(template, 'AWS::Cognito::UserPoolDomain');
    // Production names its region (the edge stacks need it); dev stays environment-agnostic.
    const suffix = protect ? [`.auth.${PROD_CONTEXT.region}.amazoncognito.com`] : ['.auth.', { Ref: 'AWS::Region' }, '.amazoncognito.com'];
    expect(outputs.HostedUiUrl!.Value).toEqual({ 'Fn::Join': ['', ['https://', { Ref: domainId }, ...suffix]] });
    expect(outputs.UserPoolClientId!.Value).toEqual({ Ref: only(template, 'AWS::Cognito::UserPoolClient')[0] });
  });

  describe('cdk-nag', () => {
    it('finds no unacknowledged AwsSolutions errors or warnings', () => {
      const report = new AwsSolutionsChecks().validateScope(synth(stage).stack);
      const findings = report.violations.map(
        (v) => `${v.severity} ${v.ruleName}: ${v.description} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      expect(findings).toEqual([]);
    });

    it('acknowledges only the reviewed rules, each with a written reason', () => {
      const acknowledged = acknowledgments(synth(stage).stack);
      // APIG4 once per route (GraphQL and the two export methods), SMG4 once per secret (origin, cursors, seat tokens).
      expect(acknowledged.map((a) => a.id.replace(/\[.*$/, '')).sort()).toEqual(
        [
          'AwsSolutions-APIG4',
          'AwsSolutions-APIG4',
          'AwsSolutions-APIG4',
          'AwsSolutions-COG2',
          'AwsSolutions-IAM5',
          'AwsSolutions-L1',
          'AwsSolutions-L1',
          'AwsSolutions-S1',
          'AwsSolutions-SMG4',
          'AwsSolutions-SMG4',
          'AwsSolutions-SMG4',
          ...(protect ? ['AwsSolutions-IAM4', 'AwsSolutions-IAM4'] : []),
        ].sort(),
      );
      for (const { id, reason } of acknowledged) {
        expect(reason.length, id).toBeGreaterThanOrEqual(100);
        expect(reason, id).not.toMatch(/\b(todo|tbd|fixme|n\/a)\b/i);
      }
    });

    it('leaves no CDK warnings or errors', () => {
      const annotations = Annotations.fromStack(synth(stage).stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    });
  });
});

/** Every `Validations.of(…).acknowledge()` recorded anywhere under the scope. */
function acknowledgments(scope: Stack): { id: string; reason: string }[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ id: id.replace(/^annotation::/i, ''), reason })),
  );
}

describe('overrides for operations', () => {
  it('puts a restored table behind the function, its grants, alarms and backups, and keeps the original', () => {
    const restored = 'competitions-restored-2026-05-01';
    const { stacks } = synthApp('prod', { webDist: BUILT, context: { tableCompetitions: restored } });
    const template = Template.fromStack(stacks.api);
    expect(functionEnvironment(template).TABLE_COMPETITIONS).toBe(restored);
    expect(Object.keys(resources(template, 'AWS::DynamoDB::GlobalTable'))).toHaveLength(TABLE_NAMES.length);
    const json = JSON.stringify(template.toJSON());
    expect(json).toContain(`:table/${restored}`);
    expect(json).toContain(`:table/${restored}/index/`);
    const alarms = Object.values(resources(template, 'AWS::CloudWatch::Alarm'));
    expect(JSON.stringify(alarms)).toContain(`"Value":"${restored}"`);
  });

  it('leaves termination protection off on a first deployment, so a failed create can be deleted', () => {
    expect(synth('prod').stack.terminationProtection).toBe(true);
    expect(synthApp('prod', { webDist: BUILT, context: { firstDeploy: 'true' } }).stacks.api.terminationProtection).toBe(false);
  });
});
