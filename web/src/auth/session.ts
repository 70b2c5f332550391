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

/**
 * A judge seat joined by QR code (台上赛): a judge of one round only, without an account. Its
 * token cannot be renewed; it works until `expiresAt` unless the seat is revoked or the round
 * closes first, and then the API answers UNAUTHENTICATED.
 */
export interface Seat {
  id: string;
  roundId: string;
  /** Anonymous label, e.g. J3. */
  label: string;
  name: string;
  /** The seat's judge id in the round (`seat-…`, the token's subject). */
  judgeId: string;
}

export interface Session extends Renewal {
  token: string;
  user: SessionUser;
  /** Set when the API answered UNAUTHENTICATED for this token. */
  expired?: boolean;
  /** Present for a seat session (joined by code), absent for a signed-in user. */
  seat?: Seat;
  /** Why the API refused the seat's token (its `reason`, e.g. SEAT_REVOKED, ROUND_STATUS), when known. */
  expiredReason?: string;
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
  /** A seat joined by code replaces whoever was signed in on this device. */
  joinSeat(token: string, seat: Seat, expiresAt: number): void {
    save({ token, user: seatUser(seat), expiresAt, seat });
  },
  signOut(): void {
    save(null);
  },
  markExpired(): void {
    if (current && !current.expired) save({ ...current, expired: true });
  },
  /** A seat's token was refused for this reason (revoked, the round closed): the phone says which. */
  seatRefused(reason: string): void {
    if (current?.seat && current.expiredReason !== reason) save({ ...current, expired: true, expiredReason: reason });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function hasRole(user: SessionUser | undefined | null, role: Role): boolean {
  return !!user?.roles.includes(role);
}

/** The seat as a judge of its round (the API's Judge of a seat, user id `seat-…`). */
export function seatUser(seat: Seat): SessionUser {
  return { id: seat.judgeId, name: seat.name, roles: ['judge'] };
}

/** A seat session whose token has run out by this device's clock, or that the API refused. */
export function seatExpired(current: Session | null, now = Date.now()): boolean {
  return !!current?.seat && (!!current.expired || (current.expiresAt !== undefined && current.expiresAt <= now));
}

/** Where a session lands: a seat on its round's scoring page, anyone else at their home. */
export function homeOf(current: Session): string {
  return current.seat ? `/judge/rounds/${encodeURIComponent(current.seat.roundId)}` : homeFor(current.user);
}

/** Where a user lands after signing in. */
export function homeFor(user: SessionUser): string {
  if (user.roles.includes('organizer')) return '/organizer';
  if (user.roles.includes('judge')) return '/judge';
  return '/screen';
}
