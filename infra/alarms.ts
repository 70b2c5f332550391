import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { TABLES, TABLE_NAMES, type TableName } from '../src/store/tables.js';
import { pascalCase, type ScoringTables } from './tables.js';

const PERIOD = Duration.minutes(5);

/** Where the function's logger writes its level (Powertools' JSON lines, src/logging.ts). */
const ERROR_LOG_PATTERN = logs.FilterPattern.stringValue('$.level', '=', 'ERROR');

/** The operations the store performs; DynamoDB reports SystemErrors per table and operation. */
const STORE_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.BATCH_WRITE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
];

export interface AlarmTopicProps {
  /** Subscribed by email; required in production, where an alarm nobody reads is no alarm. */
  readonly email: string | undefined;
}

/**
 * An encrypted SNS topic CloudWatch alarms of this account may publish to. Alarms can only
 * notify a topic in their own region, so the edge stack in us-east-1 has one too.
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
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
  }

  /** An alarm at or above the threshold that notifies the topic when it fires and when it clears. */
  alarm(scope: Construct, id: string, description: string, props: Pick<cloudwatch.AlarmProps, 'metric' | 'threshold' | 'evaluationPeriods'>): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
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

export interface AlarmsProps {
  readonly function: lambda.IFunction;
  /** The exports function (GET /export/*): the same crash, throttle and duration alarms. */
  readonly exportFunction: lambda.IFunction;
  readonly functionLogs: logs.ILogGroup;
  readonly functionTimeout: Duration;
  readonly httpApi: apigw.IHttpApi;
  readonly tables: ScoringTables;
  readonly email: string | undefined;
  /** Namespace of the metrics derived from the function's logs. */
  readonly metricNamespace: string;
}

/**
 * Alarms on what users would notice: the function's errors as it logs them (Apollo answers an
 * unexpected failure with 200 and INTERNAL_SERVER_ERROR, exports with 500; neither is a Lambda
 * error), crashes, throttles and slowness, API Gateway's 5xx and latency, DynamoDB's throttles
 * and system errors. CloudFront's alarms and the cost budget are in us-east-1 (infra/edge.ts).
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const topic = new AlarmTopic(this, 'Notify', { email: props.email });
    this.topic = topic.topic;

    const errorLogs = new logs.MetricFilter(this, 'ErrorLogFilter', {
      logGroup: props.functionLogs,
      filterPattern: ERROR_LOG_PATTERN,
      metricNamespace: props.metricNamespace,
      metricName: 'ErrorLogLines',
      metricValue: '1',
      defaultValue: 0,
    });
    topic.alarm(this, 'ErrorLogs', 'The GraphQL function logged an unexpected error (answered INTERNAL_SERVER_ERROR or 500); the log line has the requestId', {
      metric: errorLogs.metric({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    for (const [prefix, name, fn] of [
      ['Function', 'GraphQL function', props.function],
      ['ExportFunction', 'exports function', props.exportFunction],
    ] as const) {
      topic.alarm(this, `${prefix}Errors`, `The ${name} failed (crash, timeout or out of memory)`, {
        metric: fn.metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
      });
      topic.alarm(this, `${prefix}Throttles`, `The ${name} was throttled by Lambda concurrency limits`, {
        metric: fn.metricThrottles({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
      });
      // Close to the timeout for 15 minutes: requests are about to fail, not merely slow.
      topic.alarm(this, `${prefix}Duration`, `p99 duration of the ${name} stays above 80% of its timeout`, {
        metric: fn.metricDuration({ period: PERIOD, statistic: cloudwatch.Stats.percentile(99) }),
        threshold: props.functionTimeout.toMilliseconds() * 0.8,
        evaluationPeriods: 3,
      });
    }

    // 5xx at the gateway: function errors and timeouts as callers see them, and 503 SERVICE_UNAVAILABLE.
    topic.alarm(this, 'Api5xx', 'API Gateway answered 5 or more requests with 5xx within 5 minutes', {
      metric: props.httpApi.metricServerError({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 5,
      evaluationPeriods: 1,
    });
    topic.alarm(this, 'ApiLatency', 'p99 latency at API Gateway stays above 3 s for 15 minutes', {
      metric: props.httpApi.metricLatency({ period: PERIOD, statistic: cloudwatch.Stats.percentile(99) }),
      threshold: 3000,
      evaluationPeriods: 3,
    });

    for (const name of TABLE_NAMES) {
      const table = props.tables.live[name];
      topic.alarm(this, `${pascalCase(name)}TableThrottles`, `DynamoDB throttled reads or writes on the ${name} table or its indexes`, {
        metric: throttleEvents(name, table.tableName),
        threshold: 1,
        evaluationPeriods: 1,
      });
      topic.alarm(this, `${pascalCase(name)}TableSystemErrors`, `DynamoDB answered requests on the ${name} table with internal errors`, {
        metric: table.metricSystemErrorsForOperations({ operations: STORE_OPERATIONS, period: PERIOD }),
        threshold: 1,
        evaluationPeriods: 1,
      });
    }
  }
}

/**
 * The account's monthly cost, alerting at 80% of the budget spent and at a forecast above it.
 * AWS Budgets has CloudFormation support in us-east-1 only, so this lives in the edge stack.
 */
export class CostBudget extends Construct {
  constructor(scope: Construct, id: string, props: { monthlyUsd: number; email: string }) {
    super(scope, id);
    new budgets.CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `${Stack.of(this).stackName}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [budgetNotification('ACTUAL', 80, props.email), budgetNotification('FORECASTED', 100, props.email)],
    });
  }
}

function budgetNotification(
  notificationType: 'ACTUAL' | 'FORECASTED',
  threshold: number,
  email: string,
): budgets.CfnBudget.NotificationWithSubscribersProperty {
  return {
    notification: { notificationType, comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
    // Budgets mails the address itself: the alarm topic's key policy admits CloudWatch only.
    subscribers: [{ subscriptionType: 'EMAIL', address: email }],
  };
}

/** Read and write throttle events of a table and of each of its indexes (queries on an index count only there). */
function throttleEvents(name: TableName, tableName: string): cloudwatch.MathExpression {
  const scopes = [{ TableName: tableName }, ...TABLES[name].indexes.map((index) => ({ TableName: tableName, GlobalSecondaryIndexName: index.name }))];
  const metrics: Record<string, cloudwatch.IMetric> = {};
  scopes.forEach((dimensionsMap, i) => {
    metrics[`read${i}`] = dynamoMetric('ReadThrottleEvents', dimensionsMap);
    metrics[`write${i}`] = dynamoMetric('WriteThrottleEvents', dimensionsMap);
  });
  return new cloudwatch.MathExpression({
    // FILL: a metric without data points would otherwise blank out the whole sum.
    expression: Object.keys(metrics)
      .map((id) => `FILL(${id}, 0)`)
      .join(' + '),
    usingMetrics: metrics,
    label: `${name} throttle events`,
    period: PERIOD,
  });
}

function dynamoMetric(metricName: string, dimensionsMap: Record<string, string>): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap, period: PERIOD, statistic: cloudwatch.Stats.SUM });
}
