import { useId } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorNote } from '../../components/ui';
import { LiveSignOffDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import './phone.css';

interface SignedSheet {
  id: string;
  who: string;
  total: number;
}

/**
 * 签字确认: the judge confirms all their sheets of the round once every one has arrived. The
 * API keeps a hash of them; a sheet changed afterwards voids the signature (签字已失效) until
 * the judge signs again.
 */
export function SignOffPanel({
  roundId,
  ready,
  signOff,
  sheets,
  missed,
  onSigned,
}: {
  roundId: string;
  /** Every sheet expected of this judge has arrived (entries missed off stage aside). */
  ready: boolean;
  signOff: { at: string; valid: boolean } | null;
  sheets: readonly SignedSheet[];
  /** Entries this judge can no longer score (they left the stage unscored). */
  missed: readonly string[];
  onSigned: () => void;
}) {
  const { t, score, time } = useI18n();
  const id = useId();
  const { mutate, pending, error } = useMutation(LiveSignOffDocument);
  const sign = async () => {
    if (await mutate({ roundId })) onSigned();
  };
  const state = signOff?.valid ? 'signed' : signOff ? 'void' : 'unsigned';

  return (
    <section className={`sign-off sign-off-${state}`} aria-labelledby={`${id}-title`} id="sign-off" data-testid="sign-off" data-state={state}>
      <h2 id={`${id}-title`}>{t('live.signOff.title')}</h2>
      {state === 'signed' && signOff ? (
        <p className="sign-off-status" role="status">
          <span aria-hidden="true">✓ </span>
          {t('live.signOff.signed', { time: time(signOff.at) })}
        </p>
      ) : state === 'void' ? (
        <p className="sign-off-status" role="alert">
          {t('live.signOff.void')}
        </p>
      ) : (
        <p>{t('live.signOff.lead', { n: sheets.length })}</p>
      )}
      {missed.length > 0 ? <p className="muted">{t('live.signOff.missed', { entries: missed.join('、') })}</p> : null}
      <details className="sign-off-sheets">
        <summary>{t('live.signOff.review', { n: sheets.length })}</summary>
        <ol>
          {sheets.map((s) => (
            <li key={s.id}>
              <span>{s.who}</span>
              <span className="sign-off-total">{score(s.total)}</span>
            </li>
          ))}
        </ol>
      </details>
      {error ? <ErrorNote error={error} /> : null}
      {state !== 'signed' && ready ? (
        <button type="button" className="button-primary sign-off-button" disabled={pending} onClick={() => void sign()}>
          {pending ? t('live.signOff.signing') : state === 'void' ? t('live.signOff.signAgain') : t('live.signOff.sign')}
        </button>
      ) : null}
    </section>
  );
}
