import type { Role, SessionUser } from './session';

/**
 * The sign-in boundary. Everything else in the client only needs a bearer token and the
 * user it belongs to (auth/session.ts); how they are obtained is decided here.
 *
 * - Locally (`npm start`) the server lists demo identities with ready-made tokens at
 *   GET /dev/identities: the user picks one (devAdapter below).
 * - In AWS the Cognito hosted UI would be used: an adapter of kind `redirect` sends the
 *   browser to the hosted UI's /oauth2/authorize (authorization code with PKCE) and, on the
 *   way back, exchanges the code for tokens and returns the ID token with its user (name
 *   from the `name` claim, roles from `cognito:groups`). It is chosen with
 *   VITE_SIGN_IN=cognito at build time; it is not part of this build yet.
 */
export interface SignInIdentity extends SessionUser {
  token: string;
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
      begin(): void;
      /** On return from the identity provider: the signed-in identity, or null when the URL carries none. */
      complete(location: Location): Promise<SignInIdentity | null>;
    };

const ROLES: readonly Role[] = ['organizer', 'judge', 'viewer'];

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
      const roles = Array.isArray(i.roles) ? i.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
      return [{ id: i.id, name: typeof i.name === 'string' ? i.name : i.id, roles, token: i.token }];
    });
  },
};

export const signInAdapter: SignInAdapter = devAdapter;
