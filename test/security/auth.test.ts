import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCognitoVerifier } from '../../src/auth/cognito.js';
import { DEV_AUDIENCE, DEV_ISSUER, createDevVerifier } from '../../src/auth/devIssuer.js';
import { apiKeyKey } from '../../src/store/keys.js';
import { apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from '../support/api.js';
import { ok, openRound } from '../support/scenario.js';

const now = () => Math.floor(Date.now() / 1000);
/** Changes one character in the middle of the signature (the last one may carry only padding bits). */
const tamper = (jwt: string) => {
  const at = jwt.lastIndexOf('.') + 10;
  return jwt.slice(0, at) + (jwt[at] === 'A' ? 'B' : 'A') + jwt.slice(at + 1);
};
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

async function rejects(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
  return 'accepted';
}

describe('local issuer tokens', () => {
  let privateKey: PrivateKey;
  let publicJwk: JWK;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = await exportJWK(pair.publicKey);
  });
  const sign = (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT = (j) => j, key: PrivateKey | Uint8Array = privateKey, alg = 'ES256') =>
    edit(
      new SignJWT({ name: '张三', roles: ['viewer'], ...claims })
        .setProtectedHeader({ alg })
        .setSubject('alice')
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h'),
    ).sign(key);

  it('accepts a valid token and refuses expired, not-yet-valid, wrong issuer, wrong audience, wrong algorithm and bad signature', async () => {
    const verifier = createDevVerifier(publicJwk);
    expect(await verifier.verify(await sign({}))).toEqual({ id: 'alice', name: '张三', roles: ['viewer'], kind: 'user' });
    const bad = [
      await sign({}, (j) => j.setExpirationTime(now() - 60)),
      await sign({}, (j) => j.setNotBefore(now() + 600)),
      await sign({}, (j) => j.setIssuer('https://evil.example')),
      await sign({}, (j) => j.setAudience('another-api')),
      await sign({}, (j) => j, new TextEncoder().encode('a-shared-secret-of-sufficient-length!!'), 'HS256'),
      tamper(await sign({})),
      await sign({ roles: ['admin'] }),
      'not.a.jwt',
    ];
    for (const token of bad) expect(await rejects(verifier.verify(token))).toBe('UNAUTHENTICATED');
  });
});

describe('Cognito tokens', () => {
  const userPoolId = 'ap-east-1_Test12345';
  const clientId = 'clientabc123';
  const issuer = `https://cognito-idp.ap-east-1.amazonaws.com/${userPoolId}`;
  let privateKey: PrivateKey;
  let verifier: ReturnType<typeof createCognitoVerifier>;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    verifier = createCognitoVerifier({ userPoolId, clientId, jwks: { keys: [jwk as never] } });
  });
  const idToken = (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT = (j) => j) =>
    edit(
      new SignJWT({ token_use: 'id', 'cognito:groups': ['judge', 'admins'], name: '李晓红', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject('2f1c0f5e-1111-4a2b-9c3d-abcdefabcdef')
        .setIssuer(issuer)
        .setAudience(clientId)
        .setIssuedAt()
        .setExpirationTime('1h'),
    ).sign(privateKey);

  it('maps cognito:groups to roles and refuses tokens of another pool, another client, or past expiry', async () => {
    expect(await verifier.verify(await idToken({}))).toEqual({ id: '2f1c0f5e-1111-4a2b-9c3d-abcdefabcdef', name: '李晓红', roles: ['judge'], kind: 'user' });
    const bad = [
      await idToken({}, (j) => j.setExpirationTime(now() - 60)),
      await idToken({}, (j) => j.setIssuer('https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Other')),
      await idToken({}, (j) => j.setAudience('someoneelse')),
      tamper(await idToken({})),
    ];
    for (const token of bad) expect(await rejects(verifier.verify(token))).toBe('UNAUTHENTICATED');
  });
});

describe('API keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });

  it('are read-only viewers, shown once, stored only as a hash, and refused at once when revoked or expired', async () => {
    const s = await openRound(api, { entries: 1, judges: 1 });
    const created = ok<any>(await api.gql(`mutation { createApiKey(name: "Power BI") { id name secret expiresAt } }`, {}, s.organizer)).createApiKey;
    expect(created.secret).toMatch(/^bxgc\.apikey_/);
    const stored = (await api.dynamo.send(new GetCommand({ TableName: api.tables.directory, Key: apiKeyKey(created.id) }))).Item!;
    expect(JSON.stringify(stored)).not.toContain(created.secret.split('.')[2]);

    const withKey = (query: string, key = created.secret) =>
      api.handler(
        apiGatewayEvent({ method: 'POST', body: JSON.stringify({ query }), headers: { 'content-type': 'application/json', 'x-api-key': key } }),
        lambdaContext(),
      );
    const me = JSON.parse((await withKey('{ me { id roles } }')).body!);
    expect(me.data.me).toEqual({ id: `apikey:${created.id}`, roles: ['viewer'] });
    const board = JSON.parse((await withKey(`{ leaderboard(roundId: "${s.roundId}") { totalCount } }`)).body!);
    expect(board.data.leaderboard.totalCount).toBe(1);
    const write = JSON.parse((await withKey('mutation { createUnit(input: { name: "x" }) { id } }')).body!);
    expect(write.errors[0].extensions.code).toBe('FORBIDDEN');
    const listed = ok<any>(await api.gql(`{ apiKeys { id lastUsedAt revokedAt } }`, {}, s.organizer)).apiKeys.find((k: any) => k.id === created.id);
    expect(listed.lastUsedAt).toBeTruthy();
    expect(listed.revokedAt).toBeNull();

    expect(ok<any>(await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: created.id }, s.organizer)).revokeApiKey).toBe(true);
    expect(JSON.parse((await withKey('{ me { id } }')).body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.parse((await withKey('{ me { id } }', `${created.secret.slice(0, -1)}x`)).body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const soon = new Date(Date.now() + 1500).toISOString();
    const shortLived = ok<any>(
      await api.gql(`mutation($e: DateTime) { createApiKey(name: "temp", expiresAt: $e) { secret } }`, { e: soon }, s.organizer),
    ).createApiKey;
    expect(JSON.parse((await withKey('{ me { id } }', shortLived.secret)).body!).data.me.id).toMatch(/^apikey:/);
    await new Promise((r) => setTimeout(r, 1600));
    expect(JSON.parse((await withKey('{ me { id } }', shortLived.secret)).body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const past = await api.gql(`mutation { createApiKey(name: "old", expiresAt: "2020-01-01T00:00:00Z") { id } }`, {}, s.organizer);
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
  });
});
