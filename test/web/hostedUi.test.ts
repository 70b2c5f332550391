import { createHash } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandler } from '../../src/handler.js';
import { createLocalServer } from '../../src/local/http.js';
import { CHROMIUM, WEB_DIST, accessibilityViolations } from './support.js';

/**
 * The built client signing in through the hosted UI in headless Chromium, offline: the site is
 * served as `npm start` serves it, with a config.json naming Cognito, and the hosted UI's
 * endpoints are answered inside the browser by a stand-in that checks what it is sent.
 */

const HOSTED_UI = 'https://bixue-test.auth.ap-east-1.amazoncognito.com';
const CLIENT_ID = 'test-client';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims)}.c2lnbmF0dXJl`;
const ID_TOKEN = jwt({ sub: 'u-1', name: '张三', email: 'zhang@example.org', 'cognito:groups': ['judge'], token_use: 'id' });
const RENEWED_ID_TOKEN = jwt({ sub: 'u-1', name: '张三', 'cognito:groups': ['judge'], token_use: 'id', renewed: 1 });

/** What the stand-in hosted UI was asked. */
const calls = { authorize: [] as URL[], token: [] as Record<string, string>[], revoke: [] as Record<string, string>[], logout: [] as URL[] };
/** The bearer tokens the API received. */
const bearers: string[] = [];

let server: Server;
let origin: string;
let profile: string;
let browser: BrowserContext;

/** A page that sends the browser on, as the hosted UI's 302 answers do. */
const redirect = (route: Route, to: string) =>
  route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><script>location.replace(${JSON.stringify(to)})</script>` });

const cors = () => ({ 'access-control-allow-origin': origin });

async function hostedUi(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  const form = () => Object.fromEntries(new URLSearchParams(route.request().postData() ?? ''));
  if (url.pathname === '/oauth2/authorize') {
    calls.authorize.push(url);
    return redirect(route, `${url.searchParams.get('redirect_uri')}?code=the-code&state=${url.searchParams.get('state')}`);
  }
  if (url.pathname === '/oauth2/token') {
    const fields = form();
    calls.token.push({ ...fields, contentType: route.request().headers()['content-type'] ?? '' });
    // The first ID token is about to expire, so the client renews it before its first API request.
    const body =
      fields.grant_type === 'authorization_code'
        ? { id_token: ID_TOKEN, access_token: 'a1', refresh_token: 'the-refresh-token', expires_in: 60, token_type: 'Bearer' }
        : { id_token: RENEWED_ID_TOKEN, access_token: 'a2', expires_in: 3600, token_type: 'Bearer' };
    return route.fulfill({ status: 200, headers: cors(), contentType: 'application/json', body: JSON.stringify(body) });
  }
  if (url.pathname === '/oauth2/revoke') {
    calls.revoke.push(form());
    return route.fulfill({ status: 200, headers: cors(), body: '' });
  }
  if (url.pathname === '/logout') {
    calls.logout.push(url);
    return redirect(route, url.searchParams.get('logout_uri')!);
  }
  return route.fulfill({ status: 404, body: '' });
}

beforeAll(async () => {
  await access(join(WEB_DIST, 'index.html')).catch(() => {
    throw new Error('web/dist is missing: run `npm run build:web` first (`npm test` does it in pretest)');
  });
  // The API is not under test here: it records the bearer token and answers as for a caller without rights.
  const api = (async (event) => {
    if (event.headers.authorization) bearers.push(event.headers.authorization.replace(/^Bearer /, ''));
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: null, errors: [{ message: 'stub', extensions: { code: 'FORBIDDEN' } }] }),
    };
  }) as ApiHandler;
  server = createLocalServer(api, { staticDir: WEB_DIST });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  profile = await mkdtemp(join(tmpdir(), 'bxgc-hosted-ui-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    locale: 'zh-CN',
  });
  await browser.route(`${origin}/config.json`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ auth: { kind: 'cognito', domain: HOSTED_UI, clientId: CLIENT_ID, scopes: ['openid', 'email', 'profile'] } }),
    }),
  );
  await browser.route(`${HOSTED_UI}/**`, hostedUi);
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('hosted UI sign-in in the browser', () => {
  it('signs in with code + PKCE, shows who signed in, renews the ID token before it expires, and signs out at the hosted UI', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const signInButton = page.getByRole('button', { name: '使用统一身份认证登录' });
    await signInButton.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await signInButton.click();
    await page.waitForURL(`${origin}/judge`);
    const [authorize] = calls.authorize;
    expect(authorize).toBeDefined();
    expect(Object.fromEntries(authorize!.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${origin}/auth/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    // The verifier the token endpoint receives is the one the challenge was made from.
    const exchange = calls.token[0]!;
    expect(exchange).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: `${origin}/auth/callback`,
      client_id: CLIENT_ID,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(createHash('sha256').update(exchange.code_verifier!).digest('base64url')).toBe(authorize!.searchParams.get('code_challenge'));

    await expect.poll(() => page.locator('.whoami').textContent()).toBe('张三评委');
    // The code was spent and is gone from the address bar; the pending sign-in is cleared.
    expect(page.url()).toBe(`${origin}/judge`);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);

    // The first ID token had a minute left: renewed once, before the first API request.
    await expect.poll(() => bearers.length).toBeGreaterThan(0);
    expect(calls.token.slice(1)).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'the-refresh-token', client_id: CLIENT_ID, contentType: 'application/x-www-form-urlencoded' },
    ]);
    expect(new Set(bearers)).toEqual(new Set([RENEWED_ID_TOKEN]));

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${origin}/`);
    await signInButton.waitFor();
    expect(calls.revoke).toEqual([{ token: 'the-refresh-token', client_id: CLIENT_ID }]);
    expect(calls.logout.map((url) => Object.fromEntries(url.searchParams))).toEqual([{ client_id: CLIENT_ID, logout_uri: `${origin}/` }]);
    expect(await page.evaluate("localStorage.getItem('bxgc.session.v1')")).toBeNull();
    await page.close();
  });

  it('refuses an answer that does not belong to a sign-in started in this tab', async () => {
    const tokenRequests = calls.token.length;
    const page = await browser.newPage();
    await page.goto(`${origin}/auth/callback?code=stolen-code&state=forged`);
    await page.getByRole('alert').filter({ hasText: '登录未完成' }).waitFor();
    expect(calls.token).toHaveLength(tokenRequests);
    await page.getByRole('button', { name: '重新登录' }).click();
    await page.getByRole('button', { name: '使用统一身份认证登录' }).waitFor();
    await page.close();
  });
});
