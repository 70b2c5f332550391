import type { App } from 'aws-cdk-lib';
import type { StageSettings } from './settings.js';
import { EdgeAlarmsStack, EdgeStack, ScoringApiStack, ScoringWebStack, edgeAlarmsStackName, edgeStackName, stackName, webStackName } from './stack.js';

export interface Stacks {
  readonly api: ScoringApiStack;
  readonly web: ScoringWebStack;
  /** The WAF web ACL and the CloudFront alarms in us-east-1 (production, or dev with -c edge=true). */
  readonly edge?: { readonly firewall: EdgeStack; readonly alarms: EdgeAlarmsStack };
}

/**
 * Every stack of a stage, in deployment order (`cdk deploy --all` follows the references):
 * the WAF web ACL, the API, the web client in front of both, then CloudFront's alarms.
 */
export function buildStacks(app: App, settings: StageSettings, options: { webDist?: string } = {}): Stacks {
  const firewall = settings.edge ? new EdgeStack(app, edgeStackName(settings.stage), { settings }) : undefined;
  const api = new ScoringApiStack(app, stackName(settings.stage), { settings });
  const web = new ScoringWebStack(app, webStackName(settings.stage), { settings, api, edge: firewall, webDist: options.webDist });
  if (!firewall) return { api, web };
  const alarms = new EdgeAlarmsStack(app, edgeAlarmsStackName(settings.stage), { settings, web });
  return { api, web, edge: { firewall, alarms } };
}
