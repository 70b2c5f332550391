import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { settingsFromContext } from './settings.js';
import { PROD_CONTEXT } from './testing.js';

const from = (context: Record<string, unknown>) => settingsFromContext((key) => context[key]);

describe('settingsFromContext', () => {
  it('defaults to dev with any origin and short log retention', () => {
    const settings = from({});
    expect(settings).toMatchObject({
      stage: 'dev',
      protectData: false,
      webOrigins: ['*'],
      authOrigins: ['http://localhost:5173', 'http://127.0.0.1:4000'],
      authDomainPrefix: 'bixue-ganchao-dev',
      lambdaMemoryMb: 1024,
      throttle: { rateLimit: 20, burstLimit: 40 },
      logRetention: RetentionDays.TWO_WEEKS,
      alarmEmail: undefined,
    });
    expect(settings.lambdaTimeout.toSeconds()).toBe(10);
  });

  it('names every missing production key at once, with an example', () => {
    let message = '';
    try {
      from({ stage: 'prod' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of Object.keys(PROD_CONTEXT).filter((k) => !k.startsWith('hostedZone'))) expect(message).toContain(`-c ${key}=`);
    expect(() => from({ ...PROD_CONTEXT, stage: 'prod', alarmEmail: undefined })).toThrow(/Production needs these context keys: -c alarmEmail=/);
    // The CLI profile's region counts as the region.
    expect(settingsFromContext((key) => ({ ...PROD_CONTEXT, stage: 'prod', region: undefined })[key], { region: 'eu-west-1' }).region).toBe('eu-west-1');
  });

  it('protects production and derives its web origin from the custom domain', () => {
    expect(from({ ...PROD_CONTEXT, stage: 'prod' })).toMatchObject({
      stage: 'prod',
      protectData: true,
      terminationProtection: true,
      webOrigins: ['https://scores.example.org'],
      authOrigins: ['https://scores.example.org'],
      authDomainPrefix: 'xiaoshan-scores',
      domain: { name: 'scores.example.org', certificateArn: PROD_CONTEXT.certificateArn, hostedZone: { id: PROD_CONTEXT.hostedZoneId, name: 'example.org' } },
      email: { identity: 'example.org', fromEmail: 'no-reply@example.org' },
      alarmEmail: 'ops@example.org',
      monthlyBudgetUsd: 50,
      edge: { rateLimitPer5Minutes: 3000, ratingRateLimitPer5Minutes: 300 },
      throttle: { rateLimit: 200, burstLimit: 400 },
      logRetention: RetentionDays.THREE_MONTHS,
    });
    expect(from({ ...PROD_CONTEXT, stage: 'prod', firstDeploy: 'true' }).terminationProtection).toBe(false);
  });

  it.each(['*', 'http://localhost:5173', 'https://scores.example.org/', 'scores.example.org'])('rejects %s as a production origin', (origin) => {
    expect(() => from({ ...PROD_CONTEXT, stage: 'prod', webOrigin: origin })).toThrow(/webOrigin/);
  });

  it('accepts only a us-east-1 certificate, and a hosted zone that contains the domain', () => {
    const prod = { ...PROD_CONTEXT, stage: 'prod' };
    expect(() => from({ ...prod, certificateArn: PROD_CONTEXT.certificateArn.replace('us-east-1', 'ap-east-1') })).toThrow(/us-east-1/);
    expect(() => from({ ...prod, hostedZoneName: 'example.com' })).toThrow(/not inside the hosted zone/);
    expect(() => from({ ...prod, hostedZoneName: undefined })).toThrow(/go together/);
    expect(() => from({ certificateArn: PROD_CONTEXT.certificateArn })).toThrow(/needs "domainName"/);
  });

  it('takes an SES sender at the verified domain, or the verified address itself', () => {
    const prod = { ...PROD_CONTEXT, stage: 'prod' };
    expect(() => from({ ...prod, sesFromEmail: 'no-reply@example.com' })).toThrow(/address at example.org/);
    expect(from({ ...prod, sesIdentity: 'ops@example.org', sesFromEmail: 'ops@example.org' }).email).toEqual({
      identity: 'ops@example.org',
      fromEmail: 'ops@example.org',
    });
    expect(() => from({ sesIdentity: 'example.org' })).toThrow(/go together/);
  });

  it('needs a region for the edge stacks, and reads table overrides', () => {
    expect(() => from({ edge: 'true' })).toThrow(/"region" is required with the edge stacks/);
    expect(from({ edge: 'true', region: 'ap-east-1' }).edge).toEqual({ rateLimitPer5Minutes: 3000, ratingRateLimitPer5Minutes: 300 });
    expect(from({ edge: 'true', region: 'ap-east-1', wafRatingRateLimit: '600' }).edge?.ratingRateLimitPer5Minutes).toBe(600);
    expect(() => from({ edge: 'true', region: 'ap-east-1', wafRatingRateLimit: '5' })).toThrow(/wafRatingRateLimit/);
    expect(from({ tableCompetitions: 'competitions-restored' }).tableOverrides).toEqual({ competitions: 'competitions-restored' });
    expect(() => from({ tableRubrics: 'x' })).toThrow(/tableRubrics/);
  });

  it('accepts several origins, local ones outside production', () => {
    expect(from({ webOrigin: 'https://dev.example.org, http://localhost:5173' }).webOrigins).toEqual(['https://dev.example.org', 'http://localhost:5173']);
    expect(() => from({ webOrigin: '*,https://dev.example.org' })).toThrow(/cannot combine/);
  });

  it('returns the hosted UI to the listed origins, or with * to the local client', () => {
    expect(from({ webOrigin: 'https://dev.example.org' }).authOrigins).toEqual(['https://dev.example.org']);
    expect(from({ webOrigin: 'https://dev.example.org,http://localhost:5173' }).authOrigins).toEqual(['https://dev.example.org', 'http://localhost:5173']);
    expect(from({ webOrigin: '*' }).authOrigins).toEqual(['http://localhost:5173', 'http://127.0.0.1:4000']);
  });

  it('takes a hosted-UI domain prefix Cognito accepts', () => {
    expect(from({ authDomainPrefix: 'scores-2026' }).authDomainPrefix).toBe('scores-2026');
    expect(from({ ...PROD_CONTEXT, stage: 'prod' }).authDomainPrefix).toBe('xiaoshan-scores');
    for (const prefix of ['Scores', 'scores_2026', '-scores', 'scores-', 'my-aws-scores', 'amazon', 'cognito-login', 'a'.repeat(64), '', 42]) {
      expect(() => from({ authDomainPrefix: prefix }), String(prefix)).toThrow(/"authDomainPrefix"/);
    }
  });

  it('rejects an unknown stage', () => {
    expect(() => from({ stage: 'production' })).toThrow(/"stage" must be one of dev, prod/);
  });

  it('reads numbers given on the command line as strings, within bounds', () => {
    const settings = from({ lambdaMemoryMb: '2048', lambdaTimeoutSeconds: '20', throttleRateLimit: 50, throttleBurstLimit: '100' });
    expect(settings.lambdaMemoryMb).toBe(2048);
    expect(settings.lambdaTimeout.toSeconds()).toBe(20);
    expect(settings.throttle).toEqual({ rateLimit: 50, burstLimit: 100 });
    expect(() => from({ lambdaTimeoutSeconds: '30' })).toThrow(/from 9 to 29/);
    // Below the DynamoDB client's worst case (7.5 s) plus a second, Lambda would cut retries short.
    expect(() => from({ lambdaTimeoutSeconds: '8' })).toThrow(/from 9 to 29/);
    expect(() => from({ lambdaMemoryMb: '1.5' })).toThrow(/lambdaMemoryMb/);
    expect(() => from({ throttleRateLimit: '0' })).toThrow(/throttleRateLimit/);
  });

  it('validates the alarm email', () => {
    expect(from({ alarmEmail: 'ops@example.org' }).alarmEmail).toBe('ops@example.org');
    expect(() => from({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
  });
});
