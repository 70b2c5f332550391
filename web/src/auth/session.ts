/**
 * The signed-in user: their bearer token (after a hosted-UI sign-in also the refresh token
 * that renews it) and who the sign-in said they are, kept in localStorage so that a judge's
 * phone stays signed in across reloads at the venue. Sign-out clears it and revokes the
 * refresh token (auth/adapter.ts). Framework-free; React reads it through useSession().
 */
import type { Role, SessionUser } from './user';

export type { Role, SessionUser } from './user';

/** How a token is renewed without signing in again (hosted UI sign-in only). */
export interface Renewal {
  refreshToken?: string;
  /** When the token expires, in epoch milliseconds by this device's clock. */
  expiresAt?: number;
}

export interface Session extends Renewal {
  token: string;
  user: SessionUser;
  /** Set when the API answered UNAUTHENTICATED for this token. */
  expired?: boolean;
}

const KEY = 'bxgc.session.v1';
const listeners = new Set<() => void>();
let current: Session | null = load();

function load(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed?.token === 'string' && typeof parsed.user?.id === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function save(next: Session | null): void {
  current = next;
  try {
    if (next) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
  } catch {
    // Private browsing without storage: the session lasts as long as the page.
  }
  for (const listener of listeners) listener();
}

// Another tab signed in or out.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = load();
  for (const listener of listeners) listener();
});

export const session = {
  get: (): Session | null => current,
  /** Also how a renewed token replaces the old one. */
  signIn(token: string, user: SessionUser, renewal: Renewal = {}): void {
    save({ token, user, ...renewal });
  },
  signOut(): void {
    save(null);
  },
  markExpired(): void {
    if (current && !current.expired) save({ ...current, expired: true });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function hasRole(user: SessionUser | undefined | null, role: Role): boolean {
  return !!user?.roles.includes(role);
}

/** Where a user lands after signing in. */
export function homeFor(user: SessionUser): string {
  if (user.roles.includes('organizer')) return '/organizer';
  if (user.roles.includes('judge')) return '/judge';
  return '/screen';
}
