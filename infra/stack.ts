import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { TABLE_NAMES } from '../src/store/tables.js';
import { AlarmTopic, Alarms, CostBudget } from './alarms.js';
import { GraphqlApi } from './api.js';
import { TableBackups } from './backup.js';
import { EdgeAlarms, EdgeFirewall } from './edge.js';
import { DEFAULT_WAF_RATING_RATE_LIMIT, EDGE_REGION, type Stage, type StageSettings } from './settings.js';
import { ScoringTables, pascalCase } from './tables.js';
import { UserDirectory, WEB_SCOPES } from './users.js';
import { WebHosting, type WebAuthConfig } from './web.js';

export interface ScoringApiStackProps extends StackProps {
  readonly settings: StageSettings;
}

/** Environment-agnostic: no account or region lookups, so it synthesizes offline and deploys anywhere. */
export class ScoringApiStack extends Stack {
  readonly httpApi: GraphqlApi['httpApi'];
  /** How the web client signs in: the hosted UI and the app client the API accepts tokens of. */
  readonly webAuth: WebAuthConfig;
  /** The value CloudFront must send in its origin header (a dynamic reference, resolved at deployment). */
  readonly originSecret: string;

  constructor(scope: Construct, id: string, props: ScoringApiStackProps) {
    const { settings, ...stackProps } = props;
    super(scope, id, {
      description: `Bixue Ganchao scoring API: GraphQL on Lambda, DynamoDB and Cognito (${settings.stage})`,
      terminationProtection: settings.terminationProtection,
      ...regionalStackProps(settings),
      ...stackProps,
    });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);

    const tables = new ScoringTables(this, 'Tables', { protectData: settings.protectData, overrides: settings.tableOverrides });
    const users = new UserDirectory(this, 'Users', {
      protectData: settings.protectData,
      domainPrefix: settings.authDomainPrefix,
      webOrigins: settings.authOrigins,
      email: settings.email,
    });
    const api = new GraphqlApi(this, 'Api', { settings, tables, users });
    this.httpApi = api.httpApi;
    this.originSecret = api.originSecret.secretValue.unsafeUnwrap();
    this.webAuth = { kind: 'cognito', domain: users.hostedUiUrl, clientId: users.webClient.userPoolClientId, scopes: [...WEB_SCOPES] };
    const alarms = new Alarms(this, 'Alarms', {
      function: api.function,
      exportFunction: api.exportFunction,
      functionLogs: api.functionLogs,
      functionTimeout: settings.lambdaTimeout,
      httpApi: api.httpApi,
      tables,
      email: settings.alarmEmail,
      metricNamespace: `BixueGanchao/${settings.stage}`,
    });
    if (settings.backupCopyVaultArn) new TableBackups(this, 'Backups', { tables, copyVaultArn: settings.backupCopyVaultArn });

    new CfnOutput(this, 'GraphqlUrl', {
      value: api.url,
      description: 'The API Gateway endpoint; it refuses requests without CloudFront’s origin header, so call <WebUrl>/graphql',
    });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', {
      value: users.webClient.userPoolClientId,
      description: 'Web app client (hosted UI with authorization code + PKCE, or SRP; no secret)',
    });
    new CfnOutput(this, 'HostedUiUrl', { value: users.hostedUiUrl, description: 'Cognito hosted UI: /oauth2/authorize, /oauth2/token, /logout' });
    for (const name of TABLE_NAMES) {
      new CfnOutput(this, `${pascalCase(name)}TableName`, { value: tables.live[name].tableName, description: `The ${name} table the function serves` });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn, description: 'Subscribe here to receive alarms' });
  }
}

export function stackName(stage: Stage): string {
  return `BixueGanchaoApi-${stage}`;
}

export interface ScoringWebStackProps extends StackProps {
  readonly settings: StageSettings;
  /** The API the client talks to, and whose user pool it signs in with (the API accepts that app client's tokens only). */
  readonly api: ScoringApiStack;
  /** The WAF web ACL in front of the distribution (production). */
  readonly edge?: EdgeStack;
  /** The built client to deploy; defaults to web/dist. */
  readonly webDist?: string;
}

