import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, inject, it, vi } from 'vitest';
import { loadEdgeConfig } from '../../src/edge/config.js';
import { ORIGIN_SECRET_HEADER, requireOriginSecret } from '../../src/edge/originGuard.js';
import { lambdaContext } from '../../src/local/http.js';
import { apiGatewayEvent } from '../support/api.js';

const SECRET = `${'o'.repeat(20)}rigin-secret-of-this-test`;

const ok: APIGatewayProxyStructuredResultV2 = { statusCode: 200, body: '{}' };

function event(headers: Record<string, string>): APIGatewayProxyEventV2 {
  return apiGatewayEvent({ method: 'POST', body: JSON.stringify({ query: '{ __typename }' }), headers: { 'content-type': 'application/json', ...headers } });
}

describe('requireOriginSecret', () => {
  it('passes a request that carries the secret, without the header', async () => {
    const inner = vi.fn(async () => ok);
    const result = await requireOriginSecret(SECRET, inner)(event({ [ORIGIN_SECRET_HEADER]: SECRET }), lambdaContext());
    expect(result).toBe(ok);
    const forwarded = (inner.mock.calls[0] as unknown as [APIGatewayProxyEventV2])[0];
    expect(forwarded.headers[ORIGIN_SECRET_HEADER]).toBeUndefined();
    expect(forwarded.headers['content-type']).toBe('application/json');
  });

  it.each([
    ['no header', {}],
    ['a wrong value', { [ORIGIN_SECRET_HEADER]: `${SECRET.slice(0, -1)}x` }],
    ['a prefix of the value', { [ORIGIN_SECRET_HEADER]: SECRET.slice(0, 10) }],
    ['an empty value', { [ORIGIN_SECRET_HEADER]: '' }],
  ])('refuses %s with 403 before the API runs', async (_, headers) => {
    const inner = vi.fn(async () => ok);
    const result = await requireOriginSecret(SECRET, inner)(event(headers), lambdaContext());
    expect(inner).not.toHaveBeenCalled();
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body!).errors[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'ORIGIN' });
  });
});

describe('loadEdgeConfig', () => {
  it('requires the origin secret in production, and treats an unset stage as production', () => {
    expect(() => loadEdgeConfig({ STAGE: 'prod' })).toThrow(/ORIGIN_SECRET is required/);
    expect(() => loadEdgeConfig({})).toThrow(/ORIGIN_SECRET is required/);
    expect(() => loadEdgeConfig({ STAGE: 'prod', ORIGIN_SECRET: 'too short' })).toThrow(/ORIGIN_SECRET/);
    expect(loadEdgeConfig({ STAGE: 'prod', ORIGIN_SECRET: SECRET }).originSecret).toBe(SECRET);
  });

  it('leaves the guard off in dev and locally unless a secret is set', () => {
    expect(loadEdgeConfig({ STAGE: 'dev' })).toEqual({ originSecret: null, exportBucket: null });
    expect(loadEdgeConfig({ STAGE: 'local' }).originSecret).toBeNull();
    expect(loadEdgeConfig({ STAGE: 'dev', ORIGIN_SECRET: SECRET }).originSecret).toBe(SECRET);
  });

  it('reads the export bucket with its region', () => {
    expect(loadEdgeConfig({ STAGE: 'dev', EXPORT_BUCKET: 'bxgc-exports-1', AWS_REGION: 'ap-east-1' }).exportBucket).toEqual({
      name: 'bxgc-exports-1',
      region: 'ap-east-1',
    });
    expect(() => loadEdgeConfig({ STAGE: 'dev', EXPORT_BUCKET: 'Not_A_Bucket', AWS_REGION: 'ap-east-1' })).toThrow(/EXPORT_BUCKET/);
  });
});

describe('the Lambda entry point in production', () => {
  it('refuses a request without the origin secret and serves one with it', async () => {
    vi.stubEnv('STAGE', 'prod');
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('DYNAMODB_ENDPOINT', inject('dynamoEndpoint'));
    vi.stubEnv('TABLE_PREFIX', inject('tablePrefix'));
    vi.stubEnv('COGNITO_USER_POOL_ID', 'ap-east-1_Example1');
    vi.stubEnv('COGNITO_CLIENT_ID', 'exampleclientid123');
    vi.stubEnv('CURSOR_SIGNING_KEY', 'c'.repeat(48));
    vi.stubEnv('ORIGIN_SECRET', SECRET);
    try {
      const { handler } = await import('../../src/lambda.js');
      const direct = await handler(event({}), lambdaContext());
      expect(direct.statusCode).toBe(403);
      expect(JSON.parse(direct.body!).errors[0].extensions.reason).toBe('ORIGIN');

      const throughCloudFront = await handler(event({ [ORIGIN_SECRET_HEADER]: SECRET }), lambdaContext());
      expect(throughCloudFront.statusCode).toBe(200);
      expect(JSON.parse(throughCloudFront.body!)).toEqual({ data: { __typename: 'Query' } });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
