import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import {
  ConsoleHallAnswerObjectionDocument,
  ConsoleHallNoticeDocument,
  ConsoleHallReviseRoundDocument,
  type ConsoleHallNoticeQuery,
  type ObjectionOutcome,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ConfirmAction } from '../../organizer/round/fields';
import { entrantName } from '../../organizer/round/types';
import { beijingDateTime, twoDecimals } from '../../results/format';
import { CalendarDays } from './CalendarDays';
import { periodEnd } from './time';
import { useWho } from './who';

type NoticeRound = NonNullable<ConsoleHallNoticeQuery['round']>;
type Objection = NoticeRound['objections'][number];
type Publication = NoticeRound['publications'][number];

const OUTCOMES: ObjectionOutcome[] = ['UPHELD', 'REJECTED'];

/** Whether the round was published again after the objection was answered: its revision is done. */
function revisedAfter(publications: readonly Publication[], objection: Objection): boolean {
  const answered = objection.answeredAt;
  return !!answered && publications.some((p) => p.number > 1 && Date.parse(p.publishedAt) > Date.parse(answered));
}

/**
 * 公示与异议: where the notice period stands, the objections filed during it — each
 * answered 成立 or 不成立 with a response, and after an upheld one 重新核定 (the round goes
 * back to CLOSED to be corrected and published again) — every publication with what
 * changed from the one before, and the working-day calendar.
 */
