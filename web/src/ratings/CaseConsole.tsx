import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { RatingCasesDocument, type RatingCaseFilter, type RatingCaseStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { CaseDetail, CaseStatusTag } from './CaseDetail';
import type { CaseRecord, RatingsRoundRecord } from './model';
import { deadlineText, momentText, runningDeadline } from './words';

const STATUSES: RatingCaseStatus[] = ['RECEIVED', 'CALLED_BACK', 'VERIFIED', 'NOT_SUBSTANTIATED', 'RECTIFYING', 'APPEALED', 'CLOSED', 'UPHELD'];
type Due = '' | 'overdue' | 'dueSoon';

/**
 * 回访整改: every 差评's case, filtered by status, unit and deadline (已超期, 即将到期),
 * soonest deadline first, each with the rating it follows (point, level, reasons, the
 * masked phone), when it came in, both deadlines in Beijing time and, once overdue, the
 * supervisor it is escalated to. 办理 opens the case: its steps and the forms for what
 * it allows next.
 */
export function CaseConsole({ round, active, onCaseChanged }: { round: RatingsRoundRecord; active: boolean; onCaseChanged: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<RatingCaseStatus | ''>('');
  const [unitId, setUnitId] = useState('');
  const [due, setDue] = useState<Due>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const filter: RatingCaseFilter = {
    ...(status ? { status } : {}),
    ...(unitId ? { unitId } : {}),
    ...(due === 'overdue' ? { overdue: true } : {}),
    ...(due === 'dueSoon' ? { dueSoon: true } : {}),
  };
  const cases = useQuery(RatingCasesDocument, { roundId: round.id, filter }, { skip: !active, pollMs: 30_000 });
  const [opened, setOpened] = useState<CaseRecord | null>(null);
  const list = cases.data?.ratingCases ?? [];
  // The case as last answered: the list's copy once it has caught up with a step taken here, else the step's answer.
  const progress = (c: CaseRecord) => c.steps.length + c.accountability.length;
  const current = opened && opened.id === openId ? (list.find((c) => c.id === openId && progress(c) >= progress(opened)) ?? opened) : null;

  useEffect(() => {
    if (openId) detailRef.current?.scrollIntoView({ block: 'start' });
  }, [openId]);

  const units = round.entries.flatMap((e) => (e.unit ? [e.unit] : []));
  const open = (c: CaseRecord) => {
    setOpened(c);
    setOpenId(c.id);
  };

  return (
    <section className="case-console" aria-labelledby={`${id}-title`} data-testid="case-console">
      <h3 id={`${id}-title`}>{t('ratings.cases.title')}</h3>
      <p className="muted small">{t('ratings.cases.intro', { callback: round.method.callbackWorkingDays, rectify: round.method.rectificationWorkingDays })}</p>
      <div className="case-filters" role="search" aria-label={t('ratings.cases.filters')}>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('ratings.cases.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as RatingCaseStatus | '')}>
            <option value="">{t('ratings.cases.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ratings.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('ratings.cases.unit')}</label>
          <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('ratings.cases.anyUnit')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="case-due">
          <legend>{t('ratings.cases.due')}</legend>
          {(['', 'overdue', 'dueSoon'] as const).map((d) => (
            <label key={d || 'any'} className="field-inline-check" htmlFor={`${id}-due-${d || 'any'}`}>
              <input id={`${id}-due-${d || 'any'}`} type="radio" name={`${id}-due`} checked={due === d} onChange={() => setDue(d)} />
              {t(`ratings.cases.due.${d || 'any'}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" disabled={cases.loading} onClick={() => void cases.refetch()}>
          {t('ratings.cases.reload')}
        </button>
      </div>
      {cases.error ? <ErrorNote error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {!cases.data && !cases.error ? <Loading /> : null}
      {cases.data ? (
        <p className="muted small" role="status" data-testid="case-count">
          {t('ratings.cases.count', { n: list.length, overdue: list.filter((c) => c.overdue).length })}
        </p>
      ) : null}
      {cases.data && list.length === 0 ? <Note>{t(Object.keys(filter).length ? 'ratings.cases.noneFiltered' : 'ratings.cases.none')}</Note> : null}
      {list.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
          <table className="table table-compact case-table" data-testid="case-table">
            <caption className="visually-hidden">{t('ratings.cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.cases.col.status')}</th>
                <th scope="col">{t('ratings.cases.col.unit')}</th>
                <th scope="col">{t('ratings.cases.col.rating')}</th>
                <th scope="col">{t('ratings.cases.col.phone')}</th>
                <th scope="col">{t('ratings.cases.col.received')}</th>
                <th scope="col">{t('ratings.cases.col.deadlines')}</th>
                <th scope="col">{t('ratings.cases.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => {
                const running = runningDeadline(c);
                return (
                  <tr
                    key={c.id}
                    data-case={c.id}
                    data-status={c.status}
                    className={[c.overdue ? 'case-overdue' : '', c.id === openId ? 'row-selected' : ''].filter(Boolean).join(' ') || undefined}
                  >
                    <td>
                      <CaseStatusTag c={c} />
                      {c.overdue ? <span className="tag tag-overdue">{t('ratings.cases.overdue')}</span> : null}
                      {c.dueSoon ? <span className="tag tag-warn">{t('ratings.cases.dueSoon')}</span> : null}
                    </td>
                    <th scope="row">
                      {c.unit.name}
                      <span className="case-point muted small">{c.rating.point.name}</span>
                      {c.escalatedTo ? <span className="case-escalated small">{t('ratings.cases.escalated', { unit: c.escalatedTo.name })}</span> : null}
                    </th>
                    <td>
                      <span className="case-level">{t(`ratings.level.${c.rating.level}`)}</span>
                      {c.rating.reasons.length ? <span className="small"> {c.rating.reasons.join('、')}</span> : null}
                      {c.rating.comment ? <span className="case-comment muted small">“{c.rating.comment}”</span> : null}
                    </td>
                    <td className="mono">{c.rating.phone ?? <span className="muted">{t('ratings.cases.noPhone')}</span>}</td>
                    <td className="nowrap">{momentText(lang, c.rating.receivedAt)}</td>
                    <td className="case-deadlines">
                      <span className={`nowrap${c.overdue && running === 'callback' ? ' deadline-overdue' : ''}`}>
                        {t('ratings.cases.callbackBy', { time: deadlineText(lang, c.callbackDueAt) })}
                      </span>
                      <span className={`nowrap${c.overdue && running === 'rectification' ? ' deadline-overdue' : ''}`}>
                        {t('ratings.cases.closeBy', { time: deadlineText(lang, c.rectificationDueAt) })}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className={c.id === openId ? 'button-primary button-small' : 'button-small'}
                        aria-pressed={c.id === openId}
                        aria-label={t('ratings.cases.openLabel', {
                          unit: c.unit.name,
                          point: c.rating.point.name,
                          time: momentText(lang, c.rating.receivedAt),
                        })}
                        onClick={() => open(c)}
                      >
                        {t('ratings.cases.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <div ref={detailRef} className="case-detail-anchor">
        {current ? (
          <CaseDetail
            key={current.id}
            c={current}
            round={round}
            onClose={() => setOpenId(null)}
            onChanged={(next) => {
              setOpened(next);
              onCaseChanged();
              void cases.refetch();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
