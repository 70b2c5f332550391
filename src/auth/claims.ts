import * as z from 'zod/mini';
import { UnauthenticatedError } from '../domain/errors.js';
import { isExternalId } from '../domain/ids.js';
import { ROLES, type Role, type Viewer } from '../domain/model.js';

/** Turns a credential into the caller, or throws UNAUTHENTICATED. */
export interface TokenVerifier {
  verify(token: string): Promise<Viewer>;
}

/** The claims a local (dev issuer) token must carry. */
const devClaims = z.object({
  sub: z.string().check(z.refine(isExternalId)),
  name: z.optional(z.string().check(z.maxLength(100))),
  roles: z.array(z.enum(ROLES)).check(z.minLength(1), z.maxLength(ROLES.length)),
});

export function viewerFromClaims(payload: unknown): Viewer {
  const result = z.safeParse(devClaims, payload);
  if (!result.success) throw new UnauthenticatedError('The token does not carry a valid subject, name and roles');
  const { sub, name, roles } = result.data;
  return { id: sub, name: name ?? sub, roles: [...new Set(roles)], kind: 'user' };
}

/** Cognito ID tokens carry `name`/`email` and groups; access tokens carry `username` and groups. */
const cognitoClaims = z.object({
  sub: z.string().check(z.refine(isExternalId)),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  username: z.optional(z.string()),
  'cognito:username': z.optional(z.string()),
  'cognito:groups': z.optional(z.array(z.string())),
});

export function viewerFromCognitoClaims(payload: unknown): Viewer {
  const result = z.safeParse(cognitoClaims, payload);
  if (!result.success) throw new UnauthenticatedError('The token does not carry a valid subject');
  const c = result.data;
  // Groups other than the three roles are ignored; a user in none is authenticated but may do nothing.
  const roles = (c['cognito:groups'] ?? []).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  const name = (c.name ?? c['cognito:username'] ?? c.username ?? c.email ?? c.sub).slice(0, 100);
  return { id: c.sub, name, roles: [...new Set(roles)], kind: 'user' };
}
