import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { TABLES, TABLE_NAMES, type TableName } from '../src/store/tables.js';
import { pascalCase, type ScoringTables } from './tables.js';

const PERIOD = Duration.minutes(5);

export interface AlarmsProps {
  readonly function: lambda.IFunction;
  readonly functionTimeout: Duration;
  readonly tables: ScoringTables;
  readonly email: string | undefined;
}

/** Alarms on the function and the tables, all notifying one encrypted SNS topic. */
export class Alarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const cloudwatchService = new iam.ServicePrincipal('cloudwatch.amazonaws.com');

    // A customer-managed key because CloudWatch cannot publish to a topic encrypted
    // with the AWS-managed SNS key: its key policy cannot grant CloudWatch access.
    // SNS keeps no messages, so the key protects no data once the stack is gone.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.grant(cloudwatchService, 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Scoring API alarms', masterKey: key, enforceSSL: true });
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [cloudwatchService],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
          },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    const fn = props.function;
    this.alarm('FunctionErrors', 'The GraphQL function failed (crash, timeout or out of memory)', {
      metric: fn.metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    this.alarm('FunctionThrottles', 'The GraphQL function was throttled by Lambda concurrency limits', {
      metric: fn.metricThrottles({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    // Close to the timeout for 15 minutes: requests are about to fail, not merely slow.
    this.alarm('FunctionDuration', 'p99 duration of the GraphQL function stays above 80% of its timeout', {
      metric: fn.metricDuration({ period: PERIOD, statistic: cloudwatch.Stats.percentile(99) }),
      threshold: props.functionTimeout.toMilliseconds() * 0.8,
      evaluationPeriods: 3,
    });

    for (const name of TABLE_NAMES) {
      this.alarm(`${pascalCase(name)}TableThrottles`, `DynamoDB throttled reads or writes on the ${name} table or its indexes`, {
        metric: throttleEvents(name, props.tables.tables[name].tableName),
        threshold: 1,
        evaluationPeriods: 1,
      });
    }
  }

  private alarm(id: string, description: string, props: Pick<cloudwatch.AlarmProps, 'metric' | 'threshold' | 'evaluationPeriods'>) {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...props,
      alarmDescription: description,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    return alarm;
  }
}

/** Read and write throttle events of a table and of each of its indexes (queries on an index count only there). */
function throttleEvents(name: TableName, tableName: string): cloudwatch.MathExpression {
  const scopes = [
    { TableName: tableName },
    ...TABLES[name].indexes.map((index) => ({ TableName: tableName, GlobalSecondaryIndexName: index.name })),
  ];
  const metrics: Record<string, cloudwatch.IMetric> = {};
  scopes.forEach((dimensionsMap, i) => {
    metrics[`read${i}`] = dynamoMetric('ReadThrottleEvents', dimensionsMap);
    metrics[`write${i}`] = dynamoMetric('WriteThrottleEvents', dimensionsMap);
  });
  return new cloudwatch.MathExpression({
    // FILL: a metric without data points would otherwise blank out the whole sum.
    expression: Object.keys(metrics).map((id) => `FILL(${id}, 0)`).join(' + '),
    usingMetrics: metrics,
    label: `${name} throttle events`,
    period: PERIOD,
  });
}

function dynamoMetric(metricName: string, dimensionsMap: Record<string, string>): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap, period: PERIOD, statistic: cloudwatch.Stats.SUM });
}
