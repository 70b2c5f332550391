import { useId, useState } from 'react';
import { reasonOf } from '../../api/errors';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading } from '../../components/ui';
import { ConsoleHallDeadlineDocument, ConsoleHallPublishDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { CalendarDays } from './CalendarDays';
import { judgesInWords, useSignOffs } from './SignOffs';
import { periodEnd, sentenceGap } from './time';
import './hall.css';

const DEFAULT_WORKING_DAYS = 5;

/**
 * 发布成绩, asked in the round's header: the notice period (公示) in working days (5
 * proposed) with its end previewed by the API's calendar (holidays and 调休 counted; the
 * days the calendar does not know yet are added under 节假日设置), the judges' sign-off,
 * and — when the round requires sign-off and someone has not signed — why, and a reason
 * to publish anyway that is recorded with the publication.
 */
export function PublishDialog({ roundId, name, onPublished, onCancel }: { roundId: string; name: string; onPublished: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  // One moment for the preview: the deadline counts from today, not from each render.
  const [from] = useState(() => new Date().toISOString());
  const [withNotice, setWithNotice] = useState(true);
  const [days, setDays] = useState(DEFAULT_WORKING_DAYS);
  const [reason, setReason] = useState('');
  const [showCalendar, setShowCalendar] = useState(false);
  const validDays = Number.isInteger(days) && days >= 1 && days <= 60;
  const deadline = useQuery(ConsoleHallDeadlineDocument, { from, workingDays: days }, { skip: !withNotice || !validDays });
  const { query: signQuery, round: signRound, rows } = useSignOffs(roundId);
  const publish = useMutation(ConsoleHallPublishDocument);

  const required = signRound?.live.requireSignOff ?? false;
  const unsigned = rows.filter((r) => r.state === 'UNSIGNED');
  const voided = rows.filter((r) => r.state === 'VOID');
  const missing = unsigned.length + voided.length;
  // The API has the last word: a sign-off voided since this dialog opened is refused with SIGN_OFF_MISSING.
  const refusedForSignOff = reasonOf(publish.error) === 'SIGN_OFF_MISSING';
  const needsReason = (required && missing > 0) || refusedForSignOff;
  const canPublish = !publish.pending && (!withNotice || validDays) && (!needsReason || reason.trim().length > 0) && !!signRound;

  const submit = async () => {
    if (!canPublish) return;
    const done = await publish.mutate({
      id: roundId,
      noticeWorkingDays: withNotice ? days : null,
      overrideReason: needsReason ? reason.trim() : null,
    });
    if (done) onPublished();
  };

  return (
    // Not a form: the calendar inside has a form of its own.
    <div className="publish-dialog" role="group" aria-labelledby={`${id}-title`} data-testid="publish-dialog">
      <p id={`${id}-title`}>
        <strong>{t('org.confirmPublish', { name })}</strong>
      </p>
      <p className="small">{t('hall.publish.intro')}</p>

      <fieldset className="plain-fieldset publish-notice">
        <legend>{t('hall.publish.notice')}</legend>
        <div className="field field-check">
          <input id={`${id}-with`} type="checkbox" checked={withNotice} onChange={(e) => setWithNotice(e.target.checked)} />
          <label htmlFor={`${id}-with`}>{t('hall.publish.withNotice')}</label>
        </div>
        {withNotice ? (
          <div className="publish-days">
            <label htmlFor={`${id}-days`}>{t('hall.publish.days')}</label>
            <input
              id={`${id}-days`}
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              step={1}
              value={Number.isNaN(days) ? '' : days}
              aria-describedby={`${id}-preview`}
              aria-invalid={!validDays}
              onChange={(e) => setDays(Math.trunc(Number(e.target.value)))}
            />
            <span>{t('hall.publish.daysUnit')}</span>
          </div>
        ) : null}
        <p id={`${id}-preview`} className="publish-preview" data-testid="notice-preview" aria-live="polite">
          {!withNotice
            ? t('hall.publish.noNotice')
            : !validDays
              ? t('hall.publish.daysInvalid')
              : deadline.data
                ? t('hall.publish.endsAt', { end: periodEnd(lang, deadline.data.workingDayDeadline.endsAt) })
                : deadline.error
                  ? ''
                  : t('common.loading')}
        </p>
        {withNotice && deadline.error ? <ErrorNote error={deadline.error} onRetry={() => void deadline.refetch()} /> : null}
        <button type="button" className="link-button" aria-expanded={showCalendar} onClick={() => setShowCalendar((v) => !v)}>
          {t('hall.publish.calendar')}
        </button>
        {showCalendar ? (
          <CalendarDays
            onChanged={() => {
              if (withNotice && validDays) void deadline.refetch();
            }}
          />
        ) : null}
      </fieldset>

      <fieldset className="plain-fieldset">
        <legend>{t('hall.publish.signOff')}</legend>
        {!signRound ? (
          signQuery.error ? (
            <ErrorNote error={signQuery.error} onRetry={() => void signQuery.refetch()} />
          ) : (
            <Loading />
          )
        ) : (
          <div data-testid="publish-signoff">
            <p className="small">
              {[
                t('hall.publish.signed', { signed: rows.length - missing, n: rows.length }),
                unsigned.length ? t('hall.publish.unsigned', { judges: judgesInWords(unsigned) }) : null,
                voided.length ? t('hall.publish.voided', { judges: judgesInWords(voided) }) : null,
              ]
                .filter(Boolean)
                .join(sentenceGap(lang))}
            </p>
            {!required ? <p className="muted small">{t('hall.publish.notRequired')}</p> : null}
          </div>
        )}
        {needsReason ? (
          <div className="note note-warn publish-override">
            <p>{t('hall.publish.required', { n: missing || 1 })}</p>
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('hall.publish.reason')}</label>
              <textarea id={`${id}-reason`} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </div>
        ) : null}
      </fieldset>

      {publish.error ? <ErrorNote error={publish.error} /> : null}
      <div className="row">
        <button type="button" className="button-danger" disabled={!canPublish} onClick={() => void submit()}>
          {t('org.publish')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
