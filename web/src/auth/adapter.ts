import { navigate } from '../router';
import { userFromIdToken } from './claims';
import { loadAuthConfig } from './config';
import { beginSignIn, completeSignIn, logoutUrl, refreshTokens, revokeToken, type HostedUi, type TokenSet } from './oauth';
import { createTokenSource } from './renewal';
import { session, type Renewal } from './session';
import { toRoles, type SessionUser } from './user';

/**
 * The sign-in boundary. Everything else in the client only needs a bearer token and the
 * user it belongs to (auth/session.ts); how they are obtained is decided here, by /config.json
 * (auth/config.ts):
 *
 * - Locally (`npm start`, no config.json) the server lists demo identities with ready-made
 *   tokens at GET /dev/identities and the user picks one (kind `pick`).
 * - In AWS the Cognito hosted UI is used (kind `redirect`): the browser goes to its
 *   /oauth2/authorize (authorization code with PKCE, auth/oauth.ts) and comes back to
 *   /auth/callback, where the code is exchanged for tokens. The ID token is the bearer token
 *   (name and `cognito:groups` in its claims) and is renewed with the refresh token.
 */
export interface SignInIdentity extends SessionUser {
  token: string;
}

export interface SignedIn extends Renewal {
  token: string;
  user: SessionUser;
}

export type SignInAdapter =
  | {
      kind: 'pick';
      /** Identities the user may choose from. */
      listIdentities(): Promise<SignInIdentity[]>;
    }
  | {
      kind: 'redirect';
      /** Leaves the app for the identity provider. */
      begin(): Promise<void>;
      /** On return to /auth/callback: exchanges the answer in `url` for a session. */
      complete(url: URL): Promise<SignedIn>;
      refresh(refreshToken: string): Promise<SignedIn>;
      /** Ends the provider's session as well and leaves for it; it sends the browser back to `/`. */
      signOut(refreshToken: string | undefined): Promise<void>;
    };

export const AUTH_CALLBACK_PATH = '/auth/callback';

/** Local sign-in: GET /dev/identities → [{ id, name, roles, token }]. */
export const devAdapter: SignInAdapter = {
  kind: 'pick',
  async listIdentities() {
    const response = await fetch('/dev/identities', { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error(`GET /dev/identities: HTTP ${response.status}`);
    const body = (await response.json()) as unknown;
    if (!Array.isArray(body)) throw new Error('GET /dev/identities: expected a JSON array');
    return body.flatMap((item): SignInIdentity[] => {
      const i = item as Partial<SignInIdentity> | null;
      if (!i || typeof i.id !== 'string' || typeof i.token !== 'string') return [];
      return [{ id: i.id, name: typeof i.name === 'string' ? i.name : i.id, roles: toRoles(i.roles), token: i.token }];
    });
  },
};

function signedIn(tokens: TokenSet): SignedIn {
  return {
    token: tokens.idToken,
    user: userFromIdToken(tokens.idToken),
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
}

/** The hosted UI, returning to this origin; the state and verifier live in this tab's sessionStorage. */
export function cognitoAdapter(ui: HostedUi): SignInAdapter {
  const redirectUri = `${window.location.origin}${AUTH_CALLBACK_PATH}`;
  return {
    kind: 'redirect',
    async begin() {
      window.location.assign(await beginSignIn(ui, redirectUri, window.sessionStorage));
    },
    async complete(url) {
      return signedIn(await completeSignIn(ui, url, redirectUri, window.sessionStorage));
    },
    async refresh(refreshToken) {
      return signedIn(await refreshTokens(ui, refreshToken));
    },
    async signOut(refreshToken) {
      // Best effort: signing out must work offline too, and then the token simply runs out.
      if (refreshToken) await revokeToken(ui, refreshToken).catch(() => undefined);
      window.location.assign(logoutUrl(ui, `${window.location.origin}/`));
    },
  };
}

let loading: Promise<SignInAdapter> | null = null;

/** The adapter /config.json asks for, read once per page; a failed read is retried on the next call. */
export function loadSignInAdapter(): Promise<SignInAdapter> {
  loading ??= loadAuthConfig()
    .then((config) => (config.kind === 'cognito' ? cognitoAdapter(config) : devAdapter))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** The bearer token for the next request, renewed first when it is about to expire. */
export const currentToken = createTokenSource<SignedIn>({
  current: () => session.get(),
  async refresh(refreshToken) {
    const adapter = await loadSignInAdapter();
    if (adapter.kind !== 'redirect') throw new Error('This sign-in cannot renew tokens');
    return adapter.refresh(refreshToken);
  },
  update: ({ token, user, refreshToken, expiresAt }) => session.signIn(token, user, { refreshToken, expiresAt }),
  now: () => Date.now(),
});

export async function signOut(): Promise<void> {
  const refreshToken = session.get()?.refreshToken;
  const seat = session.get()?.seat;
  session.signOut();
  // A seat has no account to sign out of: back to the code, which this device may use again.
  if (seat) return navigate('/join');
  const adapter = await loadSignInAdapter().catch(() => devAdapter);
  if (adapter.kind === 'redirect') await adapter.signOut(refreshToken);
  else navigate('/');
}
