/** Who is signed in, as the client sees it; plain types shared by the session and the sign-in adapters. */
export type Role = 'organizer' | 'judge' | 'viewer';

export interface SessionUser {
  id: string;
  name: string;
  roles: Role[];
}

export const ROLES: readonly Role[] = ['organizer', 'judge', 'viewer'];

/** Keeps the known roles of a claim or list, in a fixed order; other groups mean nothing here (as in the API). */
export function toRoles(value: unknown): Role[] {
  return Array.isArray(value) ? ROLES.filter((role) => value.includes(role)) : [];
}
