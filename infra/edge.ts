import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarms.js';
import { GRAPHQL_PATH } from './api.js';
import { PUBLIC_RATING_OPERATIONS } from '../src/graphql/publicOperations.js';

/** Scope of a web ACL for CloudFront; such an ACL must be created in us-east-1. */
const CLOUDFRONT_SCOPE = 'CLOUDFRONT';

/**
 * AWS managed rule groups, in evaluation order. The common rule set's body-size rule is set to
 * count: GraphQL mutations such as `upsertCadres` (≤ 500 cadres) legitimately send bodies above
 * its 8 KB limit, and the API itself refuses bodies over 1 MB.
 */
const MANAGED_RULE_GROUPS: readonly { name: string; countOnly?: readonly string[] }[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList' },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
];

/** The public operations citizens call without signing in: the API refuses them as bare persisted-query hashes, so the body names them. */
export { PUBLIC_RATING_OPERATIONS };

export interface EdgeFirewallProps {
  /** Requests per client IP address in any 5 minutes before the address is blocked for a while. */
  readonly rateLimitPer5Minutes: number;
  /** The same for the public rating operations alone (PUBLIC_RATING_OPERATIONS). */
  readonly ratingRateLimitPer5Minutes: number;
  readonly metricPrefix: string;
}

/**
 * What the rating rule counts: requests to /graphql whose body names a public rating operation, or
 * whose query string names `ratingForm` (Apollo answers queries over GET; mutations only over POST).
 * A GraphQL name cannot be escaped inside the document, but its JSON string can (`\u0073ubmitRating`):
 * JS_DECODE undoes that, URL_DECODE a query string's percent-encoding. CloudFront lets WAF read the
 * first 16 KB of a body; a larger one is counted too (MATCH), so padding cannot hide a rating.
 */
function publicRatingRequests(): wafv2.CfnWebACL.StatementProperty {
  const contains = (fieldToMatch: wafv2.CfnWebACL.FieldToMatchProperty, searchString: string, transformation: string): wafv2.CfnWebACL.StatementProperty => ({
    byteMatchStatement: { fieldToMatch, positionalConstraint: 'CONTAINS', searchString, textTransformations: [{ priority: 0, type: transformation }] },
  });
  return {
    andStatement: {
      statements: [
        {
          byteMatchStatement: {
            fieldToMatch: { uriPath: {} },
            positionalConstraint: 'EXACTLY',
            searchString: GRAPHQL_PATH,
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
        {
          orStatement: {
            statements: [
              ...PUBLIC_RATING_OPERATIONS.map((name) => contains({ body: { oversizeHandling: 'MATCH' } }, name, 'JS_DECODE')),
              contains({ queryString: {} }, 'ratingForm', 'URL_DECODE'),
            ],
          },
        },
      ],
    },
  };
}

/**
 * A WAF web ACL for the CloudFront distribution: a per-client rate limit, a stricter one on the
 * public rating operations, then AWS managed rules.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: CLOUDFRONT_SCOPE,
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      rules: [
        {
          name: 'RatePerClientIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('rate-per-ip'),
        },
        {
          name: 'RatingRatePerClientIp',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.ratingRateLimitPer5Minutes,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
              scopeDownStatement: publicRatingRequests(),
            },
          },
          visibilityConfig: visibility('rating-rate-per-ip'),
        },
        ...MANAGED_RULE_GROUPS.map(
          (group, i): wafv2.CfnWebACL.RuleProperty => ({
            name: group.name,
            priority: i + 2,
            overrideAction: { none: {} },
            statement: {
              managedRuleGroupStatement: {
                vendorName: 'AWS',
                name: group.name,
                ruleActionOverrides: group.countOnly?.map((name) => ({ name, actionToUse: { count: {} } })),
              },
            },
            visibilityConfig: visibility(group.name),
          }),
        ),
      ],
    });
  }
}

export interface EdgeAlarmsProps {
  readonly distributionId: string;
  readonly topic: AlarmTopic;
}

/** CloudFront publishes its metrics in us-east-1 only, so its alarms live there too. */
export class EdgeAlarms extends Construct {
  constructor(scope: Construct, id: string, props: EdgeAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/CloudFront',
        metricName,
        dimensionsMap: { DistributionId: props.distributionId, Region: 'Global' },
        period,
        statistic: cloudwatch.Stats.AVERAGE,
      });
    props.topic.alarm(this, 'Cdn5xxRate', 'More than 5% of requests to the site answered 5xx for 10 minutes (API or S3 origin failing)', {
      metric: metric('5xxErrorRate'),
      threshold: 5,
      evaluationPeriods: 2,
    });
  }
}
