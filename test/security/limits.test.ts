import { beforeAll, describe, expect, it, inject } from 'vitest';
import { createDevVerifier, generateDevKey } from '../../src/auth/devIssuer.js';
import { QUERY_LIMITS } from '../../src/graphql/limits.js';
import { createApiHandler, MAX_REQUEST_BYTES } from '../../src/handler.js';
import { LOCAL_AWS } from '../../src/local/dynamoLocal.js';
import { createDynamo } from '../../src/store/client.js';
import { tableNamesFor } from '../../src/store/tables.js';
import { TEST_CURSOR_KEY, apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from '../support/api.js';

let api: TestApi;
let viewer: string;
beforeAll(async () => {
  api = await createTestApi();
  viewer = await api.token('limits-viewer', 'viewer');
});

const codeOf = (r: { errors?: { extensions: Record<string, unknown>; message: string }[] }) => r.errors?.[0]?.extensions.code;

describe('query limits', () => {
  it('refuses documents too deep, with too many aliases, directives or tokens, or too costly', async () => {
    const deep = `{ competitions { edges { node { rounds { competition { rounds { competition { rounds { competition { rounds { id } } } } } } } } } } }`;
    expect(codeOf(await api.gql(deep, {}, viewer))).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(codeOf(await api.gql(aliases, {}, viewer))).toBe('GRAPHQL_VALIDATION_FAILED');
    const directives = `{ me ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)}{ id } }`;
    expect(codeOf(await api.gql(directives, {}, viewer))).toBe('GRAPHQL_VALIDATION_FAILED');
    const tokens = `{ me { ${'id '.repeat(QUERY_LIMITS.maxTokens)}} }`;
    const tooLong = await api.gql(tokens, {}, viewer);
    expect(codeOf(tooLong)).toBe('GRAPHQL_PARSE_FAILED');
    expect(tooLong.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('allows the heaviest legitimate query: a judge’s assignments with entries, sheets and marks', async () => {
    const query = `{ myAssignments { id name status rubric { criteria { key label maxScore step weight description } maxTotal }
      judges { label name } entries { id order title group cadre { name unit { name } } mySheet { id version total scores { criterion score } comment } }
      mySheets { id total entry { id } } } }`;
    expect((await api.gql(query, {}, await api.token('limits-judge', 'judge'))).errors).toBeUndefined();
  });

  it('answers a body over 1 MB with 413 and never reads it', async () => {
    const body = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(MAX_REQUEST_BYTES) } });
    const result = await api.handler(apiGatewayEvent({ method: 'POST', body, headers: { 'content-type': 'application/json' } }), lambdaContext());
    expect(result.statusCode).toBe(413);
  });
});

describe('production posture', () => {
  it('turns introspection off, masks unexpected errors with a request id, and never shows stack traces', async () => {
    const keys = await generateDevKey();
    const logged: unknown[] = [];
    // A store with a table that does not exist: every read fails unexpectedly.
    const handler = createApiHandler({
      dynamo: createDynamo({ ...LOCAL_AWS, endpoint: inject('dynamoEndpoint') }),
      tables: tableNamesFor('no-such-tables'),
      verifier: createDevVerifier(keys.publicJwk),
      development: false,
      cursorKey: TEST_CURSOR_KEY,
      logger: { info: () => {}, error: (_message, fields) => logged.push(fields) },
    });
    const { issueDevToken } = await import('../../src/auth/devIssuer.js');
    const token = await issueDevToken(keys.privateJwk, { sub: 'prod-viewer', name: 'v', roles: ['viewer'] });
    const call = async (query: string) =>
      JSON.parse(
        (
          await handler(
            apiGatewayEvent({
              method: 'POST',
              body: JSON.stringify({ query }),
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            }),
            lambdaContext(),
          )
        ).body!,
      );

    const introspection = await call('{ __schema { types { name } } }');
    expect(introspection.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const broken = await call('{ units { id } }');
    expect(broken.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(broken.errors[0].extensions.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(broken)).not.toMatch(/ResourceNotFound|no-such-tables|stack|\.ts:/);
    expect(broken.extensions?.cost).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toContain(broken.errors[0].extensions.requestId);
  });
});
