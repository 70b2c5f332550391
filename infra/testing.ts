import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { settingsFromContext, type Stage } from './settings.js';
import { buildStacks, type Stacks } from './stacks.js';

/** Shared by the infra tests: the app as `cdk synth` builds it, with the documented production keys. */
export const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: object }).context;

export const PROD_DOMAIN = 'scores.example.org';
export const PROD_ORIGIN = `https://${PROD_DOMAIN}`;
export const PROD_CONTEXT = {
  region: 'ap-east-1',
  domainName: PROD_DOMAIN,
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012',
  hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  hostedZoneName: 'example.org',
  authDomainPrefix: 'xiaoshan-scores',
  alarmEmail: 'ops@example.org',
  sesIdentity: 'example.org',
  sesFromEmail: 'no-reply@example.org',
  backupCopyVaultArn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:bixue-ganchao-copy',
} as const;

/** A stand-in for the built client (web/dist exists only after `npm run build:web`). */
export function builtClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bxgc-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("client")');
  return dir;
}

/** Synthesizes every stack of a stage, minus the slow esbuild bundling. */
export function synthApp(stage: Stage, options: { context?: Record<string, unknown>; webDist?: string } = {}): { app: App; stacks: Stacks } {
  const app = new App({
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], stage, ...(stage === 'prod' ? PROD_CONTEXT : {}), ...options.context },
  });
  const settings = settingsFromContext((key) => app.node.tryGetContext(key));
  return { app, stacks: buildStacks(app, settings, { webDist: options.webDist }) };
}
