import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Loading, Note } from '../components/ui';
import { navigate } from '../router';
import type { SignInIdentity } from './adapter';
import { homeFor, session, type Role } from './session';
import { useSignInAdapter } from './useSignInAdapter';

const GROUPS: { role: Role; label: 'signIn.organizer' | 'signIn.judge' | 'signIn.viewer' }[] = [
  { role: 'organizer', label: 'signIn.organizer' },
  { role: 'judge', label: 'signIn.judge' },
  { role: 'viewer', label: 'signIn.viewer' },
];

export function SignIn({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { adapter, error: unavailable } = useSignInAdapter();
  const [identities, setIdentities] = useState<SignInIdentity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    if (adapter?.kind !== 'pick') return;
    let cancelled = false;
    adapter
      .listIdentities()
      .then((list) => !cancelled && setIdentities(list))
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [adapter]);

  const choose = (identity: SignInIdentity) => {
    const user = { id: identity.id, name: identity.name, roles: identity.roles };
    session.signIn(identity.token, user);
    navigate(homeFor(user), { replace: true });
  };

  const redirect = () => {
    if (adapter?.kind !== 'redirect') return;
    setLeaving(true);
    adapter.begin().catch((e: unknown) => {
      setLeaving(false);
      setError(e instanceof Error ? e.message : String(e));
    });
  };

  return (
    <section className="signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signIn.title')}</h1>
      {expired ? <Note kind="warn">{t('signIn.expired')}</Note> : null}
      {unavailable ? (
        <div className="note note-error" role="alert">
          {t('signIn.unavailable', { message: unavailable })}
        </div>
      ) : null}
      {!adapter && !unavailable ? <Loading /> : null}
      {adapter?.kind === 'redirect' ? (
        <>
          <p className="muted">{t('signIn.redirectIntro')}</p>
          {error ? (
            <div className="note note-error" role="alert">
              {t('signIn.unavailable', { message: error })}
            </div>
          ) : null}
          <button type="button" className="button-primary" disabled={leaving} onClick={redirect}>
            {t('signIn.redirect')}
          </button>
        </>
      ) : null}
      {adapter?.kind === 'pick' ? (
        <>
          <p className="muted">{t('signIn.intro')}</p>
          {error ? (
            <div className="note note-error" role="alert">
              {t('signIn.failed', { message: error })}
            </div>
          ) : null}
          {!identities && !error ? <Loading /> : null}
          {identities
            ? GROUPS.map(({ role, label }) => {
                const members = identities.filter((i) => i.roles.includes(role) && (role !== 'judge' || !i.roles.includes('organizer')));
                if (members.length === 0) return null;
                return (
                  <div key={role} className="signin-group">
                    <h2>{t(label)}</h2>
                    <ul className="signin-list">
                      {members.map((identity) => (
                        <li key={identity.id}>
                          <button
                            type="button"
                            className="signin-choice"
                            data-identity={identity.id}
                            aria-label={t('signIn.as', { name: identity.name })}
                            onClick={() => choose(identity)}
                          >
                            <span className="signin-name">{identity.name}</span>
                            <span className="signin-id">{identity.id}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })
            : null}
        </>
      ) : null}
    </section>
  );
}
