import { useEffect, useState } from 'react';
import { loadSignInAdapter, type SignInAdapter } from './adapter';

/** The sign-in adapter once /config.json has been read, or why it could not be. */
export function useSignInAdapter(): { adapter: SignInAdapter | null; error: string | null } {
  const [state, setState] = useState<{ adapter: SignInAdapter | null; error: string | null }>({ adapter: null, error: null });
  useEffect(() => {
    let cancelled = false;
    loadSignInAdapter().then(
      (adapter) => !cancelled && setState({ adapter, error: null }),
      (e: unknown) => !cancelled && setState({ adapter: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
