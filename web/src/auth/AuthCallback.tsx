import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Loading } from '../components/ui';
import { navigate } from '../router';
import { loadSignInAdapter, type SignedIn } from './adapter';
import { homeFor, session } from './session';

// An answer's code is good once: a repeated effect (React's StrictMode) must not spend it twice.
let completing: { url: string; result: Promise<SignedIn> } | null = null;

function complete(url: string): Promise<SignedIn> {
  if (completing?.url !== url) {
    completing = {
      url,
      result: loadSignInAdapter().then((adapter) => {
        if (adapter.kind !== 'redirect') throw new Error('This deployment does not sign in through an identity provider');
        return adapter.complete(new URL(url));
      }),
    };
  }
  return completing.result;
}

/** /auth/callback: the hosted UI's answer is exchanged for a session, then the user goes home. */
export function AuthCallback() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    complete(window.location.href).then(
      ({ token, user, refreshToken, expiresAt }) => {
        if (cancelled) return;
        session.signIn(token, user, { refreshToken, expiresAt });
        // Replacing the entry also drops the spent code from the address bar and history.
        navigate(homeFor(user), { replace: true });
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section className="signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signIn.title')}</h1>
      {error ? (
        <>
          <div className="note note-error" role="alert">
            {t('signIn.callbackFailed', { message: error })}
          </div>
          <button type="button" className="button-primary" onClick={() => navigate('/', { replace: true })}>
            {t('signIn.again')}
          </button>
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}
