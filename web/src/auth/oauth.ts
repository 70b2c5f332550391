/**
 * OAuth 2.0 authorization code grant with PKCE (RFC 6749, RFC 7636) against the Cognito hosted
 * UI, as plain functions. Storage and fetch are passed in and nothing here touches `window`, so
 * the whole exchange can be exercised without a browser.
 */

/** The hosted UI and the app client, as config.json gives them. */
export interface HostedUi {
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  domain: string;
  clientId: string;
  scopes: readonly string[];
}

/** The subset of Web Storage the flow needs; sessionStorage in the browser. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Fetch = typeof fetch;

export interface TokenSet {
  /** Sent to the API: it carries the user's name, email and `cognito:groups`. */
  idToken: string;
  refreshToken: string | undefined;
  /** Seconds the ID token is valid for, counted from the answer (so the device's clock does not matter). */
  expiresIn: number;
}

/** A refused or failed sign-in step; `code` is the OAuth error (`invalid_grant`, …), `state_mismatch` or `network`. */
export class SignInError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SignInError';
    this.code = code;
  }
}

/** The sign-in under way in this tab, between leaving for the hosted UI and coming back. */
export const PENDING_KEY = 'bxgc.oauth.pending';

interface Pending {
  state: string;
  verifier: string;
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 base64url characters: a state, or a PKCE verifier (43 to 128 characters). */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function endpoint(ui: HostedUi, path: string, params: Record<string, string>): string {
  const url = new URL(path, ui.domain);
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}

export function authorizeUrl(ui: HostedUi, request: { redirectUri: string; state: string; codeChallenge: string }): string {
  return endpoint(ui, '/oauth2/authorize', {
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: request.redirectUri,
    scope: ui.scopes.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
}

/**
 * Starts a sign-in: remembers a fresh state and PKCE verifier in `storage` and returns the
 * hosted UI's authorize URL to send the browser to. A later start replaces an unfinished one.
 */
export async function beginSignIn(ui: HostedUi, redirectUri: string, storage: KeyValueStore): Promise<string> {
  const pending: Pending = { state: randomToken(), verifier: randomToken() };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizeUrl(ui, { redirectUri, state: pending.state, codeChallenge: await pkceChallenge(pending.verifier) });
}

function takePending(storage: KeyValueStore): Pending | null {
  const raw = storage.getItem(PENDING_KEY);
  // One answer per start: a replayed or second callback finds nothing.
  storage.removeItem(PENDING_KEY);
  try {
    const pending = JSON.parse(raw ?? 'null') as Partial<Pending> | null;
    return typeof pending?.state === 'string' && typeof pending.verifier === 'string' ? { state: pending.state, verifier: pending.verifier } : null;
  } catch {
    return null;
  }
}

/**
 * Finishes a sign-in on the callback URL: the state must be the one this tab sent (otherwise the
 * answer belongs to someone else's sign-in, a login CSRF), then the code is exchanged with the
 * verifier only this tab knows.
 */
export async function completeSignIn(ui: HostedUi, callbackUrl: URL, redirectUri: string, storage: KeyValueStore, fetchFn: Fetch = fetch): Promise<TokenSet> {
  const pending = takePending(storage);
  const params = callbackUrl.searchParams;
  if (!pending || params.get('state') !== pending.state) {
    throw new SignInError('state_mismatch', 'The sign-in answer does not match a sign-in started in this tab');
  }
  const error = params.get('error');
  if (error) throw new SignInError(error, params.get('error_description') || error);
  const code = params.get('code');
  if (!code) throw new SignInError('invalid_request', 'The sign-in answer carries no authorization code');
  return requestTokens(
    ui,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: ui.clientId, code_verifier: pending.verifier },
    fetchFn,
  );
}

/** A new ID token for the refresh token; Cognito only returns a new refresh token when rotation is on. */
export async function refreshTokens(ui: HostedUi, refreshToken: string, fetchFn: Fetch = fetch): Promise<TokenSet> {
  const tokens = await requestTokens(ui, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: ui.clientId }, fetchFn);
  return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
}

/** Invalidates the refresh token (and the tokens issued with it), so a copy left on a shared device is useless. */
export async function revokeToken(ui: HostedUi, refreshToken: string, fetchFn: Fetch = fetch): Promise<void> {
  const response = await post(ui, '/oauth2/revoke', { token: refreshToken, client_id: ui.clientId }, fetchFn);
  if (!response.ok) throw new SignInError(`http_${response.status}`, `Token revocation answered HTTP ${response.status}`);
}

/** Ends the hosted UI's own session too, then comes back to `logoutUri`. */
export function logoutUrl(ui: HostedUi, logoutUri: string): string {
  return endpoint(ui, '/logout', { client_id: ui.clientId, logout_uri: logoutUri });
}

async function post(ui: HostedUi, path: string, form: Record<string, string>, fetchFn: Fetch): Promise<Response> {
  try {
    // A form post without credentials is a CORS "simple" request: no preflight to the hosted UI.
    return await fetchFn(new URL(path, ui.domain).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (error) {
    throw new SignInError('network', error instanceof Error ? error.message : String(error));
  }
}

async function requestTokens(ui: HostedUi, form: Record<string, string>, fetchFn: Fetch): Promise<TokenSet> {
  const response = await post(ui, '/oauth2/token', form, fetchFn);
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || typeof body?.id_token !== 'string') {
    const code = typeof body?.error === 'string' ? body.error : `http_${response.status}`;
    throw new SignInError(code, `The token endpoint refused the ${form.grant_type} grant: ${code}`);
  }
  return {
    idToken: body.id_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    expiresIn: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600,
  };
}
