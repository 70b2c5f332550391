import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { settingsFromContext } from './settings.js';

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

  it('protects production and requires its web origin', () => {
    expect(() => from({ stage: 'prod' })).toThrow(/"webOrigin" is required for prod/);
    expect(from({ stage: 'prod', webOrigin: 'https://scores.example.org' })).toMatchObject({
      stage: 'prod',
      protectData: true,
      webOrigins: ['https://scores.example.org'],
      authOrigins: ['https://scores.example.org'],
      authDomainPrefix: 'bixue-ganchao-prod',
      throttle: { rateLimit: 200, burstLimit: 400 },
      logRetention: RetentionDays.THREE_MONTHS,
    });
  });

  it.each(['*', 'http://localhost:5173', 'https://scores.example.org/', 'scores.example.org'])('rejects %s as a production origin', (origin) => {
    expect(() => from({ stage: 'prod', webOrigin: origin })).toThrow(/webOrigin/);
  });

  it('accepts several origins, local ones outside production', () => {
    expect(from({ webOrigin: 'https://dev.example.org, http://localhost:5173' }).webOrigins).toEqual([
      'https://dev.example.org',
      'http://localhost:5173',
    ]);
    expect(() => from({ webOrigin: '*,https://dev.example.org' })).toThrow(/cannot combine/);
  });

  it('returns the hosted UI to the listed origins, or with * to the local client', () => {
    expect(from({ webOrigin: 'https://dev.example.org' }).authOrigins).toEqual(['https://dev.example.org']);
    expect(from({ webOrigin: 'https://dev.example.org,http://localhost:5173' }).authOrigins).toEqual(['https://dev.example.org', 'http://localhost:5173']);
    expect(from({ webOrigin: '*' }).authOrigins).toEqual(['http://localhost:5173', 'http://127.0.0.1:4000']);
  });

  it('takes a hosted-UI domain prefix Cognito accepts', () => {
    expect(from({ authDomainPrefix: 'scores-2026' }).authDomainPrefix).toBe('scores-2026');
    expect(from({ stage: 'prod', webOrigin: 'https://scores.example.org', authDomainPrefix: 'xiaoshan-scores' }).authDomainPrefix).toBe('xiaoshan-scores');
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
    expect(() => from({ lambdaTimeoutSeconds: '30' })).toThrow(/from 1 to 29/);
    expect(() => from({ lambdaMemoryMb: '1.5' })).toThrow(/lambdaMemoryMb/);
    expect(() => from({ throttleRateLimit: '0' })).toThrow(/throttleRateLimit/);
  });

  it('validates the alarm email', () => {
    expect(from({ alarmEmail: 'ops@example.org' }).alarmEmail).toBe('ops@example.org');
    expect(() => from({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
  });
});
