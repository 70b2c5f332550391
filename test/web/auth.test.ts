import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwtPayload, userFromIdToken } from '../../web/src/auth/claims.js';
import { loadAuthConfig, parseAuthConfig } from '../../web/src/auth/config.js';
import {
  PENDING_KEY,
  SignInError,
  authorizeUrl,
  base64url,
  beginSignIn,
  completeSignIn,
  logoutUrl,
  pkceChallenge,
  randomToken,
  refreshTokens,
  revokeToken,
  type HostedUi,
  type KeyValueStore,
} from '../../web/src/auth/oauth.js';
import { RENEW_MARGIN_MS, createTokenSource, type Renewable } from '../../web/src/auth/renewal.js';

/**
 * The hosted-UI sign-in's logic without a browser: PKCE, the authorize and logout URLs, the
 * callback's checks, and the token endpoint, played by a local HTTP server standing in for
 * Cognito's /oauth2/token and /oauth2/revoke.
 */

const REDIRECT_URI = 'https://scores.example.org/auth/callback';
const HOSTED_UI: HostedUi = {
  domain: 'https://bixue-ganchao-dev.auth.ap-east-1.amazoncognito.com',
  clientId: 'client-123',
  scopes: ['openid', 'email', 'profile'],
};

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An unsigned JWT: the client only decodes the payload, the API verifies. */
const jwt = (claims: object) => `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims)}.c2lnbmF0dXJl`;

const ID_TOKEN = jwt({ sub: 'u-1', name: '张三', email: 'zhang@example.org', 'cognito:groups': ['judge', 'staff'], token_use: 'id' });
const RENEWED_ID_TOKEN = jwt({ sub: 'u-1', name: '张三', 'cognito:groups': ['judge'], token_use: 'id', renewed: true });

/** What the stand-in for Cognito received: method, path, content type and form fields. */
interface Received {
  method: string;
  path: string;
  contentType: string | undefined;
  form: Record<string, string>;
}

