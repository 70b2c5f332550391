import { UnauthenticatedError } from '../domain/errors.js';
import { EXTERNAL_ID } from '../domain/ids.js';
import { ROLES, type Viewer } from '../domain/model.js';
import * as z from 'zod/mini';

/** The claims a token must carry to become a Viewer. */
const viewerClaims = z.object({
  sub: z.string().check(z.regex(EXTERNAL_ID)),
  name: z.optional(z.string().check(z.maxLength(100))),
  roles: z.array(z.enum(ROLES)).check(z.minLength(1), z.maxLength(ROLES.length)),
});

export function viewerFromClaims(payload: unknown): Viewer {
  const result = z.safeParse(viewerClaims, payload);
  if (!result.success) throw new UnauthenticatedError('The token does not carry a valid subject, name and roles');
  const { sub, name, roles } = result.data;
  return { id: sub, name: name ?? sub, roles: [...new Set(roles)] };
}

/** Turns a bearer token into the caller, or throws UNAUTHENTICATED. */
export interface TokenVerifier {
  verify(token: string): Promise<Viewer>;
}