export function NoticePanel({ roundId, onChanged }: { roundId: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const query = useQuery(ConsoleHallNoticeDocument, { id: roundId }, { pollMs: 30_000 });
  const round = query.data?.round;
  if (!round) return query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : <Loading />;
  const changed = () => {
    void query.refetch();
    onChanged();
  };
  const published = round.status === 'PUBLISHED';
  const noticeOpen = published && !!round.noticeEndsAt && Date.parse(round.noticeEndsAt) > Date.now();
  const revising = round.status === 'CLOSED' && round.publications.length > 0;
  return (
    <section className="hall-section" aria-labelledby="notice-title" data-testid="notice">
      <h3 id="notice-title">{t('hall.notice.title')}</h3>
      {query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : null}
      <div className="notice-state" data-testid="notice-state">
        {round.final ? (
          <Note kind="ok">{t('hall.notice.final')}</Note>
        ) : revising ? (
          <Note kind="warn">{t('hall.notice.revising')}</Note>
        ) : !published ? (
          <Note>{t('hall.notice.notPublished')}</Note>
        ) : noticeOpen && round.noticeEndsAt ? (
          <Note>{t('hall.notice.open', { end: periodEnd(lang, round.noticeEndsAt) })}</Note>
        ) : round.noticeEndsAt ? (
          <Note kind={round.openObjectionCount ? 'warn' : 'info'}>{t('hall.notice.ended', { end: periodEnd(lang, round.noticeEndsAt) })}</Note>
        ) : (
          <Note>{t('hall.notice.noPeriod')}</Note>
        )}
        {published && round.noticeEndsAt ? (
          <p className="small">
            <a href={`/notice/${encodeURIComponent(round.id)}`} target="_blank" rel="noopener noreferrer">
              {t('hall.notice.publicPage')}
            </a>{' '}
            <span className="muted">{t('hall.notice.publicPageHint')}</span>
          </p>
        ) : null}
      </div>

      <h4>{t('hall.objections.title', { n: round.objections.length })}</h4>
      {round.objections.length === 0 ? (
        <p className="muted small">{published ? t('hall.objections.none') : t('hall.objections.noneYet')}</p>
      ) : (
        <ol className="objection-list" data-testid="objections">
          {round.objections.map((objection) => (
            <ObjectionItem
              key={objection.id}
              objection={objection}
              roundId={round.id}
              canRevise={published && !revisedAfter(round.publications, objection)}
              onChanged={changed}
            />
          ))}
        </ol>
      )}

      {round.publications.length > 0 ? (
        <>
          <h4>{t('hall.pubs.title')}</h4>
          <ol className="publication-list" data-testid="publications">
            {[...round.publications].reverse().map((p) => (
              <PublicationItem key={p.number} publication={p} />
            ))}
          </ol>
        </>
      ) : null}

      <details className="subpanel">
        <summary>{t('hall.calendar.title')}</summary>
        <CalendarDays />
      </details>
    </section>
  );
}

function ObjectionItem({ objection, roundId, canRevise, onChanged }: { objection: Objection; roundId: string; canRevise: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<ObjectionOutcome | null>(null);
  const [response, setResponse] = useState('');
  const answer = useMutation(ConsoleHallAnswerObjectionDocument);
  const revise = useMutation(ConsoleHallReviseRoundDocument);
  const who = useWho();
  const entry = objection.entry;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || !response.trim()) return;
    if (await answer.mutate({ id: objection.id, outcome, response: response.trim() })) onChanged();
  };

  return (
    <li className={`objection objection-${objection.status.toLowerCase()}`} data-objection={objection.id}>
      <div className="objection-head">
        <strong>{t('hall.objections.about', { order: entry.order, name: entrantName(entry) })}</strong>
        <span className={`objection-status objection-status-${objection.status.toLowerCase()}`}>{t(`hall.objections.status.${objection.status}`)}</span>
      </div>
      <p className="muted small">
        {t('hall.objections.filed', {
          name: objection.name ?? '—',
          contact: objection.contact ?? '—',
          time: beijingDateTime(lang, objection.filedAt),
        })}
      </p>
      <blockquote className="objection-grounds">{objection.grounds}</blockquote>
      {objection.status !== 'OPEN' ? (
        <p className="objection-response">
          <strong>{t('hall.objections.response', { outcome: t(`hall.objections.status.${objection.status}`) })}</strong>
          {objection.response}
          {objection.answeredAt ? (
            <span className="muted small">
              {' '}
              {t('hall.objections.answered', { who: who(objection.answeredBy), time: beijingDateTime(lang, objection.answeredAt) })}
            </span>
          ) : null}
        </p>
      ) : (
        <form className="objection-answer" onSubmit={submit} aria-label={t('hall.objections.answerLabel', { name: entrantName(entry) })}>
          <fieldset className="plain-fieldset">
            <legend>{t('hall.objections.outcome')}</legend>
            <div className="choices choices-inline">
              {OUTCOMES.map((o) => (
                <label key={o} className="choice" htmlFor={`${id}-${o}`}>
                  <input id={`${id}-${o}`} type="radio" name={`${id}-outcome`} checked={outcome === o} onChange={() => setOutcome(o)} />
                  <span>{t(`hall.objections.outcome.${o}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-response`}>{t('hall.objections.responseLabel')}</label>
            <textarea id={`${id}-response`} rows={3} maxLength={2000} value={response} onChange={(e) => setResponse(e.target.value)} />
          </div>
          {outcome === 'UPHELD' ? <p className="muted small">{t('hall.objections.upheldHint')}</p> : null}
          {answer.error ? <ErrorNote error={answer.error} /> : null}
          <button type="submit" className="button-primary" disabled={answer.pending || !outcome || !response.trim()}>
            {t('hall.objections.submit')}
          </button>
        </form>
      )}
      {objection.status === 'UPHELD' && canRevise ? (
        <div className="objection-revise">
          <ConfirmAction
            label={t('hall.objections.revise')}
            question={t('hall.objections.reviseQuestion')}
            disabled={revise.pending}
            onConfirm={async () => {
              if (await revise.mutate({ id: roundId, objectionId: objection.id })) onChanged();
            }}
          />
          {revise.error ? <ErrorNote error={revise.error} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function PublicationItem({ publication: p }: { publication: Publication }) {
  const { t, lang } = useI18n();
  const who = useWho();
  return (
    <li className="publication">
      <p>
        <strong>{t('hall.pubs.number', { n: p.number })}</strong> {t('hall.pubs.at', { time: beijingDateTime(lang, p.publishedAt), who: who(p.publishedBy) })}
        {' · '}
        {p.noticeEndsAt ? t('hall.pubs.notice', { days: p.noticeWorkingDays ?? '—', end: periodEnd(lang, p.noticeEndsAt) }) : t('hall.pubs.noNotice')}
      </p>
      {p.revisionReason ? <p className="small">{t('hall.pubs.revision', { reason: p.revisionReason })}</p> : null}
      {p.overrideReason ? <p className="small">{t('hall.pubs.override', { reason: p.overrideReason })}</p> : null}
      {p.number > 1 ? (
        p.changes.length === 0 ? (
          <p className="muted small">{t('hall.pubs.noChanges')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('hall.pubs.changes', { n: p.number })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hall.pubs.col.entry')}</th>
                  <th scope="col" className="num">
                    {t('hall.pubs.col.totalBefore')}
                  </th>
                  <th scope="col" className="num">
                    {t('hall.pubs.col.totalAfter')}
                  </th>
                  <th scope="col" className="num">
                    {t('hall.pubs.col.rankBefore')}
                  </th>
                  <th scope="col" className="num">
                    {t('hall.pubs.col.rankAfter')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.changes.map((c) => (
                  <tr key={c.entry.id}>
                    <th scope="row">
                      {c.entry.order}. {entrantName(c.entry)}
                    </th>
                    <td className="num">{twoDecimals(c.totalBefore)}</td>
                    <td className="num">{twoDecimals(c.totalAfter)}</td>
                    <td className="num">{c.rankBefore ?? '—'}</td>
                    <td className="num">{c.rankAfter ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </li>
  );
}
