import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { useMutation } from '../../api/hooks';
import { decodeJwtPayload } from '../../auth/claims';
import { session } from '../../auth/session';
import { Loading } from '../../components/ui';
import { LiveJoinRoundDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { CODE_LENGTH, codeProblem, deviceId, normalizeCode } from './device';
import './phone.css';

/**
 * A judge joins a round's panel from their phone, without an account: by the QR code's link
 * (`/join/:code`, joined at once) or by typing the 8-character code (`/join`; lower case and
 * spaces are fine). The seat's token becomes this phone's session, for that round only, and
 * the judge lands on its scoring page.
 */
export function JoinPage({ code: linked }: { code?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [typed, setTyped] = useState(linked ? normalizeCode(linked) : '');
  const [tried, setTried] = useState(false);
  const { mutate, pending, error, reset } = useMutation(LiveJoinRoundDocument);
  const started = useRef<string | null>(null);

  const join = async (code: string) => {
    const answer = await mutate({ code, device: deviceId() });
    if (!answer) return;
    const { token, expiresAt, seat, round } = answer.joinRound;
    session.joinSeat(token, { id: seat.id, roundId: round.id, label: seat.label, name: seat.name, judgeId: judgeIdOf(token, seat.id) }, Date.parse(expiresAt));
    navigate(`/judge/rounds/${encodeURIComponent(round.id)}`, { replace: true });
  };

  // The QR code's link: join at once (once, even when React runs effects twice).
  useEffect(() => {
    if (!linked) return;
    const code = normalizeCode(linked);
    if (started.current === code || codeProblem(code)) return;
    started.current = code;
    void join(code);
    // Dependencies: joins once per linked code.
  }, [linked]);

  const code = normalizeCode(typed);
  const problem = codeProblem(code);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem || pending) return;
    void join(code);
  };

  const joiningFromLink = Boolean(linked) && pending && !error;
  const errorId = `${id}-error`;
  const problemText =
    problem === 'empty'
      ? t('live.join.codeEmpty')
      : problem === 'chars'
        ? t('live.join.codeChars')
        : problem === 'length'
          ? t('live.join.codeLength', { n: CODE_LENGTH, typed: code.length })
          : null;

  return (
    <section className="join" aria-labelledby={`${id}-title`}>
      <p className="join-kicker">{t('live.join.kicker')}</p>
      <h1 id={`${id}-title`}>{t('live.join.title')}</h1>
      {joiningFromLink ? (
        <Loading />
      ) : (
        <>
          <p className="join-lead">{t('live.join.lead')}</p>
          <form className="join-form" onSubmit={submit} noValidate>
            <label htmlFor={`${id}-code`} className="join-label">
              {t('live.join.codeLabel')}
            </label>
            <input
              id={`${id}-code`}
              className="join-code"
              value={typed}
              maxLength={20}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              placeholder={t('live.join.codePlaceholder')}
              aria-invalid={(tried && problem !== null) || undefined}
              aria-describedby={`${id}-hint${tried && problemText ? ` ${errorId}` : ''}`}
              onChange={(e) => {
                setTyped(e.target.value);
                if (error) reset();
              }}
            />
            <p className="join-hint muted" id={`${id}-hint`}>
              {t('live.join.codeHint', { n: CODE_LENGTH })}
            </p>
            {tried && problemText ? (
              <p className="field-error" id={errorId}>
                {problemText}
              </p>
            ) : null}
            <button type="submit" className="button-primary join-submit" disabled={pending}>
              {pending ? t('live.join.joining') : t('live.join.submit')}
            </button>
          </form>
        </>
      )}
      {error ? (
        <div className="note note-error join-error" role="alert" data-testid="join-error">
          {joinErrorText(t, error)}
        </div>
      ) : null}
      <p className="join-help muted">{t('live.join.help')}</p>
    </section>
  );
}

/** The seat's judge id, as the token's subject says (`seat-…`); read for display and the outbox only, the API verifies the token. */
function judgeIdOf(token: string, seatId: string): string {
  try {
    const sub = decodeJwtPayload(token).sub;
    if (typeof sub === 'string' && sub) return sub;
  } catch {
    // Not a JWT: fall through.
  }
  return `seat-${seatId}`;
}

/**
 * Why joining failed: a code used on another phone (SEAT_ALREADY_JOINED) or a revoked seat
 * (SEAT_REVOKED) as errors.ts words every reason; an unknown code and a seat that no longer
 * works (the round closed) in the join page's own words.
 */
function joinErrorText(t: ReturnType<typeof useI18n>['t'], error: ApiError): string {
  if (error.reason) return describeError(t, error);
  if (error.code === 'NOT_FOUND' || (error.code === 'BAD_USER_INPUT' && !error.reason)) return t('live.join.unknown');
  if (error.code === 'UNAUTHENTICATED') return t('live.seat.expired');
  return describeError(t, error);
}
