import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Agent, request } from 'node:http';
import { KEEP_ALIVE_MS, createLocalServer, MAX_BODY_BYTES } from '../src/local/http.js';
import { apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from './support/api.js';

let api: TestApi;
let viewer: string;
beforeAll(async () => {
  api = await createTestApi();
  viewer = await api.token('lambda-viewer', 'viewer', '观众');
});

const json = { 'content-type': 'application/json' };

describe('Lambda handler with API Gateway HTTP API (payload 2.0) events', () => {
  it('answers a POST with application/json', async () => {
    const result = await api.handler(
      apiGatewayEvent({ method: 'POST', body: JSON.stringify({ query: '{ me { id name roles } }' }), headers: { ...json, authorization: `Bearer ${viewer}` } }),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(result.body!).data.me).toEqual({ id: 'lambda-viewer', name: '观众', roles: ['viewer'] });
  });

  it('answers a base64-encoded POST body, as API Gateway may deliver it', async () => {
    const body = Buffer.from(JSON.stringify({ query: '{ me { id } }' })).toString('base64');
    const result = await api.handler(
      apiGatewayEvent({ method: 'POST', body, isBase64Encoded: true, headers: { ...json, authorization: `Bearer ${viewer}` } }),
      lambdaContext(),
    );
    expect(JSON.parse(result.body!).data.me.id).toBe('lambda-viewer');
  });

  it('answers a GET query that carries a credential or the CSRF preflight header, and refuses a bare one', async () => {
    const rawQueryString = `query=${encodeURIComponent('{ me { id } }')}`;
    const allowed = await api.handler(
      apiGatewayEvent({ method: 'GET', rawQueryString, headers: { authorization: `Bearer ${viewer}`, 'apollo-require-preflight': 'true' } }),
      lambdaContext(),
    );
    expect(JSON.parse(allowed.body!).data.me.id).toBe('lambda-viewer');
    const withToken = await api.handler(apiGatewayEvent({ method: 'GET', rawQueryString, headers: { authorization: `Bearer ${viewer}` } }), lambdaContext());
    expect(JSON.parse(withToken.body!).data.me.id).toBe('lambda-viewer');
    const refused = await api.handler(apiGatewayEvent({ method: 'GET', rawQueryString }), lambdaContext());
    expect(refused.statusCode).toBe(400);
  });

  it('refuses mutations over GET', async () => {
    const rawQueryString = `query=${encodeURIComponent('mutation { createCompetition(input: { name: "x" }) { id } }')}`;
    const result = await api.handler(apiGatewayEvent({ method: 'GET', rawQueryString, headers: { 'apollo-require-preflight': 'true' } }), lambdaContext());
    expect(result.statusCode).toBe(405);
  });

  it('answers malformed JSON and batched requests with 400 and no stack trace', async () => {
    for (const body of ['{"query": ', JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }])]) {
      const result = await api.handler(apiGatewayEvent({ method: 'POST', body, headers: json }), lambdaContext());
      expect(result.statusCode).toBe(400);
      expect(result.body).not.toMatch(/\.(ts|js):\d+/);
    }
  });

  it('is what src/lambda.ts exports when configured from the environment', async () => {
    Object.assign(process.env, {
      STAGE: 'dev',
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      TABLE_PREFIX: inject('tablePrefix'),
      AUTH_DEV_PUBLIC_JWK: JSON.stringify(api.keys.publicJwk),
      CURSOR_SIGNING_KEY: 'lambda-test-cursor-signing-key-0123456789',
    });
    const { handler } = await import('../src/lambda.js');
    const result = await handler(
      apiGatewayEvent({
        method: 'POST',
        body: JSON.stringify({ query: '{ competitions(first: 1) { edges { node { id } } } me { id } }' }),
        headers: { ...json, authorization: `Bearer ${viewer}` },
      }),
      lambdaContext(),
    );
    const body = JSON.parse(result.body!);
    expect(body.errors).toBeUndefined();
    expect(body.data.me.id).toBe('lambda-viewer');
    expect(body.extensions.cost.dynamodbRequests).toBe(1);
  });
});

describe('local HTTP server', () => {
  it('serves /graphql through the same handler, 404 elsewhere, 413 for bodies over 1 MB', async () => {
    const server = createLocalServer(api.handler);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${viewer}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as any).data.me.id).toBe('lambda-viewer');
      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
      const huge = await fetch(`${base}/graphql`, { method: 'POST', headers: json, body: 'x'.repeat(MAX_BODY_BYTES + 1) });
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    } finally {
      server.close();
    }
  });

  it('keeps idle keep-alive connections open past Node’s 5 s default, so a pooled client that paused is not cut off', async () => {
    const server = createLocalServer(api.handler);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_MS);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = () =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { ...json, authorization: `Bearer ${viewer}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ me { id } }' }));
      });
    try {
      const first = await call();
      await new Promise((r) => setTimeout(r, 5_500));
      const second = await call();
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      server.close();
    }
  }, 20_000);
});
