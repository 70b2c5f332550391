import { toRoles, type SessionUser } from './user';

/**
 * Who an ID token says the user is, for display and navigation only: the payload is decoded,
 * not verified. The API verifies every token it receives (signature, issuer, client, expiry)
 * and takes the roles from the same `cognito:groups` claim.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT');
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  // Names are UTF-8 (张三), which atob alone would mangle.
  const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json) as unknown;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('JWT payload is not an object');
  return claims as Record<string, unknown>;
}

/** The user of a Cognito ID token: `sub`, the `name` (else the email), the roles from `cognito:groups`. */
export function userFromIdToken(idToken: string): SessionUser {
  const claims = decodeJwtPayload(idToken);
  const text = (key: string) => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined);
  const id = text('sub');
  if (!id) throw new Error('The ID token has no subject');
  return { id, name: text('name') ?? text('email') ?? id, roles: toRoles(claims['cognito:groups']) };
}
