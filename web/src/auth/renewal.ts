/**
 * Keeps the bearer token fresh: just before a request, a token that expires within the margin is
 * renewed with the refresh token. Checking on use rather than on a timer also covers a phone that
 * slept through the expiry. Framework-free; the dependencies are passed in.
 */
export interface Renewable {
  token: string;
  refreshToken?: string;
  /** Epoch milliseconds, by this device's clock. */
  expiresAt?: number;
}

export interface TokenSourceDeps<T extends Renewable> {
  current(): T | null;
  refresh(refreshToken: string): Promise<T>;
  /** Stores the renewed session. */
  update(next: T): void;
  now(): number;
}

/** Cognito's ID tokens live an hour; renewing in the last five minutes leaves room for slow networks and clock drift. */
export const RENEW_MARGIN_MS = 5 * 60_000;

export function createTokenSource<T extends Renewable>(deps: TokenSourceDeps<T>): () => Promise<string | null> {
  let renewing: Promise<string | null> | null = null;

  const renew = async (refreshToken: string, stale: string): Promise<string | null> => {
    try {
      const next = await deps.refresh(refreshToken);
      // Signed out or in as someone else meanwhile: the answer is for a session that is gone.
      if (deps.current()?.refreshToken !== refreshToken) return deps.current()?.token ?? null;
      deps.update(next);
      return next.token;
    } catch {
      // Offline, or the refresh token was revoked: the old token may still do; if not, the API
      // answers UNAUTHENTICATED and the user signs in again.
      return stale;
    }
  };

  return async () => {
    const session = deps.current();
    if (!session) return null;
    const { token, refreshToken, expiresAt } = session;
    if (!refreshToken || expiresAt === undefined || expiresAt - deps.now() > RENEW_MARGIN_MS) return token;
    // Requests sent together share one renewal.
    renewing ??= renew(refreshToken, token).finally(() => {
      renewing = null;
    });
    return renewing;
  };
}