let server: Server;
let cognito: HostedUi;
let received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      received.push({ method: request.method ?? '', path, contentType: request.headers['content-type'], form });
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
        response.end(JSON.stringify(body));
      };
      if (path === '/oauth2/token' && form.grant_type === 'authorization_code' && form.code === 'good-code') {
        json(200, { id_token: ID_TOKEN, access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 3600, token_type: 'Bearer' });
      } else if (path === '/oauth2/token' && form.grant_type === 'refresh_token' && form.refresh_token === 'refresh-1') {
        // As Cognito without refresh-token rotation: no new refresh token.
        json(200, { id_token: RENEWED_ID_TOKEN, access_token: 'access-2', expires_in: 1800, token_type: 'Bearer' });
      } else if (path === '/oauth2/token') {
        json(400, { error: 'invalid_grant' });
      } else if (path === '/oauth2/revoke') {
        response.writeHead(200).end();
      } else if (path === '/config/cognito.json') {
        json(200, { auth: { kind: 'cognito', domain: HOSTED_UI.domain, clientId: 'client-123', scopes: ['openid', 'email', 'profile'] } });
      } else if (path === '/config/local.json') {
        json(200, { auth: { kind: 'local' } });
      } else if (path === '/config/spa.json') {
        // What `npm start` and Vite answer for a file they do not have: the app's index.html.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><div id="root"></div>');
      } else {
        json(404, { message: 'Not found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cognito = { ...HOSTED_UI, domain: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
});

/** A sign-in started in `storage`, and the callback URL the hosted UI would send back. */
async function started(storage: MemoryStore, params: (state: string) => Record<string, string>) {
  const url = new URL(await beginSignIn(cognito, REDIRECT_URI, storage));
  const state = url.searchParams.get('state')!;
  return new URL(`${REDIRECT_URI}?${new URLSearchParams(params(state))}`);
}

describe('PKCE', () => {
  it('derives the S256 challenge as base64url(SHA-256(verifier)): RFC 7636, appendix B', async () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    const verifier = base64url(Uint8Array.from(octets));
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await pkceChallenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('draws verifiers and states of 43 base64url characters, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, randomToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('authorize URL', () => {
  it('asks the hosted UI for a code, with the client, callback, scopes, state and S256 challenge', async () => {
    const storage = new MemoryStore();
    const url = new URL(await beginSignIn(HOSTED_UI, REDIRECT_URI, storage));
    expect(`${url.origin}${url.pathname}`).toBe(`${HOSTED_UI.domain}/oauth2/authorize`);
    const pending = JSON.parse(storage.getItem(PENDING_KEY)!) as { state: string; verifier: string };
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile',
      state: pending.state,
      code_challenge: await pkceChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    // The verifier itself never leaves the tab before the token request.
    expect(url.toString()).not.toContain(pending.verifier);
  });

  it('starts every sign-in with a fresh state and verifier', async () => {
    const storage = new MemoryStore();
    await beginSignIn(HOSTED_UI, REDIRECT_URI, storage);
    const first = storage.getItem(PENDING_KEY);
    await beginSignIn(HOSTED_UI, REDIRECT_URI, storage);
    expect(storage.getItem(PENDING_KEY)).not.toBe(first);
  });

  it('builds the same URL from its parts, and the logout URL', () => {
    const url = authorizeUrl(HOSTED_UI, { redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'c' });
    expect(url).toBe(
      `${HOSTED_UI.domain}/oauth2/authorize?response_type=code&client_id=client-123&redirect_uri=${encodeURIComponent(REDIRECT_URI)}` +
        '&scope=openid+email+profile&state=s&code_challenge=c&code_challenge_method=S256',
    );
    expect(logoutUrl(HOSTED_UI, 'https://scores.example.org/')).toBe(
      `${HOSTED_UI.domain}/logout?client_id=client-123&logout_uri=${encodeURIComponent('https://scores.example.org/')}`,
    );
  });
});

describe('callback', () => {
  it('exchanges the code at /oauth2/token with the verifier, as a form', async () => {
    const storage = new MemoryStore();
    const callback = await started(storage, (state) => ({ code: 'good-code', state }));
    const { verifier } = JSON.parse(storage.getItem(PENDING_KEY)!) as { verifier: string };

    const tokens = await completeSignIn(cognito, callback, REDIRECT_URI, storage);
    expect(tokens).toEqual({ idToken: ID_TOKEN, refreshToken: 'refresh-1', expiresIn: 3600 });
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/oauth2/token',
        contentType: 'application/x-www-form-urlencoded',
        form: { grant_type: 'authorization_code', code: 'good-code', redirect_uri: REDIRECT_URI, client_id: 'client-123', code_verifier: verifier },
      },
    ]);
    // The pending sign-in is spent: the same answer cannot be used again.
    expect(storage.getItem(PENDING_KEY)).toBeNull();
    await expect(completeSignIn(cognito, callback, REDIRECT_URI, storage)).rejects.toMatchObject({ code: 'state_mismatch' });
    expect(received).toHaveLength(1);
  });

  it('refuses an answer whose state is not the one this tab sent, without calling the token endpoint', async () => {
    const storage = new MemoryStore();
    const callback = await started(storage, () => ({ code: 'good-code', state: 'someone-elses-state' }));
    const refusal = completeSignIn(cognito, callback, REDIRECT_URI, storage);
    await expect(refusal).rejects.toBeInstanceOf(SignInError);
    await expect(refusal).rejects.toMatchObject({ code: 'state_mismatch' });
    // Nor one without any sign-in started in this tab.
    const stray = new URL(`${REDIRECT_URI}?code=good-code&state=anything`);
    await expect(completeSignIn(cognito, stray, REDIRECT_URI, new MemoryStore())).rejects.toMatchObject({ code: 'state_mismatch' });
    expect(received).toEqual([]);
  });

  it("reports the hosted UI's error and a refused code", async () => {
    const denied = new MemoryStore();
    const callback = await started(denied, (state) => ({ error: 'access_denied', error_description: 'User is disabled.', state }));
    await expect(completeSignIn(cognito, callback, REDIRECT_URI, denied)).rejects.toMatchObject({ code: 'access_denied', message: 'User is disabled.' });

    const refused = new MemoryStore();
    const stale = await started(refused, (state) => ({ code: 'already-used', state }));
    await expect(completeSignIn(cognito, stale, REDIRECT_URI, refused)).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('reads the user from the ID token: subject, name in UTF-8, known roles only', () => {
    expect(userFromIdToken(ID_TOKEN)).toEqual({ id: 'u-1', name: '张三', roles: ['judge'] });
    expect(userFromIdToken(jwt({ sub: 'u-2', email: 'li@example.org', 'cognito:groups': ['viewer', 'organizer'] }))).toEqual({
      id: 'u-2',
      name: 'li@example.org',
      roles: ['organizer', 'viewer'],
    });
    expect(userFromIdToken(jwt({ sub: 'u-3' })).roles).toEqual([]);
    expect(() => decodeJwtPayload('not-a-jwt')).toThrow(/JWT/);
  });
});

describe('refresh', () => {
  it('renews the ID token with the refresh token, keeping the refresh token Cognito does not rotate', async () => {
    expect(await refreshTokens(cognito, 'refresh-1')).toEqual({ idToken: RENEWED_ID_TOKEN, refreshToken: 'refresh-1', expiresIn: 1800 });
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/oauth2/token',
        contentType: 'application/x-www-form-urlencoded',
        form: { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'client-123' },
      },
    ]);
    await expect(refreshTokens(cognito, 'revoked')).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('revokes the refresh token on sign-out', async () => {
    await revokeToken(cognito, 'refresh-1');
    expect(received).toEqual([
      { method: 'POST', path: '/oauth2/revoke', contentType: 'application/x-www-form-urlencoded', form: { token: 'refresh-1', client_id: 'client-123' } },
    ]);
  });

  it('reports an unreachable hosted UI as a network failure', async () => {
    const offline = { ...cognito, domain: 'http://127.0.0.1:9' };
    await expect(refreshTokens(offline, 'refresh-1')).rejects.toMatchObject({ code: 'network' });
  });

  describe('before a request', () => {
    function source(session: Renewable | null, refresh: (refreshToken: string) => Promise<Renewable>) {
      const state = { session, now: 1_000_000, refreshes: 0 };
      const next = createTokenSource<Renewable>({
        current: () => state.session,
        refresh: (token) => {
          state.refreshes += 1;
          return refresh(token);
        },
        update: (renewed) => {
          state.session = renewed;
        },
        now: () => state.now,
      });
      return { state, next };
    }
    const renewed = { token: 'id-2', refreshToken: 'refresh-1', expiresAt: 5_000_000 };

    it('sends the token as is while it has more than the margin left, or cannot be renewed', async () => {
      const { state, next } = source({ token: 'id-1', refreshToken: 'refresh-1', expiresAt: 1_000_000 + RENEW_MARGIN_MS + 1 }, async () => renewed);
      expect(await next()).toBe('id-1');
      state.session = { token: 'local-token' };
      expect(await next()).toBe('local-token');
      state.session = null;
      expect(await next()).toBeNull();
      expect(state.refreshes).toBe(0);
    });

    it('renews a token about to expire once for requests sent together', async () => {
      const { state, next } = source({ token: 'id-1', refreshToken: 'refresh-1', expiresAt: 1_000_000 + 60_000 }, async () => renewed);
      expect(await Promise.all([next(), next(), next()])).toEqual(['id-2', 'id-2', 'id-2']);
      expect(state.refreshes).toBe(1);
      expect(state.session).toEqual(renewed);
    });

    it('keeps the old token when renewal fails, and drops an answer for a session that has ended', async () => {
      const failing = source({ token: 'id-1', refreshToken: 'refresh-1', expiresAt: 1_000_000 }, async () => {
        throw new SignInError('invalid_grant', 'revoked');
      });
      expect(await failing.next()).toBe('id-1');

      let signOut = () => {};
      const slow = source({ token: 'id-1', refreshToken: 'refresh-1', expiresAt: 1_000_000 }, async () => {
        signOut();
        return renewed;
      });
      signOut = () => {
        slow.state.session = null;
      };
      expect(await slow.next()).toBeNull();
      expect(slow.state.session).toBeNull();
    });

    it('renews through the token endpoint end to end', async () => {
      const { state, next } = source({ token: 'id-1', refreshToken: 'refresh-1', expiresAt: 1_000_000 }, async (refreshToken) => {
        const tokens = await refreshTokens(cognito, refreshToken);
        return { token: tokens.idToken, refreshToken: tokens.refreshToken, expiresAt: state.now + tokens.expiresIn * 1000 };
      });
      expect(await next()).toBe(RENEWED_ID_TOKEN);
      expect(state.session).toEqual({ token: RENEWED_ID_TOKEN, refreshToken: 'refresh-1', expiresAt: 1_000_000 + 1_800_000 });
    });
  });
});

describe('config.json', () => {
  it('selects the hosted UI only when it names Cognito', async () => {
    const at = (path: string) => loadAuthConfig(fetch, `${cognito.domain}${path}`);
    expect(await at('/config/cognito.json')).toEqual({ kind: 'cognito', ...HOSTED_UI });
    expect(await at('/config/local.json')).toEqual({ kind: 'local' });
    // Locally there is none: a 404, or a single-page app's index.html.
    expect(await at('/config/missing.json')).toEqual({ kind: 'local' });
    expect(await at('/config/spa.json')).toEqual({ kind: 'local' });
    // Offline is not "no config".
    await expect(loadAuthConfig(fetch, 'http://127.0.0.1:9/config.json')).rejects.toThrow();
  });

  it('refuses a Cognito config it could not sign in with', () => {
    const cognitoConfig = (auth: object) => () =>
      parseAuthConfig({ auth: { kind: 'cognito', domain: HOSTED_UI.domain, clientId: 'c', scopes: ['openid'], ...auth } });
    expect(cognitoConfig({})()).toMatchObject({ kind: 'cognito', clientId: 'c' });
    expect(cognitoConfig({ domain: `${HOSTED_UI.domain}/` })()).toMatchObject({ domain: HOSTED_UI.domain });
    expect(cognitoConfig({ domain: 'http://bixue.auth.ap-east-1.amazoncognito.com' })).toThrow(/https/);
    expect(cognitoConfig({ domain: `${HOSTED_UI.domain}/oauth2` })).toThrow(/https origin/);
    expect(cognitoConfig({ clientId: '' })).toThrow(/clientId/);
    expect(cognitoConfig({ scopes: ['email'] })).toThrow(/openid/);
    expect(() => parseAuthConfig({ auth: { kind: 'saml' } })).toThrow(/unknown auth.kind/);
    expect(parseAuthConfig({})).toEqual({ kind: 'local' });
  });
});
