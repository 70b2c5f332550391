import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { TABLE_NAMES } from '../src/store/tables.js';
import { Alarms } from './alarms.js';
import { GraphqlApi } from './api.js';
import type { Stage, StageSettings } from './settings.js';
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

  constructor(scope: Construct, id: string, props: ScoringApiStackProps) {
    const { settings, ...stackProps } = props;
    super(scope, id, {
      description: `Bixue Ganchao scoring API: GraphQL on Lambda, DynamoDB and Cognito (${settings.stage})`,
      terminationProtection: settings.protectData,
      ...stackProps,
    });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);

    const tables = new ScoringTables(this, 'Tables', { protectData: settings.protectData });
    const users = new UserDirectory(this, 'Users', {
      protectData: settings.protectData,
      domainPrefix: settings.authDomainPrefix,
      webOrigins: settings.authOrigins,
    });
    const api = new GraphqlApi(this, 'Api', { settings, tables, users });
    this.httpApi = api.httpApi;
    this.webAuth = { kind: 'cognito', domain: users.hostedUiUrl, clientId: users.webClient.userPoolClientId, scopes: [...WEB_SCOPES] };
    const alarms = new Alarms(this, 'Alarms', {
      function: api.function,
      functionTimeout: settings.lambdaTimeout,
      tables,
      email: settings.alarmEmail,
    });

    new CfnOutput(this, 'GraphqlUrl', { value: api.url, description: 'GraphQL endpoint' });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', {
      value: users.webClient.userPoolClientId,
      description: 'Web app client (hosted UI with authorization code + PKCE, or SRP; no secret)',
    });
    new CfnOutput(this, 'HostedUiUrl', { value: users.hostedUiUrl, description: 'Cognito hosted UI: /oauth2/authorize, /oauth2/token, /logout' });
    for (const name of TABLE_NAMES) {
      new CfnOutput(this, `${pascalCase(name)}TableName`, { value: tables.tables[name].tableName });
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
  /** The built client to deploy; defaults to web/dist. */
  readonly webDist?: string;
}

/** The web client on S3 + CloudFront, in front of the API stack's HTTP API. */
export class ScoringWebStack extends Stack {
  constructor(scope: Construct, id: string, props: ScoringWebStackProps) {
    const { settings, api, webDist, ...stackProps } = props;
    super(scope, id, { description: `Bixue Ganchao web client on CloudFront (${settings.stage})`, ...stackProps });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);
    const web = new WebHosting(this, 'Web', { httpApi: api.httpApi, auth: api.webAuth, protectData: settings.protectData, dist: webDist });
    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'Web client, with the API under /graphql and /export' });
  }
}

export function webStackName(stage: Stage): string {
  return `BixueGanchaoWeb-${stage}`;
}