/** The web client on S3 + CloudFront, in front of the API stack's HTTP API. */
export class ScoringWebStack extends Stack {
  readonly distributionId: string;

  constructor(scope: Construct, id: string, props: ScoringWebStackProps) {
    const { settings, api, edge, webDist, ...stackProps } = props;
    super(scope, id, { description: `Bixue Ganchao web client on CloudFront (${settings.stage})`, ...regionalStackProps(settings), ...stackProps });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);
    const web = new WebHosting(this, 'Web', {
      httpApi: api.httpApi,
      auth: api.webAuth,
      protectData: settings.protectData,
      dist: webDist,
      requireBuild: settings.stage === 'prod',
      originSecret: api.originSecret,
      domain: settings.domain,
      webAclArn: edge?.webAclArn,
      secretsRevision: settings.secretsRevision,
    });
    this.distributionId = web.distribution.distributionId;
    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'Web client, with the API under /graphql and /export' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: web.distribution.distributionDomainName,
      description: 'Point the custom domain here (CNAME, or a Route 53 alias) unless hostedZoneId was given',
    });
  }
}

export function webStackName(stage: Stage): string {
  return `BixueGanchaoWeb-${stage}`;
}

/** The WAF web ACL for the distribution: CloudFront accepts only ACLs from us-east-1. */
export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps & { settings: StageSettings }) {
    const { settings, ...stackProps } = props;
    super(scope, id, { description: `Bixue Ganchao WAF web ACL for CloudFront (${settings.stage})`, ...edgeStackProps(), ...stackProps });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);
    const firewall = new EdgeFirewall(this, 'Firewall', {
      rateLimitPer5Minutes: settings.edge?.rateLimitPer5Minutes ?? 3000,
      ratingRateLimitPer5Minutes: settings.edge?.ratingRateLimitPer5Minutes ?? DEFAULT_WAF_RATING_RATE_LIMIT,
      metricPrefix: `bixue-ganchao-${settings.stage}`,
    });
    this.webAclArn = firewall.webAcl.attrArn;
    new CfnOutput(this, 'WebAclArn', { value: this.webAclArn });
  }
}

export function edgeStackName(stage: Stage): string {
  return `BixueGanchaoEdge-${stage}`;
}

/**
 * CloudFront's alarms, in us-east-1 where its metrics are, with a topic of their own (alarms notify only
 * their region's topics), and the cost budget (CloudFormation supports AWS Budgets in us-east-1 only).
 */
export class EdgeAlarmsStack extends Stack {
  readonly topic: AlarmTopic;

  constructor(scope: Construct, id: string, props: StackProps & { settings: StageSettings; web: ScoringWebStack }) {
    const { settings, web, ...stackProps } = props;
    super(scope, id, { description: `Bixue Ganchao CloudFront alarms (${settings.stage})`, ...edgeStackProps(), ...stackProps });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);
    this.topic = new AlarmTopic(this, 'Notify', { email: settings.alarmEmail });
    new EdgeAlarms(this, 'Alarms', { distributionId: web.distributionId, topic: this.topic });
    if (settings.alarmEmail && settings.monthlyBudgetUsd) new CostBudget(this, 'Cost', { monthlyUsd: settings.monthlyBudgetUsd, email: settings.alarmEmail });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topic.topicArn, description: 'Subscribe here to receive the CloudFront alarms' });
  }
}

export function edgeAlarmsStackName(stage: Stage): string {
  return `BixueGanchaoEdgeAlarms-${stage}`;
}

/**
 * With the edge stacks, every stack names its region: references between us-east-1 and the
 * deployment region need it. Without them the stacks stay environment-agnostic.
 */
function regionalStackProps(settings: StageSettings): StackProps {
  return settings.edge && settings.region ? { env: { region: settings.region }, crossRegionReferences: true } : {};
}

function edgeStackProps(): StackProps {
  return { env: { region: EDGE_REGION }, crossRegionReferences: true };
}
