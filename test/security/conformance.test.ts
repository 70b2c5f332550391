import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer } from '../../src/local/http.js';
import { createTestApi } from '../support/api.js';

/**
 * The GraphQL-over-HTTP audit suite (graphql-http) against the local HTTP front
 * door, which runs the Lambda handler. Every MUST holds; SHOULD/MAY findings are
 * listed in the README's security section.
 */
let url: string;
let close: () => void;
let token: string;

beforeAll(async () => {
  const api = await createTestApi();
  token = await api.token('audit-viewer', 'viewer');
  const server = createLocalServer(api.handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  close = () => server.close();
});
afterAll(() => close());

describe('GraphQL over HTTP', () => {
  it('passes every MUST of the graphql-http server audits', async () => {
    const authed: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` } });
    const results = await Promise.all(serverAudits({ url, fetchFn: authed }).map(async (audit) => ({ ...(await audit.fn()), name: audit.name })));
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failedMusts).toEqual([]);
    const others = results.filter((r) => !r.name.startsWith('MUST') && r.status !== 'ok').map((r) => r.name);
    console.info(`graphql-http audits: ${results.length} run, ${results.length - others.length} ok; not ok (SHOULD/MAY): ${others.join('; ') || 'none'}`);
  });
});
