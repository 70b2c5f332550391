import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { TABLE_NAMES } from '../src/store/tables.js';
import { Alarms } from './alarms.js';
import { GraphqlApi } from './api.js';
import type { Stage, StageSettings } from './settings.js';
import { ScoringTables, pascalCase } from './tables.js';
import { UserDirectory } from './users.js';
import { WebHosting } from './web.js';

export interface ScoringApiStackProps extends StackProps {
  readonly settings: StageSettings;
}

/** Environment-agnostic: no account or region lookups, so it synthesizes offline and deploys anywhere. */
export class ScoringApiStack extends Stack {
  readonly httpApi: GraphqlApi['httpApi'];

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
    const users = new UserDirectory(this, 'Users', { protectData: settings.protectData });
    const api = new GraphqlApi(this, 'Api', { settings, tables, users });
    this.httpApi = api.httpApi;
    const alarms = new Alarms(this, 'Alarms', {
      function: api.function,
      functionTimeout: settings.lambdaTimeout,
      tables,
      email: settings.alarmEmail,
    });

    new CfnOutput(this, 'GraphqlUrl', { value: api.url, description: 'GraphQL endpoint' });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.webClient.userPoolClientId, description: 'Web app client (SRP, no secret)' });
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
  readonly httpApi: GraphqlApi['httpApi'];
}

/** The web client on S3 + CloudFront, in front of the API stack's HTTP API. */
export class ScoringWebStack extends Stack {
  constructor(scope: Construct, id: string, props: ScoringWebStackProps) {
    const { settings, httpApi, ...stackProps } = props;
    super(scope, id, { description: `Bixue Ganchao web client on CloudFront (${settings.stage})`, ...stackProps });
    Tags.of(this).add('project', 'bixue-ganchao');
    Tags.of(this).add('stage', settings.stage);
    const web = new WebHosting(this, 'Web', { httpApi, protectData: settings.protectData });
    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'Web client, with the API under /graphql and /export' });
  }
}

export function webStackName(stage: Stage): string {
  return `BixueGanchaoWeb-${stage}`;
}
